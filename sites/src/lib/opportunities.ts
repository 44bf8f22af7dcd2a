import { getCollection } from 'astro:content';
import { isExpired, type Opportunity } from '@sito/shared';
import { ownFirst } from './hub.ts';

const byDeadline = (a: Opportunity, b: Opportunity) =>
  (a.deadline ?? '9999-12-31').localeCompare(b.deadline ?? '9999-12-31') || a.title.localeCompare(b.title, 'it');

// Content does not change during a build, and hundreds of pages ask for the same list: load and
// sort it once per build process.
let all: Promise<Opportunity[]> | undefined;

/** All of the hub's opportunities (own and regional), earliest deadline first, none last. */
export function allOpportunities(): Promise<Opportunity[]> {
  all ??= getCollection('opportunities').then((entries) => entries.map((entry) => entry.data).sort(byDeadline));
  return all;
}

/** Opportunities still open on the day of the build, the hub's own first. */
let open: Promise<Opportunity[]> | undefined;
export function openOpportunities(): Promise<Opportunity[]> {
  open ??= allOpportunities().then((list) => ownFirst(list.filter((opportunity) => !isExpired(opportunity.deadline))));
  return open;
}

/** Open opportunities closing soonest, regardless of owner: the home's "In scadenza". */
export async function closingSoon(limit: number, now = new Date()): Promise<Opportunity[]> {
  return (await allOpportunities()).filter((o) => o.deadline && !isExpired(o.deadline, now)).slice(0, limit);
}
