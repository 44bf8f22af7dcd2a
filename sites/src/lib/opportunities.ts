import { getCollection } from 'astro:content';
import { isExpired, type Opportunity } from '@sito/shared';
import { ownFirst } from './hub.ts';

const byDeadline = (a: Opportunity, b: Opportunity) =>
  (a.deadline ?? '9999-12-31').localeCompare(b.deadline ?? '9999-12-31') || a.title.localeCompare(b.title, 'it');

/** All of the hub's opportunities (own and regional), earliest deadline first, none last. */
export async function allOpportunities(): Promise<Opportunity[]> {
  return (await getCollection('opportunities')).map((entry) => entry.data).sort(byDeadline);
}

/** Opportunities still open on the day of the build, the hub's own first. */
export async function openOpportunities(now = new Date()): Promise<Opportunity[]> {
  return ownFirst((await allOpportunities()).filter((opportunity) => !isExpired(opportunity.deadline, now)));
}

/** Open opportunities closing soonest, regardless of owner: the home's "In scadenza". */
export async function closingSoon(limit: number, now = new Date()): Promise<Opportunity[]> {
  return (await allOpportunities()).filter((o) => o.deadline && !isExpired(o.deadline, now)).slice(0, limit);
}
