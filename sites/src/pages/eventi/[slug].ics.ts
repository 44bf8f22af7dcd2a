import type { APIRoute, GetStaticPaths } from 'astro';
import { getCollection } from 'astro:content';
import type { Event } from '@sito/shared';
import { createEvent } from 'ics';
import { eventToIcs } from '../../lib/feeds.ts';
import { formerSlugsIn } from '../../lib/addresses.ts';
import { entryPath, SECTIONS } from '../../lib/paths.ts';
import { cacheKey } from '../../lib/cache-key.ts';
import { pagesOf } from '../../lib/preview.ts';

/** "Aggiungi al calendario" for one event (also at its old slugs). */
export const getStaticPaths = (async () => {
  const former = await formerSlugsIn(SECTIONS.events);
  return Promise.all(
    pagesOf((await getCollection('events')).map(({ data }) => data)).flatMap((data) =>
      [data.slug, ...(former.get(data.slug) ?? [])].map(async (slug) => ({
        params: { slug },
        props: { event: data },
        cacheKey: await cacheKey(data),
      })),
    ),
  );
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ event: Event }> = async ({ props, site }) => {
  const { error, value } = createEvent(
    eventToIcs(props.event, new URL(entryPath('events', props.event.slug), site).href),
  );
  if (error || !value)
    throw new Error(`Event "${props.event.slug}" could not be written as iCalendar: ${String(error)}`);
  return new Response(value, { headers: { 'Content-Type': 'text/calendar; charset=utf-8' } });
};
