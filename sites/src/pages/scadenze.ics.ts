import type { APIRoute } from 'astro';
import { isExpired } from '@sito/shared';
import { createEvents } from 'ics';
import { deadlineToIcs } from '../lib/feeds.ts';
import { allOpportunities } from '../lib/opportunities.ts';
import { entryPath } from '../lib/paths.ts';

/** The deadlines of the hub's open opportunities, as all-day events. */
export const GET: APIRoute = async ({ site }) => {
  const open = (await allOpportunities()).filter(
    (o): o is typeof o & { deadline: string } => o.deadline !== null && !isExpired(o.deadline),
  );
  const { error, value } = createEvents(
    open.map((o) => deadlineToIcs(o, new URL(entryPath('opportunities', o.slug), site).href)),
    { calName: 'Scadenze Informagiovani' },
  );
  if (error || !value) throw new Error(`The deadlines calendar could not be written: ${String(error)}`);
  return new Response(value, { headers: { 'Content-Type': 'text/calendar; charset=utf-8' } });
};
