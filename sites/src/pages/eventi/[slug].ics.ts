import type { APIRoute, GetStaticPaths } from 'astro';
import { getCollection } from 'astro:content';
import type { Event } from '@sito/shared';
import { createEvent } from 'ics';
import { eventToIcs } from '../../lib/feeds.ts';
import { entryPath } from '../../lib/paths.ts';
import { cacheKey } from '../../lib/cache-key.ts';
import { pagesOf } from '../../lib/preview.ts';

/** "Aggiungi al calendario" for one event. */
export const getStaticPaths = (async () =>
  Promise.all(
    pagesOf((await getCollection('events')).map(({ data }) => data)).map(async (data) => ({
      params: { slug: data.slug },
      props: { event: data },
      cacheKey: await cacheKey(data),
    })),
  )) satisfies GetStaticPaths;

export const GET: APIRoute<{ event: Event }> = async ({ props, site }) => {
  const { error, value } = createEvent(
    eventToIcs(props.event, new URL(entryPath('events', props.event.slug), site).href),
  );
  if (error || !value)
    throw new Error(`Event "${props.event.slug}" could not be written as iCalendar: ${String(error)}`);
  return new Response(value, { headers: { 'Content-Type': 'text/calendar; charset=utf-8' } });
};
