import rss from '@astrojs/rss';
import { slugify, type Opportunity, type OpportunityKind } from '@sito/shared';
import { getHub } from './hub.ts';
import { openOpportunities } from './opportunities.ts';
import { entryPath } from './paths.ts';
import { formatDate, t } from '../i18n/ui.ts';

/** The feed address of each kind, in Italian: `/rss/opportunita/tirocinio.xml`. */
export const kindFeedSlug = (kind: OpportunityKind) => slugify(t('it').kinds[kind]);

/**
 * An RSS feed of open opportunities (all of them, or of one kind), the hub's own first and then by
 * deadline, as the listing shows them: for newsletters, social media tools and feed readers.
 */
export async function opportunityFeed(site: URL, kind?: OpportunityKind): Promise<Response> {
  const hub = await getHub();
  const ui = t('it');
  const open: Opportunity[] = (await openOpportunities()).filter((o) => !kind || o.kind === kind);
  const name = kind ? ui.kinds[kind] : ui.nav.opportunities;
  return rss({
    title: `${name} · ${hub.name}`,
    description: hub.tagline ?? name,
    site: new URL(import.meta.env.BASE_URL, site).href,
    items: open.map((o) => ({
      title: o.title,
      link: entryPath('opportunities', o.slug),
      description: o.deadline ? `${o.summary} ${ui.deadline}: ${formatDate(o.deadline)}.` : o.summary,
      pubDate: new Date(o.publishedAt),
      categories: [ui.kinds[o.kind], ...o.thematicAreas.map((area) => area.name)],
    })),
    customData: '<language>it-it</language>',
  });
}
