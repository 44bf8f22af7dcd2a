import { defineCollection } from 'astro:content';
import {
  eventSchema,
  newsSchema,
  operatorResourceSchema,
  opportunitySchema,
  professionSchema,
  projectSchema,
  questionSchema,
  readingSchema,
  territorySchema,
  thematicAreaSchema,
  tutorialSchema,
  usefulLinkSchema,
  type Locale,
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

/**
 * What entries embed from other collections: the names and slugs of territories and thematic
 * areas. Entries are fetched again in full when it changed since the previous build (a renamed
 * area changes no entry's update time). Asked once per build.
 */
let referenceData: Promise<unknown> | undefined;
const references = () =>
  (referenceData ??= Promise.all([
    client.getAll('territories', { 'fields[0]': 'name', 'fields[1]': 'slug', 'fields[2]': 'updatedAt' }),
    ...(['it', 'en'] as const).map((locale) =>
      client.getAll('thematic-areas', { locale, 'fields[0]': 'name', 'fields[1]': 'slug', 'fields[2]': 'updatedAt' }),
    ),
  ]));

/** In a draft preview build, the previewed document's draft for its collection and locale. */
const draftOf = (collection: string, locale: Locale) => {
  const preview = config.SITO_PREVIEW;
  return preview && preview.collection === collection && preview.locale === locale
    ? { documentId: preview.documentId, grant: preview.id }
    : undefined;
};

/**
 * Entries of this hub, of its antennas (an antenna has no site: its entries are on its hub's, and
 * the CMS rebuilds the hub when one is published, cms/src/publishing/hubs.ts), and regional
 * entries (shown in every hub).
 */
const ownOrRegional = {
  $or: [
    { territory: { slug: { $eq: config.SITO_HUB } } },
    { territory: { kind: { $eq: 'antenna' }, parent: { slug: { $eq: config.SITO_HUB } } } },
    { regional: { $eq: true } },
  ],
};

/** What the builder asks the CMS for one editorial type. */
interface EditorialType<S extends z.ZodType<{ slug: string }>> {
  /** REST collection name. */
  collection: string;
  /** How messages name one entry: "opportunity". */
  kind: string;
  schema: S;
  /** Relations, media and components, beyond the owner and the verifying office. */
  populate: Record<string, unknown>;
  sort: string;
}

/**
 * A collection of territorial content for this hub: its own entries, its antennas' and the regional ones, in one
 * language, validated with the shared schema. `populate` is explicit for each type. A translation is
 * the same document in another locale; entries with no English version are simply not in English.
 */
function editorial<S extends z.ZodType<{ slug: string }>>(
  { collection, kind, schema, populate, sort }: EditorialType<S>,
  locale: Locale,
) {
  return defineCollection({
    schema,
    loader: strapiLoader({
      ...common,
      collection,
      name: locale === 'it' ? collection : `${collection} (${locale})`,
      schema,
      query: toStrapiQuery({ locale, filters: ownOrRegional, sort, populate: { ...ownership, ...populate } }),
      describe: describe(locale === 'it' ? kind : `${kind} (${locale})`),
      id: (entry) => entry.slug,
      draft: draftOf(collection, locale),
      references,
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

const opportunity = {
  collection: 'opportunities',
  kind: 'opportunity',
  schema: opportunitySchema,
  populate: { thematicAreas: ref, attachments: true },
  sort: 'deadline:asc',
};
const tutorial = {
  collection: 'tutorials',
  kind: 'tutorial',
  schema: tutorialSchema,
  populate: {
    thematicArea: ref,
    steps: true,
    templates: true,
    relatedOpportunities: slugOnly,
    relatedProfessions: slugOnly,
  },
  sort: 'title:asc',
};
const profession = {
  collection: 'professions',
  kind: 'profession',
  schema: professionSchema,
  populate: {
    thematicArea: ref,
    studyPaths: true,
    testimonials: { populate: { photo: true } },
    relatedTutorials: slugOnly,
  },
  sort: 'name:asc',
};
const event = {
  collection: 'events',
  kind: 'event',
  schema: eventSchema,
  populate: { thematicArea: ref, venue: true },
  sort: 'startsAt:asc',
};
const question = {
  collection: 'questions',
  kind: 'question',
  schema: questionSchema,
  populate: { thematicArea: ref, answeredBy: ref },
  sort: 'answeredOn:desc',
};
const operatorResource = {
  collection: 'operator-resources',
  kind: 'operator resource',
  schema: operatorResourceSchema,
  populate: { files: true },
  sort: 'title:asc',
};
const usefulLink = {
  collection: 'useful-links',
  kind: 'useful link',
  schema: usefulLinkSchema,
  populate: { thematicArea: ref },
  sort: 'title:asc',
};
const reading = {
  collection: 'readings',
  kind: 'reading',
  schema: readingSchema,
  populate: { thematicArea: ref },
  sort: 'title:asc',
};
const newsItem = { collection: 'news-items', kind: 'news', schema: newsSchema, populate: {}, sort: 'date:desc' };
const project = {
  collection: 'projects',
  kind: 'project',
  schema: projectSchema,
  populate: { thematicArea: ref, partners: true, relatedEvents: slugOnly, relatedOpportunities: slugOnly },
  sort: 'startDate:desc',
};

/**
 * Italian collections carry the type's name; English versions (src/lib/translations.ts) add `En`.
 * Operator resources are for the network's staff and stay in Italian, and so do projects (the network's
 * own programmes, told to the territory); useful links and readings are
 * listed in Italian only too (a short description of a site or a book, not worth an English page).
 */
export const collections = {
  territories,
  thematicAreas,
  opportunities: editorial(opportunity, 'it'),
  tutorials: editorial(tutorial, 'it'),
  professions: editorial(profession, 'it'),
  events: editorial(event, 'it'),
  questions: editorial(question, 'it'),
  operatorResources: editorial(operatorResource, 'it'),
  usefulLinks: editorial(usefulLink, 'it'),
  readings: editorial(reading, 'it'),
  news: editorial(newsItem, 'it'),
  projects: editorial(project, 'it'),
  opportunitiesEn: editorial(opportunity, 'en'),
  tutorialsEn: editorial(tutorial, 'en'),
  professionsEn: editorial(profession, 'en'),
  eventsEn: editorial(event, 'en'),
  questionsEn: editorial(question, 'en'),
  newsEn: editorial(newsItem, 'en'),
};
