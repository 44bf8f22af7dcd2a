import type { StrapiApp } from '@strapi/strapi/admin';
import { Rocket } from '@strapi/icons';

export default {
  config: {
    // Operators work in Italian; English stays available in each user's profile.
    locales: ['it'],
  },
  bootstrap(app: StrapiApp) {
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
