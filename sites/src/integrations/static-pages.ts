import type { AstroIntegration } from 'astro';

/** The virtual module listing the hub's fixed pages (declared in src/env.d.ts). */
export const STATIC_PAGES_MODULE = 'virtual:sito/static-pages';
const RESOLVED = `\0${STATIC_PAGES_MODULE}`;

/** The hub's pages that do not come from content, by hub-relative path (`cerca/`, `[lang]/search/`). */
export interface StaticPages {
  /** Pages without parameters: `''` (the home), `cerca/`, `esperto-risponde/fai-una-domanda/`. */
  fixed: string[];
  /** Pages whose only parameter is the language, with `[lang]` in place: `[lang]/search/`. */
  perLanguage: string[];
}

/**
 * Tells the pages which fixed pages the hub has, from Astro's own route list: an old address the
 * CMS remembers must never take the place of one of them (src/lib/addresses.ts), and the routes
 * are the only list of them that cannot go stale.
 */
export function staticPagesIntegration(): AstroIntegration {
  const pages: StaticPages = { fixed: [], perLanguage: [] };
  return {
    name: 'sito:static-pages',
    hooks: {
      'astro:config:setup': ({ updateConfig }) => {
        updateConfig({
          vite: {
            plugins: [
              {
                name: 'sito:static-pages',
                resolveId: (id: string) => (id === STATIC_PAGES_MODULE ? RESOLVED : null),
                // Loaded while the pages are bundled, after Astro has resolved its routes.
                load: (id: string) => (id === RESOLVED ? `export default ${JSON.stringify(pages)};` : null),
              },
            ],
          },
        });
      },
      'astro:routes:resolved': ({ routes }) => {
        const relative = (pattern: string) => pattern.replace(/^\/+|\/+$/g, '').replace(/(.)$/, '$1/');
        const own = routes.filter((route) => route.type === 'page' && route.origin === 'project');
        pages.fixed = own.filter((route) => route.params.length === 0).map((route) => relative(route.pattern));
        pages.perLanguage = own
          .filter((route) => route.params.length === 1 && route.params[0] === 'lang')
          .map((route) => relative(route.pattern));
      },
    },
  };
}
