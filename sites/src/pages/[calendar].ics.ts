import type { APIRoute, GetStaticPaths } from 'astro';
import { isExpired } from '@sito/shared';
import { createEvents } from 'ics';
import { deadlineToIcs } from '../lib/feeds.ts';
import { allOpportunities } from '../lib/opportunities.ts';
import { entryPath } from '../lib/paths.ts';
import { cacheKey } from '../lib/cache-key.ts';

const openWithDeadline = async () =>
  (await allOpportunities()).filter(
    (o): o is typeof o & { deadline: string } => o.deadline !== null && !isExpired(o.deadline),
  );

/**
 * `/scadenze.ics`: the deadlines of the hub's open opportunities, as all-day events. A route with
 * one path rather than a static file, so the incremental build can skip it (its cache key) when no
 * deadline changed: writing 2,000 events takes the `ics` library most of a second.
 */
export const getStaticPaths = (async () => {
  const open = await openWithDeadline();
  return [
    {
      params: { calendar: 'scadenze' },
      cacheKey: await cacheKey(open.map((o) => [o.documentId, o.slug, o.title, o.summary, o.deadline])),
    },
  ];
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ site }) => {
  const open = await openWithDeadline();
  const { error, value } = createEvents(
    open.map((o) => deadlineToIcs(o, new URL(entryPath('opportunities', o.slug), site).href)),
    { calName: 'Scadenze Informagiovani' },
  );
  if (error || !value) throw new Error(`The deadlines calendar could not be written: ${String(error)}`);
  return new Response(value, { headers: { 'Content-Type': 'text/calendar; charset=utf-8' } });
};
