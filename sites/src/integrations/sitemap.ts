import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import sitemap from '@astrojs/sitemap';
import type { AstroIntegration } from 'astro';
import { ADDRESS_BOOK_FILE, addressBookSchema } from '@sito/shared';
import { isListed, SITEMAP_EXCLUSIONS_FILE, sitemapExclusions } from '../lib/sitemap-filter';

/**
 * The hub's sitemap (@astrojs/sitemap) without the pages that are not for search engines
 * (lib/sitemap-filter.ts). The sitemap's filter sees only URLs, once the pages are written; what it
 * must leave out is in two small files the build has just written beside the pages: `indirizzi.json`
 * (the old addresses, src/pages/indirizzi.json.ts) and `sitemap-esclusioni.json` (the pages marked
 * `noindex`, src/pages/sitemap-esclusioni.json.ts). Both come from the content, not from the pages,
 * so they are right even when a one-entry publish copies most pages from the previous build, and
 * reading them costs the same on a hub of 10,000 pages as on one of ten.
 *
 * The integrations are listed before the sitemap, whose `astro:build:done` runs after theirs: the
 * first reads the files, and removes the second, which is for the build only. A draft preview has
 * no sitemap (`enabled: false`): the file is removed all the same.
 */
export function hubSitemap({ base, enabled }: { base: string; enabled: boolean }): AstroIntegration[] {
  let excluded: Set<string> | undefined;
  const exclusions: AstroIntegration = {
    name: 'sito:sitemap-exclusions',
    hooks: {
      'astro:build:done': ({ dir, logger }) => {
        const folder = fileURLToPath(dir);
        const file = `${folder}${SITEMAP_EXCLUSIONS_FILE}`;
        if (enabled) {
          const unlisted = readJson(file);
          if (!Array.isArray(unlisted) || !unlisted.every((path) => typeof path === 'string'))
            throw new Error(`${file} is not a list of paths: the sitemap cannot leave out the pages marked noindex.`);
          const book = addressBookSchema.safeParse(readJson(`${folder}${ADDRESS_BOOK_FILE}`));
          if (!book.success)
            throw new Error(`${folder}${ADDRESS_BOOK_FILE} is not an address book: ${book.error.message}`);
          excluded = sitemapExclusions(book.data, unlisted);
          logger.info(`the sitemap leaves out ${excluded.size} old address(es) and page(s) marked noindex`);
        }
        fs.rmSync(file, { force: true });
      },
    },
  };
  if (!enabled) return [exclusions];
  return [
    exclusions,
    sitemap({
      filter: (url) => {
        if (!excluded) throw new Error('The sitemap ran before sito:sitemap-exclusions read what to leave out.');
        return isListed(url, base, excluded);
      },
    }),
  ];
}

function readJson(file: string): unknown {
  if (!fs.existsSync(file)) throw new Error(`${file} is missing: the build did not write it.`);
  return JSON.parse(fs.readFileSync(file, 'utf8'));
}
