import type { StrapiApp } from '@strapi/strapi/admin';
import { ChartPie, CheckCircle, House, Rocket, Shield } from '@strapi/icons';
import { InboxMenuIcon } from './components/InboxMenuIcon';
import { codeMessages, enumLabelColumns } from './enum-columns';
import { message } from './messages';
import adminIt from './translations/admin.it.json';
import contentManagerIt from './translations/content-manager.it.json';
import i18nIt from './translations/i18n.it.json';
import sitoEn from './translations/sito.en.json';
import sitoIt from './translations/sito.it.json';

export default {
  config: {
    // Operators work in Italian; English stays available in each user's profile.
    locales: ['it'],
    // What Strapi's own Italian leaves in English (cms/src/admin/translations/, docs/admin.md).
    // The stored codes too: the content manager's filters and drop-down lists look each code up
    // as a message of its own (`seasonal` → «Lavoro stagionale», "Seasonal work"). And the words of our own pages,
    // in both languages (sito.*.json, messages.ts).
    // Strapi writes its widget titles and many hints in neutral500 (#8e8ea9): 3.2:1 on white, under
    // WCAG's 4.5:1 for small text. One step darker (#666687, 5.7:1) wherever the light theme uses it.
    // Strapi merges a partial theme into its own (its type asks for a whole one).
    theme: { light: { colors: { neutral500: '#666687' } } } as never,
    translations: {
      it: { ...adminIt, ...contentManagerIt, ...i18nIt, ...codeMessages('it'), ...sitoIt },
      en: { ...codeMessages('en'), ...sitoEn },
    },
  },
  // Registration sees every plugin's widgets (bootstrap is too late for widgets).
  register(app: StrapiApp) {
    // The home page speaks about the user's own territory: our widget first, and not Strapi's
    // count of every entry of the network («Voci»), which an operator would take for their own.
    app.widgets.register((widgets) => [
      {
        id: 'territorio',
        icon: House,
        title: message('sito.widget.territory.title'),
        component: async () => (await import('./components/TerritoryWidget')).TerritoryWidget,
        link: {
          label: message('sito.widget.territory.link'),
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
    app.registerHook('Admin/CM/pages/ListView/inject-column-in-table', enumLabelColumns);
    // What people sent from the hubs and waits for an operator; the CMS answers with the user's territories only.
    app.addMenuLink({
      to: 'in-arrivo',
      // The icon carries the count of what waits (Strapi's menu takes only a static one).
      icon: InboxMenuIcon,
      intlLabel: message('sito.inbox.menu'),
      Component: () => import('./pages/Inbox'),
      permissions: [],
    });
    // The network at a glance: per territory what is open, closing, stale and waiting, and the trends.
    app.addMenuLink({
      to: 'monitoraggio',
      icon: ChartPie,
      intlLabel: message('sito.monitoring.menu'),
      Component: () => import('./pages/Monitoring'),
      permissions: [],
    });
    // Published entries to look at again (stale, flagged, closing soon), confirmed «Verificato oggi».
    app.addMenuLink({
      to: 'da-verificare',
      icon: CheckCircle,
      intlLabel: message('sito.review.menu'),
      Component: () => import('./pages/ReviewQueue'),
      permissions: [],
    });
    // Export or erase one person's data on request; the CMS searches the user's territories only.
    app.addMenuLink({
      to: 'dati-personali',
      icon: Shield,
      intlLabel: message('sito.personalData.menu'),
      Component: () => import('./pages/PersonalData'),
      permissions: [],
    });
    // Every admin user may open it; the CMS answers with the hubs of the user's territories only.
    app.addMenuLink({
      to: 'pubblicazione',
      icon: Rocket,
      intlLabel: message('sito.publishing.menu'),
      Component: () => import('./pages/Publishing'),
      permissions: [],
    });
  },
};
