import type { APIRoute } from 'astro';
import { getCollection } from 'astro:content';
import { createEvents } from 'ics';
import { eventToIcs } from '../lib/feeds.ts';
import { entryPath } from '../lib/paths.ts';

/** The hub's calendar of events (past and upcoming), to subscribe to. */
export const GET: APIRoute = async ({ site }) => {
  const events = (await getCollection('events')).map(({ data }) =>
    eventToIcs(data, new URL(entryPath('events', data.slug), site).href),
  );
  const { error, value } = createEvents(events, { calName: 'Eventi Informagiovani' });
  if (error || !value) throw new Error(`The events calendar could not be written: ${String(error)}`);
  return new Response(value, { headers: { 'Content-Type': 'text/calendar; charset=utf-8' } });
};
