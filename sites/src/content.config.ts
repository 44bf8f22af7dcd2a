import { defineCollection } from 'astro:content';
import {
  eventSchema,
  newsSchema,
  operatorResourceSchema,
  opportunitySchema,
  professionSchema,
  questionSchema,
  territorySchema,
  thematicAreaSchema,
  tutorialSchema,
} from '@sito/shared';
import type { z } from 'zod';
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
const slugOnly = { fields: ['slug'] };
/** Who owns and who verified an entry: every editorial type has both. */
const ownership = { territory: ref, verifiedBy: ref };

/** Entries of this hub, and regional entries (shown in every hub). */
const ownOrRegional = { $or: [{ territory: { slug: { $eq: config.SITO_HUB } } }, { regional: { $eq: true } }] };

/**
 * A collection of territorial content for this hub: its own entries and the regional ones, in
 * Italian, validated with the shared schema. `populate` is explicit for each type.
 */
function editorial<S extends z.ZodType<{ slug: string }>>(
  collection: string,
  kind: string,
  schema: S,
  populate: Record<string, unknown>,
  sort: string,
) {
  return defineCollection({
    schema,
    loader: strapiLoader({
      ...common,
      collection,
      schema,
      query: toStrapiQuery({ locale: 'it', filters: ownOrRegional, sort, populate: { ...ownership, ...populate } }),
      describe: describe(kind),
      id: (entry) => entry.slug,
    }),
  });
}

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
        parent: slugOnly,
        logo: true,
        contactPoints: { populate: { openingHours: true, exceptions: true, socialLinks: true } },
      },
    }),
    describe: describe('territory'),
    id: (territory) => territory.slug,
  }),
});

/** The thematic areas and their sections: data, never a list in a template. */
const thematicAreas = defineCollection({
  schema: thematicAreaSchema,
  loader: strapiLoader({
    ...common,
    collection: 'thematic-areas',
    schema: thematicAreaSchema,
    query: toStrapiQuery({ locale: 'it', sort: 'position:asc', populate: { parent: slugOnly } }),
    describe: describe('thematic area'),
    id: (area) => area.slug,
  }),
});

const opportunities = editorial(
  'opportunities',
  'opportunity',
  opportunitySchema,
  { thematicAreas: ref, attachments: true },
  'deadline:asc',
);
const tutorials = editorial(
  'tutorials',
  'tutorial',
  tutorialSchema,
  { thematicArea: ref, steps: true, templates: true, relatedOpportunities: slugOnly, relatedProfessions: slugOnly },
  'title:asc',
);
const professions = editorial(
  'professions',
  'profession',
  professionSchema,
  { thematicArea: ref, studyPaths: true, testimonials: { populate: { photo: true } }, relatedTutorials: slugOnly },
  'name:asc',
);
const events = editorial('events', 'event', eventSchema, { thematicArea: ref, venue: true }, 'startsAt:asc');
const questions = editorial(
  'questions',
  'question',
  questionSchema,
  { thematicArea: ref, answeredBy: ref },
  'answeredOn:desc',
);
const operatorResources = editorial(
  'operator-resources',
  'operator resource',
  operatorResourceSchema,
  { files: true },
  'title:asc',
);
const news = editorial('news-items', 'news', newsSchema, {}, 'date:desc');

export const collections = {
  territories,
  thematicAreas,
  opportunities,
  tutorials,
  professions,
  events,
  questions,
  operatorResources,
  news,
};
