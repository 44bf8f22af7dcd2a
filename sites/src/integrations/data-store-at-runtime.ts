import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';

/** The virtual module through which Astro's build reads the content layer's data store. */
const DATA_STORE_MODULE = '\0astro:data-layer-content';

/**
 * In a build, Astro inlines its whole content data store (every entry of every collection, 16 MB
 * at 10,000 opportunities) into the server bundle as one string: Vite bundles it, writes it out,
 * and Node compiles it again before the first page renders, on every build, one-entry publishes
 * included. This integration keeps the store out of the bundle: the module reads the same file
 * (`data-store.json`, which the content sync has just written into the cache folder) when the
 * prerendering starts, in the same process, a moment later. Only in `astro build`: the dev
 * server keeps Astro's own module, which it reloads on changes.
 */
export function dataStoreAtRuntime(): AstroIntegration {
  return {
    name: 'sito:data-store-at-runtime',
    hooks: {
      'astro:config:setup': ({ command, config, updateConfig }) => {
        if (command !== 'build') return;
        const file = fileURLToPath(new URL('data-store.json', config.cacheDir));
        updateConfig({
          vite: {
            plugins: [
              {
                name: 'sito:data-store-at-runtime',
                apply: 'build',
                transform(_code: string, id: string) {
                  if (id !== DATA_STORE_MODULE) return null;
                  return {
                    code: [
                      "import { readFileSync } from 'node:fs';",
                      `export default JSON.parse(readFileSync(${JSON.stringify(file)}, 'utf8'));`,
                    ].join('\n'),
                    map: { mappings: '' },
                  };
                },
              },
            ],
          },
        });
      },
    },
  };
}
