import { addDays, romeTimeToUtc } from './dates.js';

/**
 * Seed files are readable JSON: relations are written as slugs and dates relative to the day the
 * seed runs. This resolves one entry into Document Service data. Pure (the lookup is injected),
 * so it is tested without a CMS.
 */
type Json = Record<string, unknown>;

/** Finds the documentId of an entry of `uid` by slug. */
export type SeedLookup = (uid: string, slug: string) => Promise<string | undefined>;

/** Which seed keys are relations, and to what. Values are slugs (or arrays of slugs). */
const RELATIONS: Record<string, string> = {
  territory: 'api::territory.territory',
  verifiedBy: 'api::territory.territory',
  answeredBy: 'api::territory.territory',
  parent: 'api::territory.territory',
  thematicArea: 'api::thematic-area.thematic-area',
  thematicAreas: 'api::thematic-area.thematic-area',
  relatedOpportunities: 'api::opportunity.opportunity',
  relatedProfessions: 'api::profession.profession',
  relatedTutorials: 'api::tutorial.tutorial',
};

/**
 * Resolves one seed entry into Document Service data: `xInDays` keys become dates relative to
 * `today`, `{ inDays, time }` becomes a UTC timestamp of that time in Rome, slugs of related
 * entries become documentIds. Fails naming the entry and the key when a slug is unknown.
 */
export async function resolveSeedEntry(entry: Json, today: string, lookup: SeedLookup, label: string): Promise<Json> {
  const resolveValue = async (key: string, value: unknown): Promise<[string, unknown]> => {
    if (key.endsWith('InDays')) {
      return [key.slice(0, -'InDays'.length), typeof value === 'number' ? addDays(today, value) : null];
    }
    if (value && typeof value === 'object' && 'inDays' in value && 'time' in value) {
      const { inDays, time } = value as { inDays: number; time: string };
      return [key, romeTimeToUtc(addDays(today, inDays), time)];
    }
    const target = RELATIONS[key];
    if (target && value !== null && value !== undefined) {
      const slugs = Array.isArray(value) ? (value as string[]) : [value as string];
      const ids: string[] = [];
      for (const slug of slugs) {
        const id = await lookup(target, slug);
        if (!id) throw new Error(`Seed ${label}: "${key}" points at "${slug}", which does not exist in ${target}.`);
        ids.push(id);
      }
      return [key, Array.isArray(value) ? ids : ids[0]];
    }
    if (Array.isArray(value)) {
      return [key, await Promise.all(value.map((item) => (isPlainObject(item) ? resolveNested(item) : item)))];
    }
    if (isPlainObject(value) && !('type' in value)) return [key, await resolveNested(value)];
    return [key, value];
  };
  const resolveNested = async (object: Json): Promise<Json> =>
    Object.fromEntries(await Promise.all(Object.entries(object).map(([k, v]) => resolveValue(k, v))));
  return resolveNested(entry);
}

const isPlainObject = (value: unknown): value is Json => !!value && typeof value === 'object' && !Array.isArray(value);

/**
 * What a translation takes from the entry it translates: who owns the entry and where it is filed
 * are the same in every language. Strapi copies the other fields that are not localized (dates,
 * places, ages) by itself, but keeps relations per locale, and the editorial rules need the owner.
 */
export const INHERITED_BY_TRANSLATIONS = [
  'territory',
  'regional',
  'verifiedBy',
  'answeredBy',
  'thematicArea',
  'thematicAreas',
] as const;

/** A seed entry and its translations: `[locale, fields]`, each ready for `resolveSeedEntry`. */
export interface SplitSeedEntry {
  entry: Json;
  translations: Array<[locale: string, data: Json]>;
}

/**
 * A seed entry may carry `localizations: { en: { slug, title, summary, ... } }`: the same document in
 * another language, with its localized fields. This separates them from the entry (Italian, the
 * default locale) and completes each with what translations inherit. Relations to other content
 * (related tutorials...) are not inherited: a translation can only point at entries that exist in
 * its own language, so it names them itself. Each translation needs its own slug.
 */
export function splitLocalizations(seed: Json, label: string): SplitSeedEntry {
  const { localizations, ...entry } = seed;
  if (localizations === undefined) return { entry, translations: [] };
  if (!isPlainObject(localizations)) throw new Error(`Seed ${label}: "localizations" must map a locale to fields.`);
  const inherited = Object.fromEntries(
    INHERITED_BY_TRANSLATIONS.filter((key) => key in entry).map((key) => [key, entry[key]]),
  );
  const translations = Object.entries(localizations).map(([locale, fields]): [string, Json] => {
    if (!isPlainObject(fields) || typeof fields.slug !== 'string') {
      throw new Error(`Seed ${label}: the "${locale}" translation needs its own slug.`);
    }
    return [locale, { ...inherited, ...fields }];
  });
  return { entry, translations };
}
