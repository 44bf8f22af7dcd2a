import type { APIRoute, GetStaticPaths } from 'astro';
import type { Opportunity } from '@sito/shared';
import { createEvent } from 'ics';
import { deadlineToIcs } from '../../lib/feeds.ts';
import { allOpportunities } from '../../lib/opportunities.ts';
import { formerSlugsIn } from '../../lib/addresses.ts';
import { entryPath, SECTIONS } from '../../lib/paths.ts';
import { cacheKey } from '../../lib/cache-key.ts';
import { pagesOf } from '../../lib/preview.ts';

/** "Aggiungi la scadenza al calendario" for one opportunity with a deadline (also at its old slugs). */
export const getStaticPaths = (async () => {
  const former = await formerSlugsIn(SECTIONS.opportunities);
  return Promise.all(
    pagesOf(await allOpportunities())
      .filter((o): o is Opportunity & { deadline: string } => o.deadline !== null)
      .flatMap((opportunity) =>
        [opportunity.slug, ...(former.get(opportunity.slug) ?? [])].map(async (slug) => ({
          params: { slug },
          props: { opportunity },
          cacheKey: await cacheKey(opportunity),
        })),
      ),
  );
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ opportunity: Opportunity & { deadline: string } }> = async ({ props, site }) => {
  const { opportunity } = props;
  const { error, value } = createEvent(
    deadlineToIcs(opportunity, new URL(entryPath('opportunities', opportunity.slug), site).href),
  );
  if (error || !value)
    throw new Error(`Opportunity "${opportunity.slug}" could not be written as iCalendar: ${String(error)}`);
  return new Response(value, { headers: { 'Content-Type': 'text/calendar; charset=utf-8' } });
};
