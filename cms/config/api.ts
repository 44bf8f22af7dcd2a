import type { Core } from '@strapi/strapi';

const config: Core.Config.Api = {
  rest: {
    defaultLimit: 25,
    // The hub builder's change listing (documentId and updatedAt only) reads 1,000 entries a request:
    // at 10,000 entries, 10 requests instead of 100 for every one-entry publish. The builder asks
    // for full entries 100 at a time (sites/src/lib/strapi-client.ts).
    maxLimit: 1000,
    withCount: true,
    strictParams: true,
  },
  documents: {
    strictParams: true,
    strictRelations: true,
  },
};

export default config;
