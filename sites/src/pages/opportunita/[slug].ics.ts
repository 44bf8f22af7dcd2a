import type { APIRoute, GetStaticPaths } from 'astro';
import type { Opportunity } from '@sito/shared';
import { createEvent } from 'ics';
import { deadlineToIcs } from '../../lib/feeds.ts';
import { allOpportunities } from '../../lib/opportunities.ts';
import { entryPath } from '../../lib/paths.ts';
import { cacheKey } from '../../lib/cache-key.ts';
import { pagesOf } from '../../lib/preview.ts';

/** "Aggiungi la scadenza al calendario" for one opportunity with a deadline. */
export const getStaticPaths = (async () =>
  Promise.all(
    pagesOf(await allOpportunities())
      .filter((o): o is Opportunity & { deadline: string } => o.deadline !== null)
      .map(async (opportunity) => ({
        params: { slug: opportunity.slug },
        props: { opportunity },
        cacheKey: await cacheKey(opportunity),
      })),
  )) satisfies GetStaticPaths;

export const GET: APIRoute<{ opportunity: Opportunity & { deadline: string } }> = async ({ props, site }) => {
  const { opportunity } = props;
  const { error, value } = createEvent(
    deadlineToIcs(opportunity, new URL(entryPath('opportunities', opportunity.slug), site).href),
  );
  if (error || !value)
    throw new Error(`Opportunity "${opportunity.slug}" could not be written as iCalendar: ${String(error)}`);
  return new Response(value, { headers: { 'Content-Type': 'text/calendar; charset=utf-8' } });
};
