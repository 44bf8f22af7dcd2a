import { ENGLISH_SECTIONS, SECTIONS, type SectionKey } from '@sito/shared';
import { defaultLang, type Lang } from '../i18n/ui.ts';

/** Links inside the hub, under its base (`/cremona/`), always with a trailing slash. */
export function hubPath(...segments: string[]): string {
  const base = import.meta.env.BASE_URL.replace(/\/?$/, '/');
  const rest = segments.filter(Boolean).join('/');
  return rest ? `${base}${rest}/` : base;
}

// The sections' URL segments are shared with the CMS, which builds preview links from them.
export { ENGLISH_SECTIONS, SECTIONS, type SectionKey };

export const entryPath = (section: SectionKey, slug: string) => hubPath(SECTIONS[section], slug);

/**
 * Entry types readers can also read in English, where an entry has an English version. Operator
 * resources are for the network's staff and stay in Italian.
 */
export const TRANSLATABLE_TYPES = ['opportunities', 'events', 'tutorials', 'professions', 'questions', 'news'] as const;
export type TranslatableType = (typeof TRANSLATABLE_TYPES)[number];

/** The home of the site in a language: `/cremona/`, `/cremona/en/`. */
export const languageHome = (lang: Lang): string => (lang === defaultLang ? hubPath() : hubPath(lang));

/** An entry's page in a language: `/cremona/opportunita/<slug>/`, `/cremona/en/opportunities/<slug>/`. */
export const localizedEntryPath = (lang: Lang, type: TranslatableType, slug: string): string =>
  lang === defaultLang ? entryPath(type, slug) : hubPath(lang, ENGLISH_SECTIONS[type], slug);

/**
 * Where a type's entries are listed in a language: its Italian listing page, or its section of the
 * language's home (there are no English listing pages: English content is a handful per type).
 */
export const localizedListPath = (lang: Lang, type: TranslatableType): string =>
  lang === defaultLang ? hubPath(SECTIONS[type]) : `${languageHome(lang)}#${ENGLISH_SECTIONS[type]}`;

/** The search page in a language. */
export const localizedSearchPath = (lang: Lang): string =>
  lang === defaultLang ? hubPath(SECTIONS.search) : hubPath(lang, ENGLISH_SECTIONS.search);

/** The iCalendar file published beside an Italian entry page: `/cremona/eventi/x/` → `/cremona/eventi/x.ics`. */
export const calendarFileOf = (pagePath: string): string => pagePath.replace(/\/$/, '.ics');
