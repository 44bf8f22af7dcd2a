import { addDays, isExpired, romeDate, type Opportunity } from '@sito/shared';
import { defaultLang, type Lang } from '../i18n/ui.ts';
import { ownFirst } from './hub.ts';
import { entriesIn } from './translations.ts';

// Content does not change during a build, and hundreds of pages ask for the same list: it is
// filtered once per build process and language.
const open = new Map<Lang, Promise<Opportunity[]>>();

/** All of the hub's opportunities (own and regional) in a language, earliest deadline first, none last. */
export function allOpportunities(lang: Lang = defaultLang): Promise<readonly Opportunity[]> {
  return entriesIn('opportunities', lang);
}

/** Opportunities still open on the day of the build, the hub's own first. */
export function openOpportunities(lang: Lang = defaultLang): Promise<Opportunity[]> {
  let list = open.get(lang);
  if (!list) {
    list = allOpportunities(lang).then((entries) => ownFirst(entries.filter((o) => !isExpired(o.deadline))));
    open.set(lang, list);
  }
  return list;
}

/** Open opportunities closing soonest, regardless of owner: the home's "In scadenza". */
export async function closingSoon(limit: number, now = new Date()): Promise<Opportunity[]> {
  return (await allOpportunities()).filter((o) => o.deadline && !isExpired(o.deadline, now)).slice(0, limit);
}

/** How far ahead a listing page knows which of its open calls close, day by day (a hub is rebuilt every night). */
export const CLOSING_HORIZON_DAYS = 31;

/**
 * How many of these open calls close on each of the next days, and the last day that is known:
 * a listing's count of open calls stays true between builds (components/DeadlineScript.astro).
 */
export function closingByDay(
  list: readonly Opportunity[],
  now = new Date(),
): { until: string; counts: Record<string, number> } {
  const until = addDays(romeDate(now), CLOSING_HORIZON_DAYS);
  const counts: Record<string, number> = {};
  for (const o of list) if (o.deadline && o.deadline <= until) counts[o.deadline] = (counts[o.deadline] ?? 0) + 1;
  return { until, counts };
}
