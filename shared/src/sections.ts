/**
 * Where each content type's pages live on a hub: the URL segment of its Italian pages and, for the
 * types readers can read in English, of its English pages. The sites build their links from these
 * (sites/src/lib/paths.ts); the CMS builds preview links from them.
 */
export const SECTIONS = {
  opportunities: 'opportunita',
  tutorials: 'tutorial',
  professions: 'professioni',
  events: 'eventi',
  questions: 'esperto-risponde',
  operatorResources: 'risorse-operatori',
  usefulLinks: 'siti-utili',
  readings: 'bibliografia',
  news: 'news',
  areas: 'aree',
  projects: 'progetti',
  contacts: 'contatti',
  about: 'chi-siamo',
  accessibility: 'accessibilita',
  search: 'cerca',
} as const;
export type SectionKey = keyof typeof SECTIONS;

/** The URL segments of the English pages, under `/<hub>/en/`. */
export const ENGLISH_SECTIONS = {
  opportunities: 'opportunities',
  events: 'events',
  tutorials: 'guides',
  professions: 'professions',
  questions: 'ask-the-expert',
  news: 'news',
  search: 'search',
} as const;

/** The editorial content types: their Strapi uid, REST collection and section. */
export const EDITORIAL_CONTENT_TYPES = {
  'api::opportunity.opportunity': { collection: 'opportunities', section: 'opportunities' },
  'api::tutorial.tutorial': { collection: 'tutorials', section: 'tutorials' },
  'api::profession.profession': { collection: 'professions', section: 'professions' },
  'api::event.event': { collection: 'events', section: 'events' },
  'api::question.question': { collection: 'questions', section: 'questions' },
  'api::operator-resource.operator-resource': { collection: 'operator-resources', section: 'operatorResources' },
  'api::useful-link.useful-link': { collection: 'useful-links', section: 'usefulLinks' },
  'api::reading.reading': { collection: 'readings', section: 'readings' },
  'api::news.news': { collection: 'news-items', section: 'news' },
  'api::project.project': { collection: 'projects', section: 'projects' },
} as const satisfies Record<string, { collection: string; section: SectionKey }>;
export type EditorialUid = keyof typeof EDITORIAL_CONTENT_TYPES;

/** An entry's page under a hub's base path (`/cremona` or a preview's): Italian, or English where it exists. */
export function entryPagePath(base: string, uid: EditorialUid, slug: string, locale: string): string {
  const section = EDITORIAL_CONTENT_TYPES[uid].section;
  const root = base.replace(/\/$/, '');
  if (locale !== 'it' && section in ENGLISH_SECTIONS)
    return `${root}/${locale}/${ENGLISH_SECTIONS[section as keyof typeof ENGLISH_SECTIONS]}/${slug}/`;
  return `${root}/${SECTIONS[section]}/${slug}/`;
}
