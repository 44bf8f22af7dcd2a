import type { Reading } from '@sito/shared';
import { areasWithSections, ownFirst } from './hub.ts';
import { byTitle } from './order.ts';
import { hubPath, SECTIONS } from './paths.ts';

/** Entries filed under one thematic area or section, as an index page shows them. */
export interface AreaGroup<T> {
  /** The section's (or area's) name; null for entries filed nowhere. */
  heading: string | null;
  /** The section's page on the hub, to read everything else filed there. */
  href: string | null;
  entries: T[];
}

type Filed = {
  title: string;
  slug: string;
  thematicArea: { slug: string; name: string } | null;
  territory: { slug: string } | null;
};

/**
 * Entries grouped by the thematic area or section they are filed under, in the areas' own order
 * (an area, then its sections); within a group alphabetically, the hub's own entries first, then
 * the regional ones. Entries filed under no area come last, in a group without a heading.
 */
export async function groupByArea<T extends Filed>(entries: readonly T[]): Promise<AreaGroup<T>[]> {
  const places = (await areasWithSections()).flatMap((area) => [
    { slug: area.slug, name: area.name, href: hubPath(SECTIONS.areas, area.slug) },
    ...area.sections.map((section) => ({
      slug: section.slug,
      name: section.name,
      href: hubPath(SECTIONS.areas, area.slug, section.slug),
    })),
  ]);
  const groups: AreaGroup<T>[] = [];
  for (const place of places) {
    const filed = entries.filter((entry) => entry.thematicArea?.slug === place.slug);
    if (filed.length > 0)
      groups.push({ heading: place.name, href: place.href, entries: await ownFirst([...filed].sort(byTitle)) });
  }
  const known = new Set(places.map((place) => place.slug));
  const elsewhere = entries.filter((entry) => !entry.thematicArea || !known.has(entry.thematicArea.slug));
  if (elsewhere.length > 0)
    groups.push({ heading: null, href: null, entries: await ownFirst([...elsewhere].sort(byTitle)) });
  return groups;
}

/** The host a link opens, as a reader recognises it: `europass.europa.eu`. */
export const hostOf = (url: string): string => new URL(url).hostname.replace(/^www\./, '');

/** A reading as a bibliography cites it: «Bill Burnett, Dave Evans · Knopf, 2016». */
export function citationOf(reading: Pick<Reading, 'authors' | 'publisher' | 'year'>): string {
  const edition = [reading.publisher, reading.year].filter((part) => part !== null && part !== '').join(', ');
  return edition ? `${reading.authors} · ${edition}` : reading.authors;
}
