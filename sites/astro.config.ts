import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig, fontProviders } from 'astro/config';
import preact from '@astrojs/preact';
import { loadBuilderConfig } from './src/lib/builder-env';
import { buildReport } from './src/lib/build-report';
import { dataStoreAtRuntime } from './src/integrations/data-store-at-runtime';
import { keepOutputIntegration } from './src/integrations/keep-output';
import { pagefindIntegration, type PagefindStats } from './src/integrations/pagefind';
import { interactionDirective } from './src/integrations/interaction-directive';
import { hubSitemap } from './src/integrations/sitemap';
import { staticPagesIntegration } from './src/integrations/static-pages';

/**
 * One Astro project, built once per hub: SITO_HUB names the territory, and the hub is written to
 * dist/<hub>/ and served under /<hub>/.
 */
const config = loadBuilderConfig();
const titillium = (weight: number) =>
  `./node_modules/@fontsource/titillium-web/files/titillium-web-latin-${weight}-normal.woff2`;
const hub = config.SITO_HUB;
// A draft preview (src/lib/preview.ts) is served privately, under its own base path, and not indexed.
const preview = config.SITO_PREVIEW;
const keepOutput = process.env.SITO_KEEP_OUT === '1';
// Relative to this project, whatever folder the build runs from (see scripts/lib/hubs.ts).
const outDir = path.resolve(fileURLToPath(new URL('.', import.meta.url)), process.env.SITO_OUT_DIR ?? `./dist/${hub}`);

/** The build report sits beside the hub's folder, not inside it: it is for editors, not readers. */
function writeReport(pagefind?: PagefindStats) {
  const report = { ...buildReport(hub), pagefind, finishedAt: new Date().toISOString() };
  fs.writeFileSync(`${outDir}.report.json`, `${JSON.stringify(report, null, 2)}\n`);
}

export default defineConfig({
  site: config.SITO_SITE_URL,
  base: preview?.base ?? `/${hub}`,
  trailingSlash: 'always',
  outDir,
  // Per hub; a build worker keeps it beside the hub's releases (SITO_CACHE_DIR).
  cacheDir: process.env.SITO_CACHE_DIR ?? `./node_modules/.astro/${hub}`,
  build: { format: 'directory', inlineStylesheets: 'always' },
  // A build worker keeps the previous output (src/integrations/keep-output.ts).
  vite: { build: { emptyOutDir: !keepOutput } },
  // Pages whose getStaticPaths gives a cacheKey (src/lib/cache-key.ts) are copied from the previous
  // build when their key and code are unchanged: a one-entry publish renders a few pages, not 2,000.
  experimental: { incrementalBuild: true },
  // Titillium Web (Designers Italia) served from the site itself, through Astro's Fonts API: it
  // preloads the regular weight and generates a metric-matched fallback, so text does not move
  // when the font arrives (no layout shift).
  fonts: [
    {
      provider: fontProviders.local(),
      name: 'Titillium Web',
      cssVariable: '--font-titillium',
      fallbacks: ['system-ui', 'Arial', 'sans-serif'],
      // A font that is not there for the first paint is not swapped in later (it is used from the
      // next page on): no layout shift on slow connections, where a swap would move the page.
      display: 'optional',
      options: {
        variants: [
          { weight: 400, style: 'normal', src: [titillium(400)] },
          { weight: 600, style: 'normal', src: [titillium(600)] },
          { weight: 700, style: 'normal', src: [titillium(700)] },
        ],
      },
    },
  ],
  integrations: [
    // Islands are written against React's API and rendered by Preact's compatibility layer: the
    // same components, about 60 KB less to download before the first search (the 150 KB budget).
    // Only .tsx files are components: without `include`, the integration runs Babel over every
    // TypeScript module of the build (half a second on each build, a one-entry publish included).
    preact({ compat: true, include: [/\.tsx$/] }),
    interactionDirective(),
    dataStoreAtRuntime(),
    staticPagesIntegration(),
    // Not the old addresses, the not-found pages or the pages marked noindex; none in a preview.
    ...hubSitemap({ base: `/${hub}/`, enabled: !preview }),
    ...(preview
      ? [{ name: 'sito:preview-report', hooks: { 'astro:build:done': () => writeReport() } }]
      : [
          // Before Pagefind: stale pages must not be indexed.
          keepOutputIntegration(keepOutput),
          pagefindIntegration({ deferred: process.env.SITO_SEARCH_LATER === '1', onIndexed: writeReport }),
        ]),
  ],
});
