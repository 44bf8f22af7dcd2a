import { getCollection } from 'astro:content';
import { isExpired } from '@sito/shared';
import { citationOf } from './by-area.ts';
import { isUpcoming } from './events.ts';
import { ownFirst } from './hub.ts';
import { byTitle } from './order.ts';
import { entryPath } from './paths.ts';
import { currentProjects } from './projects.ts';
import { entriesIn } from './translations.ts';
import { t } from '../i18n/ui.ts';

export interface SectionEntry {
  title: string;
  href: string;
  summary: string | null;
  eyebrow: string;
  regional: boolean;
  territory: { slug: string } | null;
  /**
   * The site a useful link points at: its card opens it. `href` stays the link's page on the hub,
   * which feeds and search use.
   */
  externalUrl?: string;
  /** A line under the summary: a reading's authors and edition. */
  detail?: string;
}

// Built once per build, in one pass over each collection: 27 section pages and 30 feeds read it.
let bySection: Promise<Map<string, SectionEntry[]>> | undefined;

/**
 * Everything filed under a thematic section, across types: opportunities (open ones) by their
 * areas, tutorials, professions, events (upcoming), questions, projects (current ones), useful links
 * and readings by their area.
 * The hub's own first.
 */
export function entriesInSection(sectionSlug: string): Promise<SectionEntry[]> {
  bySection ??= indexSections();
  return bySection.then((index) => index.get(sectionSlug) ?? []);
}

async function indexSections(): Promise<Map<string, SectionEntry[]>> {
  const labels = t('it').nav;
  const index = new Map<string, SectionEntry[]>();
  const file = (slug: string | undefined, entry: SectionEntry) => {
    if (!slug) return;
    const list = index.get(slug) ?? [];
    list.push(entry);
    index.set(slug, list);
  };
  const common = (data: { regional: boolean; territory: { slug: string } | null }) => ({
    regional: data.regional,
    territory: data.territory,
  });

  for (const data of await entriesIn('opportunities', 'it')) {
    if (isExpired(data.deadline)) continue;
    const entry = {
      title: data.title,
      href: entryPath('opportunities', data.slug),
      summary: data.summary,
      eyebrow: labels.opportunities,
      ...common(data),
    };
    for (const area of data.thematicAreas) file(area.slug, entry);
  }
  for (const data of await entriesIn('tutorials', 'it')) {
    file(data.thematicArea?.slug, {
      title: data.title,
      href: entryPath('tutorials', data.slug),
      summary: data.summary,
      eyebrow: labels.tutorials,
      ...common(data),
    });
  }
  for (const data of await entriesIn('professions', 'it')) {
    file(data.thematicArea?.slug, {
      title: data.name,
      href: entryPath('professions', data.slug),
      summary: data.sector,
      eyebrow: labels.professions,
      ...common(data),
    });
  }
  for (const data of await entriesIn('events', 'it')) {
    if (!isUpcoming(data)) continue;
    file(data.thematicArea?.slug, {
      title: data.title,
      href: entryPath('events', data.slug),
      summary: data.summary,
      eyebrow: labels.events,
      ...common(data),
    });
  }
  for (const data of await entriesIn('questions', 'it')) {
    file(data.thematicArea?.slug, {
      title: data.question,
      href: entryPath('questions', data.slug),
      summary: null,
      eyebrow: labels.questions,
      ...common(data),
    });
  }
  for (const data of await currentProjects()) {
    file(data.thematicArea?.slug, {
      title: data.title,
      href: entryPath('projects', data.slug),
      summary: data.summary,
      eyebrow: t('it').projectsTitle,
      ...common(data),
    });
  }
  for (const data of (await getCollection('usefulLinks')).map((entry) => entry.data).sort(byTitle)) {
    file(data.thematicArea?.slug, {
      title: data.title,
      href: entryPath('usefulLinks', data.slug),
      summary: data.description,
      eyebrow: t('it').usefulLink,
      externalUrl: data.url,
      ...common(data),
    });
  }
  for (const data of (await getCollection('readings')).map((entry) => entry.data).sort(byTitle)) {
    file(data.thematicArea?.slug, {
      title: data.title,
      href: entryPath('readings', data.slug),
      summary: data.note,
      eyebrow: t('it').reading,
      detail: citationOf(data),
      ...common(data),
    });
  }
  for (const [slug, list] of index) index.set(slug, await ownFirst(list));
  return index;
}
