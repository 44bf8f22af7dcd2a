import { holidayFrom, nextOn, seasonWindow, workingDayNear } from './calendar.js';
import { addDays, daysUntil, romeTimeToUtc } from './dates.js';

export * from './calendar.js';

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
  relatedEvents: 'api::event.event',
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
    if (isPlainObject(value) && ('workingDayInDays' in value || 'holidayFrom' in value || 'nextOn' in value)) {
      return [key, resolveDay(value, today, label)];
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
  return resolveNested(placeOnCalendar(entry, today, label));
}

/** One day written by what it is: `{ workingDayInDays: 18 }`, `{ holidayFrom: 20 }`, `{ nextOn: "12-06" }`. */
function resolveDay(value: Json, today: string, label: string): string {
  if (typeof value.workingDayInDays === 'number') return workingDayNear(today, value.workingDayInDays);
  if (typeof value.holidayFrom === 'number') return holidayFrom(today, value.holidayFrom);
  if (typeof value.nextOn === 'string') return nextOn(today, value.nextOn);
  throw new Error(`Seed ${label}: ${JSON.stringify(value)} is not a day the seed knows how to place.`);
}

/** Keys that say when an entry was checked: never moved with the entry's schedule. */
const NOT_MOVED = new Set(['lastVerifiedAtInDays']);

/**
 * Puts an entry's dates where an office would: an event (`startsAt: { inDays, time }`) moves to
 * the nearest working day on the same side of today (Saturday only with `saturday: true`), its end
 * and registration deadline with it; a seasonal call (`season: ["07-15", "09-05"]`, the weeks such
 * calls are open) keeps its relative dates in season and is last season's closed call out of it.
 */
function placeOnCalendar(entry: Json, today: string, label: string): Json {
  const { season, ...rest } = entry;
  if (season !== undefined) {
    if (!Array.isArray(season) || season.length !== 2 || season.some((day) => typeof day !== 'string')) {
      throw new Error(`Seed ${label}: "season" must be two days of the year, ["MM-DD", "MM-DD"].`);
    }
    const window = seasonWindow(today, season as [string, string]);
    if (window.open) {
      // In season, the call closes by the season's end at the latest.
      if (typeof rest.deadlineInDays !== 'number') return rest;
      const { deadlineInDays, ...others } = rest;
      const deadline = addDays(today, deadlineInDays);
      return { ...others, deadline: deadline < window.end ? deadline : window.end };
    }
    const { deadlineInDays: _deadline, opensOnInDays: _opensOn, ...undated } = rest;
    return { ...undated, deadline: window.end, opensOn: window.start };
  }
  const start = rest.startsAt;
  if (!isPlainObject(start) || typeof start.inDays !== 'number') return rest;
  const day = workingDayNear(today, start.inDays, { saturday: start.saturday === true });
  const shift = daysUntil(day, new Date(`${addDays(today, start.inDays)}T12:00:00Z`));
  const moved: Json = {};
  for (const [key, value] of Object.entries(rest)) {
    if (isPlainObject(value) && typeof value.inDays === 'number' && 'time' in value) {
      moved[key] = { inDays: value.inDays + shift, time: value.time };
    } else if (key.endsWith('InDays') && !NOT_MOVED.has(key) && typeof value === 'number') {
      moved[key] = value + shift;
    } else {
      moved[key] = value;
    }
  }
  return moved;
}

/**
 * An opportunity's deadline as the seed will store it, for tests that predict what a hub shows
 * from the seed files: a date, or null for no deadline.
 */
export function seededDeadline(entry: Json, today: string): string | null {
  const placed = placeOnCalendar(entry, today, String(entry.slug));
  if (typeof placed.deadline === 'string') return placed.deadline;
  return typeof placed.deadlineInDays === 'number' ? addDays(today, placed.deadlineInDays) : null;
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
