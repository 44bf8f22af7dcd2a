import type { Event, News, OperatorResource, Opportunity, Profession, Project, Question, Tutorial } from '@sito/shared';

/**
 * The order in which each type is listed on a hub. Pages sort for themselves: Astro's content store
 * keeps entries by id (it writes them sorted), not in the order the CMS sent them. Ties fall back to
 * the slug, so the same content always gives the same page.
 */
const italian = new Intl.Collator('it');
const bySlug = (a: { slug: string }, b: { slug: string }) => (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0);

/** Earliest deadline first, no deadline last. */
export const byDeadline = (a: Opportunity, b: Opportunity) =>
  (a.deadline ?? '9999-12-31').localeCompare(b.deadline ?? '9999-12-31') ||
  italian.compare(a.title, b.title) ||
  bySlug(a, b);

/** Earliest start first. */
export const byStart = (a: Event, b: Event) => a.startsAt.localeCompare(b.startsAt) || bySlug(a, b);

/** Entries with a title: tutorials, operator resources, useful links, readings. */
type Titled = Pick<Tutorial | OperatorResource, 'title' | 'slug'>;

/** Alphabetical, as Italian readers sort. */
export const byTitle = (a: Titled, b: Titled) => italian.compare(a.title, b.title) || bySlug(a, b);
export const byName = (a: Profession, b: Profession) => italian.compare(a.name, b.name) || bySlug(a, b);

/** The latest answer first. */
export const byAnswerDate = (a: Question, b: Question) => b.answeredOn.localeCompare(a.answeredOn) || bySlug(a, b);

/** The latest news first. */
export const byDate = (a: News, b: News) => b.date.localeCompare(a.date) || bySlug(a, b);

/** The latest started first (projects). */
export const byProjectStart = (a: Project, b: Project) => b.startDate.localeCompare(a.startDate) || bySlug(a, b);
