import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';

/**
 * For a build worker's one-entry rebuilds (SITO_KEEP_OUT=1, see scripts/lib/hubs.ts): the output
 * folder keeps the previous build's files, so the pages Astro's incremental build skips are already
 * in place (Astro copies each of them from its cache otherwise: thousands of files on a large hub).
 *
 * What the previous build wrote and this one did not is stale (an unpublished entry's page, an old
 * asset, an old Pagefind fragment): it is removed before Pagefind indexes the folder. A file stays
 * when a route of this build produced it (rendered or skipped) or when this build wrote it (Vite's
 * assets, the public folder, the sitemap).
 */
export function keepOutputIntegration(enabled: boolean): AstroIntegration {
  let started = Date.now();
  return {
    name: 'sito:keep-output',
    hooks: {
      'astro:build:start': () => {
        // The file system's clock is coarse; the previous build ended seconds before this point.
        started = Date.now() - 1_000;
      },
      'astro:build:done': ({ dir, assets, logger }) => {
        if (!enabled) return;
        const root = fileURLToPath(dir);
        const produced = new Set<string>();
        for (const urls of assets.values()) for (const url of urls) produced.add(fileURLToPath(url));
        const removed = pruneStale(root, produced, started);
        if (removed) logger.info(`removed ${removed} stale file(s) of the previous build`);
      },
    },
  };
}

/** Removes files under `root` that no route produced and that were not written since `since`. */
export function pruneStale(root: string, produced: Set<string>, since: number): number {
  let removed = 0;
  const walk = (folder: string): boolean => {
    let empty = true;
    for (const entry of fs.readdirSync(folder, { withFileTypes: true })) {
      const file = path.join(folder, entry.name);
      if (entry.isDirectory()) {
        // Astro's temporary folder, removed after the build; Pagefind's, which it writes anew.
        if ((entry.name === '.prerender' || entry.name === 'pagefind') && folder === root) {
          empty = false;
          continue;
        }
        if (walk(file)) fs.rmdirSync(file);
        else empty = false;
      } else if (produced.has(file) || fs.statSync(file).mtimeMs >= since) {
        empty = false;
      } else {
        fs.rmSync(file);
        removed += 1;
      }
    }
    return empty;
  };
  walk(root);
  return removed;
}
