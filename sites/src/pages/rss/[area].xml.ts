import rss from '@astrojs/rss';
import type { APIRoute, GetStaticPaths } from 'astro';
import { areasWithSections, getHub } from '../../lib/hub.ts';
import { entriesInSection } from '../../lib/sections.ts';

/** One RSS feed per thematic area and per section: what is filed there, across types. */
export const getStaticPaths = (async () => {
  const areas = await areasWithSections();
  return areas.flatMap((area) => [
    { params: { area: area.slug }, props: { name: area.name, sections: area.sections.map((s) => s.slug) } },
    ...area.sections.map((section) => ({
      params: { area: section.slug },
      props: { name: section.name, sections: [section.slug] },
    })),
  ]);
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ name: string; sections: string[] }> = async ({ props, site }) => {
  const hub = await getHub();
  const seen = new Set<string>();
  const items = [];
  for (const section of props.sections) {
    for (const entry of await entriesInSection(section)) {
      if (seen.has(entry.href)) continue;
      seen.add(entry.href);
      items.push({
        title: entry.title,
        link: entry.href,
        description: entry.summary ?? entry.title,
        categories: [entry.eyebrow],
      });
    }
  }
  return rss({
    title: `${props.name} · ${hub.name}`,
    description: hub.tagline ?? props.name,
    site: new URL(import.meta.env.BASE_URL, site).href,
    items,
    customData: '<language>it-it</language>',
  });
};
