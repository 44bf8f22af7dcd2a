import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import * as pagefind from 'pagefind';

/**
 * Indexes the built hub with Pagefind's Node API once Astro has written it, so one `astro build`
 * gives a searchable site. Only elements marked `data-pagefind-body` are indexed. Pagefind keeps
 * one index per page language (`<html lang>`), stemmed for that language, and a search page loads
 * the index of its own language: the Italian search finds Italian pages, the English one English
 * pages.
 * @see https://pagefind.app/docs/node-api/
 * @see https://pagefind.app/docs/multilingual/
 */
export function pagefindIntegration(options: {
  /** Leave the index to the build worker, which publishes the pages first (see indexSite). */
  deferred?: boolean;
  onIndexed?: (stats?: PagefindStats) => void;
}): AstroIntegration {
  return {
    name: 'sito:pagefind',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        if (options.deferred) {
          logger.info('the search index is left to the build worker (SITO_SEARCH_LATER=1)');
          options.onIndexed?.();
          return;
        }
        const stats = await indexSite(fileURLToPath(dir));
        logger.info(
          `indexed ${stats.pages} pages in ${Math.round(stats.ms)} ms (${Math.round(stats.bytes / 1024)} KiB)`,
        );
        options.onIndexed?.(stats);
      },
    },
  };
}

/** Writes the Pagefind index of a built hub into `<site>/pagefind/`, replacing the one there. */
export async function indexSite(site: string): Promise<PagefindStats> {
  const started = performance.now();
  const { index, errors } = await pagefind.createIndex({});
  if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
  const added = await index.addDirectory({ path: site });
  if (added.errors.length > 0) throw new Error(`Pagefind failed to index ${site}: ${added.errors.join('; ')}`);
  const outputPath = path.join(site, 'pagefind');
  // A kept output folder (keep-output.ts) still has the previous index: its fragments are stale.
  await fs.rm(outputPath, { recursive: true, force: true });
  const written = await index.writeFiles({ outputPath });
  if (written.errors.length > 0) throw new Error(`Pagefind failed to write its index: ${written.errors.join('; ')}`);
  await pagefind.close();
  return { pages: added.page_count, ms: performance.now() - started, bytes: await folderSize(outputPath) };
}

export interface PagefindStats {
  pages: number;
  ms: number;
  bytes: number;
}

async function folderSize(folder: string): Promise<number> {
  let total = 0;
  for (const entry of await fs.readdir(folder, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) total += (await fs.stat(path.join(entry.parentPath, entry.name))).size;
  }
  return total;
}
