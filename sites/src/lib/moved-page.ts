import { t, type Lang } from '../i18n/ui.ts';

const escape = (text: string) =>
  text.replace(/[&<>"']/g, (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[char]!);

/**
 * The page at an old address of a published entry, for hosts that cannot answer it with a 301
 * (the hub servers do, from `indirizzi.json`): it sends the browser on at once and names the new
 * address as canonical, the way Astro's own redirect pages do, with a link for whoever is not sent
 * on. Written whole, not through the layout: the route's stylesheet (every page of an Astro route
 * inlines it) would weigh a hundred times the page, and it has no script (nothing for the
 * Content-Security-Policy to allow).
 *
 * @param to the new address under the hub's base (`/cremona/opportunita/tirocinio/`)
 * @param site the site's origin, for the canonical link
 */
export function movedPage(to: string, site: URL | string, lang: Lang): string {
  const ui = t(lang);
  const href = escape(to);
  const url = escape(new URL(to, site).href);
  return [
    '<!doctype html>',
    `<html lang="${lang}">`,
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escape(ui.movedTitle)}</title>`,
    `<meta http-equiv="refresh" content="0;url=${href}">`,
    '<meta name="robots" content="noindex">',
    `<link rel="canonical" href="${url}">`,
    '</head>',
    '<body>',
    `<main><h1>${escape(ui.movedTitle)}</h1><p>${escape(ui.movedText)} <a href="${href}">${url}</a></p></main>`,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
