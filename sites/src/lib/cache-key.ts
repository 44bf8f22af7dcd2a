import { createHash } from 'node:crypto';
import { getCollection } from 'astro:content';
import { romeDate } from '@sito/shared';
import type { TranslatableType } from './paths.ts';
import { versionsOf } from './translations.ts';

/**
 * Keys for Astro's incremental build (`experimental.incrementalBuild`): a page returned by
 * getStaticPaths with the same `cacheKey` as in the previous build (and unchanged code) is copied
 * from the cache instead of rendered again. So the key must change whenever anything the page
 * shows changes:
 * - what every page shows: the hub and its partners (header, footer, contacts), the thematic
 *   areas (labels, breadcrumbs) and the day of the build in Rome (deadline badges, "closed", and
 *   the `noindex` of calls closed more than a month ago, lib/sitemap-filter.ts);
 * - what the page itself shows: its entry and any other entry it displays, passed as `parts`.
 * The nightly rebuild therefore renders everything again, and a one-entry publish renders the
 * entry's pages, the listings and the pages without a key.
 */
let everyPage: Promise<string> | undefined;

const digest = (value: unknown) => createHash('sha256').update(JSON.stringify(value)).digest('base64url');

function sharedKey(): Promise<string> {
  everyPage ??= (async () => {
    const [territories, areas] = await Promise.all([getCollection('territories'), getCollection('thematicAreas')]);
    return digest([romeDate(), territories.map((t) => t.data), areas.map((a) => a.data)]);
  })();
  return everyPage;
}

/** The cache key of a page showing `parts` (its entry, the entries it lists or links). */
export async function cacheKey(...parts: unknown[]): Promise<string> {
  return digest([await sharedKey(), parts]);
}

/**
 * The key of a page that shows nothing but `parts`, not even the hub's header or today's date (an
 * old address's redirect page): rendered again only when they change.
 */
export const standaloneKey = (...parts: unknown[]): string => digest(parts);

/** The key of an entry's detail page: the entry and the languages it can be read in. */
export async function entryCacheKey(type: TranslatableType, entry: { documentId: string }): Promise<string> {
  return cacheKey(entry, await versionsOf(type, entry.documentId));
}
