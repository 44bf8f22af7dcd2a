import { getCollection } from 'astro:content';
import { isExpired, romeDate, type Project } from '@sito/shared';
import { isUpcoming } from './events.ts';
import { ownFirst } from './hub.ts';
import { byProjectStart } from './order.ts';
import { entryPath } from './paths.ts';
import { entriesIn } from './translations.ts';

/**
 * A project is current until the day after it ends, in Rome; one with no end (a programme that goes
 * on) always is, and so is one that has not started yet: the reader can still take part.
 */
export const isCurrentProject = (project: Pick<Project, 'endDate'>, today = romeDate()): boolean =>
  project.endDate === null || project.endDate >= today;

// Content does not change during a build; the listing, every detail page and the sections read it.
let all: Promise<readonly Project[]> | undefined;

/** The hub's projects (own and regional), the latest started first. Italian only. */
export function allProjects(): Promise<readonly Project[]> {
  all ??= getCollection('projects').then((entries) => entries.map((entry) => entry.data).sort(byProjectStart));
  return all;
}

/** The projects still running (or about to start), the hub's own first. */
export async function currentProjects(today = romeDate()): Promise<Project[]> {
  return ownFirst((await allProjects()).filter((project) => isCurrentProject(project, today)));
}

/** The projects that have ended, the hub's own first, the most recently started first within each. */
export async function concludedProjects(today = romeDate()): Promise<Project[]> {
  return ownFirst((await allProjects()).filter((project) => !isCurrentProject(project, today)));
}

export interface RelatedLink {
  href: string;
  label: string;
}

/**
 * What a project page offers to do next: its related events still to come and its related
 * opportunities still open, as links, among those this hub publishes (the others have no page here).
 */
export async function relatedOfProject(
  project: Project,
): Promise<{ events: RelatedLink[]; opportunities: RelatedLink[] }> {
  const events = new Map((await entriesIn('events', 'it')).map((event) => [event.slug, event] as const));
  const opportunities = new Map((await entriesIn('opportunities', 'it')).map((o) => [o.slug, o] as const));
  return {
    events: project.relatedEvents.flatMap(({ slug }) => {
      const event = events.get(slug);
      return event && isUpcoming(event) ? [{ href: entryPath('events', slug), label: event.title }] : [];
    }),
    opportunities: project.relatedOpportunities.flatMap(({ slug }) => {
      const opportunity = opportunities.get(slug);
      return opportunity && !isExpired(opportunity.deadline)
        ? [{ href: entryPath('opportunities', slug), label: opportunity.title }]
        : [];
    }),
  };
}
