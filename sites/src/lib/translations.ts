import { getCollection } from 'astro:content';
import type { Event, News, Opportunity, Profession, Question, Tutorial } from '@sito/shared';
import { defaultLang, type Lang } from '../i18n/ui.ts';
import { getHub } from './hub.ts';
import { LANGS, type Versions } from './languages.ts';
import { byAnswerDate, byDate, byDeadline, byName, byStart, byTitle } from './order.ts';
import { localizedEntryPath, type TranslatableType } from './paths.ts';

/** The published shape of each translatable type. */
export interface EntryOfType {
  opportunities: Opportunity;
  events: Event;
  tutorials: Tutorial;
  professions: Profession;
  questions: Question;
  news: News;
}

/** The content collection holding a type's entries in a language (src/content.config.ts). */
const COLLECTIONS = {
  it: {
    opportunities: 'opportunities',
    events: 'events',
    tutorials: 'tutorials',
    professions: 'professions',
    questions: 'questions',
    news: 'news',
  },
  en: {
    opportunities: 'opportunitiesEn',
    events: 'eventsEn',
    tutorials: 'tutorialsEn',
    professions: 'professionsEn',
    questions: 'questionsEn',
    news: 'newsEn',
  },
} as const satisfies Record<Lang, Record<TranslatableType, string>>;

/** How each type is listed (src/lib/order.ts). */
const ORDER: { [T in TranslatableType]: (a: EntryOfType[T], b: EntryOfType[T]) => number } = {
  opportunities: byDeadline,
  events: byStart,
  tutorials: byTitle,
  professions: byName,
  questions: byAnswerDate,
  news: byDate,
};

// Content does not change during a build, and thousands of pages ask for the same lists: each is
// loaded and sorted once per build process. Shared, so callers must not sort or change them.
const lists = new Map<string, Promise<readonly unknown[]>>();

/** The hub's entries of a type in a language (own and regional), in the type's order (ORDER). */
export function entriesIn<T extends TranslatableType>(type: T, lang: Lang): Promise<ReadonlyArray<EntryOfType[T]>> {
  const key = `${type}:${lang}`;
  let list = lists.get(key);
  if (!list) {
    // Both languages' collections are validated by the same shared schema, so their data is EntryOfType[T].
    list = getCollection(COLLECTIONS[lang][type]).then((entries) =>
      entries.map((entry) => entry.data as EntryOfType[T]).sort(ORDER[type]),
    );
    lists.set(key, list);
  }
  return list as Promise<ReadonlyArray<EntryOfType[T]>>;
}

let published: Promise<Lang[]> | undefined;

/**
 * The languages this hub's site is published in (the territory's `languages`), among those the
 * site has words for; Italian always, and first.
 */
export function publishedLanguages(): Promise<Lang[]> {
  published ??= getHub().then((hub) => LANGS.filter((lang) => lang === defaultLang || hub.languages.includes(lang)));
  return published;
}

/** The languages besides Italian this hub publishes: one home and one set of entry pages each. */
export async function otherLanguages(): Promise<Lang[]> {
  return (await publishedLanguages()).filter((lang) => lang !== defaultLang);
}

// documentId → its page in each published language, per type; built once per build.
const versionIndex = new Map<TranslatableType, Promise<Map<string, Versions>>>();

async function indexVersions(type: TranslatableType): Promise<Map<string, Versions>> {
  const index = new Map<string, Versions>();
  for (const lang of await publishedLanguages()) {
    for (const entry of await entriesIn(type, lang)) {
      const versions = index.get(entry.documentId) ?? {};
      versions[lang] = localizedEntryPath(lang, type, entry.slug);
      index.set(entry.documentId, versions);
    }
  }
  return index;
}

/**
 * Where an entry can be read on this hub, by language: every published language in which the same
 * document exists here. A translation is the same Strapi document in another locale.
 */
export async function versionsOf(type: TranslatableType, documentId: string): Promise<Versions> {
  let index = versionIndex.get(type);
  if (!index) versionIndex.set(type, (index = indexVersions(type)));
  return (await index).get(documentId) ?? {};
}

/**
 * A page that exists in every published language (a home, a search page), by language: its
 * hreflang links and language switch.
 */
export async function everyLanguage(pathIn: (lang: Lang) => string): Promise<Versions> {
  return Object.fromEntries((await publishedLanguages()).map((lang) => [lang, pathIn(lang)]));
}

/** `getStaticPaths` of a page that exists once per language other than Italian (`/<hub>/<lang>/...`). */
export async function otherLanguagePaths(): Promise<Array<{ params: { lang: Lang }; props: { lang: Lang } }>> {
  return (await otherLanguages()).map((lang) => ({ params: { lang }, props: { lang } }));
}
