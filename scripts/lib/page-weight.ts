import fs from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

/** What must arrive in the first round trip (about 10 TCP packets): the HTML and the CSS it needs. */
export const CRITICAL_BUDGET_BYTES = 14 * 1024;

export interface PageWeight {
  page: string;
  /** The HTML as served (CSS is inlined), gzip -9. */
  htmlGzipBytes: number;
  /** The HTML and the stylesheets it links (none while CSS is inlined), gzip -9 each. */
  criticalGzipBytes: number;
  /** `criticalGzipBytes` fits in CRITICAL_BUDGET_BYTES. */
  criticalWithinBudget: boolean;
  /** Inline scripts other than JSON-LD, gzip -9 together. */
  inlineScriptGzipBytes: number;
  /** Scripts the page downloads. */
  externalScripts: number;
  /** Resources requested from another origin (src, stylesheet, preload, icon). */
  thirdPartyRequests: string[];
}

const gz = (text: string) => gzipSync(Buffer.from(text), { level: 9 }).length;

/** The weight of one built page, from its HTML file (the hub is served at `/<folder name of root>/`). */
export function measurePage(root: string, page: string): PageWeight {
  const html = fs.readFileSync(path.join(root, page), 'utf8');
  const base = `/${path.basename(root)}/`;
  const stylesheets = [...html.matchAll(/<link[^>]*rel="stylesheet"[^>]*href="([^"]+)"/g)]
    .map((m) => m[1] ?? '')
    .filter((href) => href.startsWith(base))
    .map((href) => gz(fs.readFileSync(path.join(root, href.slice(base.length).split(/[?#]/)[0]!), 'utf8')));
  const htmlGzipBytes = gz(html);
  const criticalGzipBytes = stylesheets.reduce((sum, bytes) => sum + bytes, htmlGzipBytes);
  const inline = [
    ...html.matchAll(/<script(?![^>]*\bsrc=)(?![^>]*application\/ld\+json)[^>]*>([\s\S]*?)<\/script>/g),
  ].map((m) => m[1] ?? '');
  const external = [...html.matchAll(/<script[^>]*\bsrc=/g)].length;
  const requested = [
    ...html.matchAll(/\bsrc="([^"]+)"/g),
    ...html.matchAll(/<link[^>]*rel="(?:stylesheet|preload|icon|modulepreload)"[^>]*href="([^"]+)"/g),
  ].map((m) => m[1] ?? '');
  return {
    page,
    htmlGzipBytes,
    criticalGzipBytes,
    criticalWithinBudget: criticalGzipBytes <= CRITICAL_BUDGET_BYTES,
    inlineScriptGzipBytes: inline.length ? gz(inline.join('\n')) : 0,
    externalScripts: external,
    thirdPartyRequests: requested.filter((url) => /^https?:\/\//.test(url) || url.startsWith('//')),
  };
}

/** The folder of each content type's listing; its details are its subfolders (`pagina/` excepted). */
export const CONTENT_TYPES = [
  'opportunita',
  'tutorial',
  'professioni',
  'eventi',
  'esperto-risponde',
  'news',
  'risorse-operatori',
  'progetti',
  'siti-utili',
  'bibliografia',
] as const;

/** «Fai una domanda», the page with a form (and the proof-of-work widget). */
const FORM_PAGE = 'esperto-risponde/fai-una-domanda';
/** Pages in a listing's folder that are not one of its entries. */
const NOT_ENTRIES = new Set([FORM_PAGE, 'esperto-risponde/domanda-inviata']);

/**
 * The pages that stand for every template of a built hub, as HTML files relative to it: the home,
 * the contacts, search, «Fai una domanda» and «Prenota» pages, and the listing and the first detail page (by slug) of each
 * content type.
 */
export function hubPages(root: string): string[] {
  const pages = [
    'index.html',
    'contatti/index.html',
    'cerca/index.html',
    `${FORM_PAGE}/index.html`,
    'prenota/index.html',
  ];
  for (const type of CONTENT_TYPES) {
    pages.push(`${type}/index.html`);
    const [first] = fs
      .readdirSync(path.join(root, type), { withFileTypes: true })
      .filter((entry) => entry.isDirectory() && !NOT_ENTRIES.has(`${type}/${entry.name}`) && entry.name !== 'pagina')
      .map((entry) => entry.name)
      .sort();
    if (first) pages.push(`${type}/${first}/index.html`);
  }
  return pages;
}

/** The address of a page of `hubPages` under the hub's base: `eventi/index.html` → `eventi/`. */
export const pagePath = (page: string) => page.replace(/index\.html$/, '');

/** The weight of every page of `hubPages`. */
export function measureHub(root: string): PageWeight[] {
  return hubPages(root).map((page) => measurePage(root, page));
}
