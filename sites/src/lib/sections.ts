import { getCollection } from 'astro:content';
import { isExpired } from '@sito/shared';
import { ownFirst } from './hub.ts';
import { entryPath } from './paths.ts';
import { t } from '../i18n/ui.ts';

export interface SectionEntry {
  title: string;
  href: string;
  summary: string | null;
  eyebrow: string;
  regional: boolean;
  territory: { slug: string } | null;
}

/**
 * Everything filed under a thematic section, across types: opportunities (open ones) by their
 * areas, tutorials, professions, events and questions by their area. The hub's own entries first.
 */
export async function entriesInSection(sectionSlug: string): Promise<SectionEntry[]> {
  const labels = t('it').nav;
  const entries: SectionEntry[] = [];
  for (const { data } of await getCollection('opportunities')) {
    if (!isExpired(data.deadline) && data.thematicAreas.some((area) => area.slug === sectionSlug)) {
      entries.push({
        title: data.title,
        href: entryPath('opportunities', data.slug),
        summary: data.summary,
        eyebrow: labels.opportunities,
        regional: data.regional,
        territory: data.territory,
      });
    }
  }
  for (const { data } of await getCollection('tutorials')) {
    if (data.thematicArea?.slug === sectionSlug) {
      entries.push({
        title: data.title,
        href: entryPath('tutorials', data.slug),
        summary: data.summary,
        eyebrow: labels.tutorials,
        regional: data.regional,
        territory: data.territory,
      });
    }
  }
  for (const { data } of await getCollection('professions')) {
    if (data.thematicArea?.slug === sectionSlug) {
      entries.push({
        title: data.name,
        href: entryPath('professions', data.slug),
        summary: data.sector,
        eyebrow: labels.professions,
        regional: data.regional,
        territory: data.territory,
      });
    }
  }
  for (const { data } of await getCollection('events')) {
    if (data.thematicArea?.slug === sectionSlug && Date.parse(data.endsAt) >= Date.now()) {
      entries.push({
        title: data.title,
        href: entryPath('events', data.slug),
        summary: data.summary,
        eyebrow: labels.events,
        regional: data.regional,
        territory: data.territory,
      });
    }
  }
  for (const { data } of await getCollection('questions')) {
    if (data.thematicArea?.slug === sectionSlug) {
      entries.push({
        title: data.question,
        href: entryPath('questions', data.slug),
        summary: null,
        eyebrow: labels.questions,
        regional: data.regional,
        territory: data.territory,
      });
    }
  }
  return ownFirst(entries);
}
