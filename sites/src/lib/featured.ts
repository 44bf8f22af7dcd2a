import { getCollection } from 'astro:content';
import type { UsefulLink } from '@sito/shared';
import { areasWithSections, ownFirst } from './hub.ts';
import { byTitle } from './order.ts';

/**
 * The network's tools the offices send young people to (the regional orientation platform): the
 * useful links marked «In evidenza», the hub's own first. Given an area, those filed under it or
 * one of its sections; given a section, those filed under its area (the section lists its own
 * already): the tool of «Ricerca lavoro» is also at the top of «CV e lettera di presentazione».
 */
export async function featuredLinks(placeSlug?: string): Promise<UsefulLink[]> {
  const featured = (await getCollection('usefulLinks')).map((entry) => entry.data).filter((link) => link.featured);
  if (placeSlug === undefined) return ownFirst(featured.sort(byTitle));
  const areas = await areasWithSections();
  const area = areas.find((a) => a.slug === placeSlug || a.sections.some((s) => s.slug === placeSlug));
  if (!area) return [];
  const related = new Set(area.slug === placeSlug ? [area.slug, ...area.sections.map((s) => s.slug)] : [area.slug]);
  return ownFirst(featured.filter((link) => related.has(link.thematicArea?.slug ?? '')).sort(byTitle));
}
