import type { StrapiApp } from '@strapi/strapi/admin';
import { ChartPie, CheckCircle, House, Rocket, Shield } from '@strapi/icons';
import { InboxMenuIcon } from './components/InboxMenuIcon';
import { codeMessages, italianEnumColumns } from './enum-columns';
import adminIt from './translations/admin.it.json';
import contentManagerIt from './translations/content-manager.it.json';
import i18nIt from './translations/i18n.it.json';

export default {
  config: {
    // Operators work in Italian; English stays available in each user's profile.
    locales: ['it'],
    // What Strapi's own Italian leaves in English (cms/src/admin/translations/, docs/admin.md).
    // The stored codes too: the content manager's filters and drop-down lists look each code up
    // as a message of its own (`seasonal` → «Lavoro stagionale»).
    translations: { it: { ...adminIt, ...contentManagerIt, ...i18nIt, ...codeMessages() } },
  },
  // Registration sees every plugin's widgets (bootstrap is too late for widgets).
  register(app: StrapiApp) {
    // The home page speaks about the user's own territory: our widget first, and not Strapi's
    // count of every entry of the network («Voci»), which an operator would take for their own.
    app.widgets.register((widgets) => [
      {
        id: 'territorio',
        icon: House,
        title: { id: 'sito.widget.territory.title', defaultMessage: 'Il tuo territorio' },
        component: async () => (await import('./components/TerritoryWidget')).TerritoryWidget,
        link: {
          label: { id: 'sito.widget.territory.link', defaultMessage: 'Apri il monitoraggio' },
          href: '/monitoraggio',
        },
      },
      ...widgets.filter((widget) => !(widget.pluginId === 'content-manager' && widget.id === 'chart-entries')),
    ]);
  },
  bootstrap(app: StrapiApp) {
    // Italian from the sign-in page on, unless this browser chose a language before; once signed
    // in, the user's own language applies (Italian unless they changed it in their profile).
    if (!window.localStorage.getItem('strapi-admin-language'))
      window.localStorage.setItem('strapi-admin-language', 'it');
    // List views show the Italian word for a stored code (`job` → «Offerta di lavoro»).
    app.registerHook('Admin/CM/pages/ListView/inject-column-in-table', italianEnumColumns);
    // What people sent from the hubs and waits for an operator; the CMS answers with the user's territories only.
    app.addMenuLink({
      to: 'in-arrivo',
      // The icon carries the count of what waits (Strapi's menu takes only a static one).
      icon: InboxMenuIcon,
      intlLabel: { id: 'sito.inbox.menu', defaultMessage: 'In arrivo' },
      Component: () => import('./pages/Inbox'),
      permissions: [],
    });
    // The network at a glance: per territory what is open, closing, stale and waiting, and the trends.
    app.addMenuLink({
      to: 'monitoraggio',
      icon: ChartPie,
      intlLabel: { id: 'sito.monitoring.menu', defaultMessage: 'Monitoraggio' },
      Component: () => import('./pages/Monitoring'),
      permissions: [],
    });
    // Published entries to look at again (stale, flagged, closing soon), confirmed «Verificato oggi».
    app.addMenuLink({
      to: 'da-verificare',
      icon: CheckCircle,
      intlLabel: { id: 'sito.review.menu', defaultMessage: 'Da verificare' },
      Component: () => import('./pages/ReviewQueue'),
      permissions: [],
    });
    // Export or erase one person's data on request; the CMS searches the user's territories only.
    app.addMenuLink({
      to: 'dati-personali',
      icon: Shield,
      intlLabel: { id: 'sito.personalData.menu', defaultMessage: 'Dati personali' },
      Component: () => import('./pages/PersonalData'),
      permissions: [],
    });
    // Every admin user may open it; the CMS answers with the hubs of the user's territories only.
    app.addMenuLink({
      to: 'pubblicazione',
      icon: Rocket,
      intlLabel: { id: 'sito.publishing.menu', defaultMessage: 'Pubblicazione' },
      Component: () => import('./pages/Publishing'),
      permissions: [],
    });
  },
};
