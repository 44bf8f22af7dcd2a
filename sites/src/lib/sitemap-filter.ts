import { daysUntil, type AddressBook } from '@sito/shared';

/**
 * What the sitemap leaves out. The sitemap integration's filter sees only each page's URL, once
 * the pages are written; so the build writes what it needs to know beside the pages
 * (src/integrations/sitemap.ts): the address book (`indirizzi.json`) and the list of calls closed
 * long ago (`sitemap-esclusioni.json`). Imported by astro.config.ts: nothing from `astro:*`.
 */

/**
 * Pages a reader only reaches by sending a form (lib/ask.ts: the question, the booking, the offer):
 * not listed in the sitemap.
 */
export const isConfirmationPage = (url: string): boolean =>
  /\/(?:domanda-inviata|ask\/sent|richiesta-inviata|book\/sent|offerta-inviata|post-an-offer\/sent)\/$/.test(url);

/**
 * How many days after its deadline a call leaves search engines: its page stays readable at its
 * address, with `noindex`, and leaves the sitemap. A month covers readers who come back to a call
 * they saw.
 */
export const UNLISTED_AFTER_DAYS = 30;

/** A call closed more than UNLISTED_AFTER_DAYS days before `now` (in Rome): not for search engines. */
export const isLongClosed = (deadline: string | null, now: Date = new Date()): boolean =>
  deadline !== null && daysUntil(deadline, now) < -UNLISTED_AFTER_DAYS;

/** The build's list of pages it marked `noindex` (a static endpoint the sitemap integration removes once read). */
export const SITEMAP_EXCLUSIONS_FILE = 'sitemap-esclusioni.json';

/** The hub's not-found pages (src/pages/404.astro, src/pages/[lang]/404/), by their hub-relative path. */
const isNotFoundPage = (path: string) => /^(?:[a-z]{2}\/)?404\/$/.test(path);

/**
 * Whether a page belongs in the sitemap: `url` is a page of the hub whose base path is `base`
 * (`/cremona/`), `excluded` the hub-relative paths of the pages that do not (sitemapExclusions).
 */
export function isListed(url: string, base: string, excluded: ReadonlySet<string>): boolean {
  if (isConfirmationPage(url)) return false;
  const pathname = new URL(url).pathname;
  const root = base.replace(/\/?$/, '/');
  if (!pathname.startsWith(root)) return true;
  const path = pathname.slice(root.length);
  return !isNotFoundPage(path) && !excluded.has(path);
}

/**
 * The hub-relative paths the sitemap leaves out: every old address (its redirect page and its
 * «no longer available» page are not pages of their own) and the pages marked `noindex`.
 */
export function sitemapExclusions(book: AddressBook, unlisted: readonly string[]): Set<string> {
  return new Set([...Object.keys(book.redirects), ...book.gone, ...unlisted]);
}
