import { defineCollection } from 'astro:content';
import { opportunitySchema, territorySchema } from '@sito/shared';
import { loadBuilderConfig } from './lib/builder-env.ts';
import { buildReport } from './lib/build-report.ts';
import { createStrapiClient } from './lib/strapi-client.ts';
import { strapiLoader } from './loaders/strapi-loader.ts';

const config = loadBuilderConfig();
const client = createStrapiClient({ baseUrl: config.SITO_CMS_URL, token: config.token });
const report = buildReport(config.SITO_HUB);
const common = { client, strict: config.SITO_STRICT, report };

const describe = (kind: string) => (raw: Record<string, unknown>) =>
  `${kind} "${String(raw.slug ?? raw.title ?? raw.name ?? '?')}" (documentId ${String(raw.documentId ?? '?')})`;

/** Every territory of the network: this hub's own branding, and links to the partner hubs. */
const territories = defineCollection({
  schema: territorySchema,
  loader: strapiLoader({
    ...common,
    collection: 'territories',
    schema: territorySchema,
    query: { sort: 'name:asc' },
    describe: describe('territory'),
    id: (territory) => territory.slug,
  }),
});

/** This hub's opportunities, in Italian. */
const opportunities = defineCollection({
  schema: opportunitySchema,
  loader: strapiLoader({
    ...common,
    collection: 'opportunities',
    schema: opportunitySchema,
    query: {
      locale: 'it',
      'filters[territory][slug][$eq]': config.SITO_HUB,
      'populate[territory][fields][0]': 'name',
      'populate[territory][fields][1]': 'slug',
      sort: 'deadline:asc',
    },
    describe: describe('opportunity'),
    id: (opportunity) => opportunity.slug,
  }),
});

export const collections = { territories, opportunities };
