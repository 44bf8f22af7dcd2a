import type { StrapiApp } from '@strapi/strapi/admin';

export default {
  config: {
    // Operators work in Italian; English stays available in each user's profile.
    locales: ['it'],
  },
  bootstrap(_app: StrapiApp) {},
};
