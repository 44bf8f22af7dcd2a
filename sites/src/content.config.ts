import { defineCollection } from 'astro:content';
import { opportunitySchema, territorySchema } from '@sito/shared';
import { loadBuilderConfig } from './lib/builder-env.ts';
import { buildReport } from './lib/build-report.ts';
import { createStrapiClient, toStrapiQuery } from './lib/strapi-client.ts';
import { strapiLoader } from './loaders/strapi-loader.ts';

const config = loadBuilderConfig();
const client = createStrapiClient({ baseUrl: config.SITO_CMS_URL, token: config.token });
const report = buildReport(config.SITO_HUB);
const common = { client, strict: config.SITO_STRICT, report };

const describe = (kind: string) => (raw: Record<string, unknown>) =>
  `${kind} "${String(raw.slug ?? raw.title ?? raw.name ?? '?')}" (documentId ${String(raw.documentId ?? '?')})`;

/** Populate a related territory or area with just what links need. */
const ref = { fields: ['name', 'slug'] };

/** Entries of this hub, and regional entries (shown in every hub). */
const ownOrRegional = { $or: [{ territory: { slug: { $eq: config.SITO_HUB } } }, { regional: { $eq: true } }] };

/** Every territory of the network: this hub's own branding and contacts, and links to the partner hubs. */
const territories = defineCollection({
  schema: territorySchema,
  loader: strapiLoader({
    ...common,
    collection: 'territories',
    schema: territorySchema,
    query: toStrapiQuery({
      sort: 'name:asc',
      populate: {
        parent: { fields: ['slug'] },
        logo: true,
        contactPoints: { populate: { openingHours: true, exceptions: true, socialLinks: true } },
      },
    }),
    describe: describe('territory'),
    id: (territory) => territory.slug,
  }),
});

/** This hub's opportunities and the regional ones, in Italian. */
const opportunities = defineCollection({
  schema: opportunitySchema,
  loader: strapiLoader({
    ...common,
    collection: 'opportunities',
    schema: opportunitySchema,
    query: toStrapiQuery({
      locale: 'it',
      filters: ownOrRegional,
      sort: 'deadline:asc',
      populate: { territory: ref, verifiedBy: ref, thematicAreas: ref, attachments: true },
    }),
    describe: describe('opportunity'),
    id: (opportunity) => opportunity.slug,
  }),
});

export const collections = { territories, opportunities };
