import fs from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

export interface PageWeight {
  page: string;
  /** The HTML as served (CSS is inlined), gzip -9. */
  htmlGzipBytes: number;
  /** Inline scripts other than JSON-LD, gzip -9 together. */
  inlineScriptGzipBytes: number;
  /** Scripts the page downloads. */
  externalScripts: number;
  /** Resources requested from another origin (src, stylesheet, preload, icon). */
  thirdPartyRequests: string[];
}

const gz = (text: string) => gzipSync(Buffer.from(text), { level: 9 }).length;

/** The weight of one built page, from its HTML file. */
export function measurePage(root: string, page: string): PageWeight {
  const html = fs.readFileSync(path.join(root, page), 'utf8');
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
    htmlGzipBytes: gz(html),
    inlineScriptGzipBytes: inline.length ? gz(inline.join('\n')) : 0,
    externalScripts: external,
    thirdPartyRequests: requested.filter((url) => /^https?:\/\//.test(url) || url.startsWith('//')),
  };
}

/** Home, the opportunity listing and the first opportunity page of a built hub. */
export function measureHub(root: string): PageWeight[] {
  const details = fs
    .readdirSync(path.join(root, 'opportunita'), { withFileTypes: true })
    .filter((d) => d.isDirectory());
  const pages = ['index.html', 'opportunita/index.html', 'cerca/index.html'];
  if (details[0]) pages.push(`opportunita/${details[0].name}/index.html`);
  return pages.map((page) => measurePage(root, page));
}
