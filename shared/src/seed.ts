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
