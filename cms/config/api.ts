import type { Core } from '@strapi/strapi';

const config: Core.Config.Api = {
  rest: {
    defaultLimit: 25,
    // Full entries, 100 a request at most; the hub builder's change listing has its own endpoint,
    // which answers every entry in one request (src/publishing/listing.ts).
    maxLimit: 100,
    withCount: true,
    strictParams: true,
  },
  documents: {
    strictParams: true,
    strictRelations: true,
  },
};

export default config;
