import type { APIRoute } from 'astro';
import { allOpportunities } from '../lib/opportunities';
import { hubPath, localizedEntryPath } from '../lib/paths';
import { isLongClosed } from '../lib/sitemap-filter';
import { publishedLanguages } from '../lib/translations';

/**
 * The pages this build marks `noindex` (components/OpportunityPage.astro: calls closed long ago),
 * by hub-relative path, for the sitemap's filter, which sees only URLs once the pages are written
 * (src/integrations/sitemap.ts). Computed from the content, never from the pages: a one-entry
 * publish renders few pages and copies the others. Removed from the output once read. Its name is
 * SITEMAP_EXCLUSIONS_FILE.
 */
export const GET: APIRoute = async () => {
  const root = hubPath().length;
  const paths: string[] = [];
  for (const lang of await publishedLanguages())
    for (const opportunity of await allOpportunities(lang))
      if (isLongClosed(opportunity.deadline))
        paths.push(localizedEntryPath(lang, 'opportunities', opportunity.slug).slice(root));
  return new Response(`${JSON.stringify(paths)}\n`, { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
