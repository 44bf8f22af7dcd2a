import type { GoneAddress, Opportunity } from '@sito/shared';
import { byDeadline } from './order.ts';

/**
 * Open opportunities to offer a reader who did not find what they came for: on the not-found page
 * the latest ones, on a withdrawn entry's page those most like it. Pure: the pages pass the open
 * opportunities (src/lib/opportunities.ts).
 */

/** Latest published first, as the search's «Più recenti» (publishedAt); ties by slug. */
export const byNewest = (a: Opportunity, b: Opportunity): number =>
  b.publishedAt.localeCompare(a.publishedAt) || (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0);

/** The `limit` latest published of these opportunities. */
export const latest = (opportunities: readonly Opportunity[], limit: number): Opportunity[] =>
  [...opportunities].sort(byNewest).slice(0, limit);

/** What the suggestions go by: a withdrawn entry's kind code and thematic areas (slugs). */
export type Likeness = Pick<GoneAddress, 'kind' | 'areas'>;

/**
 * A finder of the opportunities most like a withdrawn entry, among `open` (the open ones): first
 * those of the same kind sharing one of its areas, then the others of the same kind, then those of
 * other kinds sharing an area (all an entry without an opportunity's kind, a guide or an event, can
 * have in common with them), then the latest published. Within the first ranks the calls closing
 * soonest come first, as the listings show them:
 * publishing a call rarely changes them (a new call seldom closes sooner than the open ones), so
 * a one-entry publish renders few of these pages again (their cache keys name what they show).
 * The opportunities are indexed once: a hub can have thousands of old addresses and thousands of
 * open calls, and each page asks for five.
 */
export function similarOpportunities(open: readonly Opportunity[]): (like: Likeness, limit?: number) => Opportunity[] {
  const newest = [...open].sort(byNewest);
  const byKind = new Map<string, Opportunity[]>();
  const byArea = new Map<string, Opportunity[]>();
  const byKindAndArea = new Map<string, Opportunity[]>();
  const add = (index: Map<string, Opportunity[]>, key: string, opportunity: Opportunity) => {
    const list = index.get(key);
    if (list) list.push(opportunity);
    else index.set(key, [opportunity]);
  };
  const pair = (kind: string, area: string) => `${kind} ${area}`;
  for (const opportunity of [...open].sort(byDeadline)) {
    add(byKind, opportunity.kind, opportunity);
    for (const area of opportunity.thematicAreas) {
      add(byArea, area.slug, opportunity);
      add(byKindAndArea, pair(opportunity.kind, area.slug), opportunity);
    }
  }

  return ({ kind, areas }, limit = 5) => {
    const chosen: Opportunity[] = [];
    const taken = new Set<string>();
    const take = (list: readonly Opportunity[]) => {
      for (const opportunity of list) {
        if (chosen.length >= limit) return;
        if (taken.has(opportunity.documentId)) continue;
        taken.add(opportunity.documentId);
        chosen.push(opportunity);
      }
    };
    // The first of several lists in deadline order: the `limit` first of their union are among each one's first `limit`.
    const firstOf = (lists: ReadonlyArray<readonly Opportunity[] | undefined>) =>
      lists.flatMap((list) => list?.slice(0, limit) ?? []).sort(byDeadline);
    if (kind) {
      take(firstOf(areas.map((area) => byKindAndArea.get(pair(kind, area)))));
      take(byKind.get(kind) ?? []);
    }
    take(firstOf(areas.map((area) => byArea.get(area))));
    take(newest);
    return chosen;
  };
}
