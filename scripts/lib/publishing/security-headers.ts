import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { SITES_DIR } from '../paths.ts';
import { DEADLINE_SCRIPT } from '../../../sites/src/lib/deadline-script.ts';
import { INTERACTION_DIRECTIVE } from '../../../sites/src/integrations/interaction-directive.ts';

/**
 * The security headers of every response of the hubs, in one place for both servers that send
 * them: the local hub server (scripts/serve-hubs.ts, scripts/lib/hub-server.ts) and the generated
 * nginx configuration (./nginx.ts).
 *
 * The pages run no script but their own: bundled modules from the hub itself, and three inline
 * scripts allowed by their hash, never by 'unsafe-inline'. Pagefind compiles its WebAssembly
 * ('wasm-unsafe-eval'). Styles are inline (Astro inlines each page's CSS, the layout sets the
 * territory's colour), so style-src keeps 'unsafe-inline': a style cannot run code.
 */

/** What a response is: a page of a live hub (and anything else), or a draft preview the CMS frames. */
export type ResponseKind = 'page' | 'preview';

export interface SecurityHeaderOptions {
  /**
   * The CMS's origins as editors' browsers reach it, e.g. `https://cms.giovani.example.org`: its
   * admin shows draft previews in a frame, and the hub's logo is one of its uploads.
   */
  cmsOrigins?: readonly string[] | undefined;
  /** The response goes out over TLS: browsers are told to come back over it only (HSTS). */
  tls?: boolean | undefined;
}

/** A year, subdomains included: once a hub is served over TLS it is never served without. */
export const STRICT_TRANSPORT_SECURITY = 'max-age=31536000; includeSubDomains';

const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;

/**
 * The inline scripts Astro writes into the pages, hashed from the code that writes them, so the
 * policy follows an update of Astro or of our scripts without anyone copying a hash:
 * - the deadline badges' script (sites/src/lib/deadline-script.ts), on every page with a deadline;
 * - Astro's island runtime, and our `client:interaction` directive compiled by Astro's own
 *   function, on the search pages.
 */
async function inlineScriptHashes(): Promise<string[]> {
  const fromSites = createRequire(path.join(SITES_DIR, 'package.json'));
  const island = (await import(
    pathToFileURL(fromSites.resolve('astro/runtime/server/astro-island.prebuilt.js')).href
  )) as { default: string };
  // Not one of Astro's public entry points: if it moves, this import fails loudly, not the pages.
  const astroDir = path.dirname(fromSites.resolve('astro/package.json'));
  const directives = (await import(
    pathToFileURL(path.join(astroDir, 'dist', 'core', 'client-directive', 'build.js')).href
  )) as { buildClientDirectiveEntrypoint(name: string, entrypoint: string, root: URL): Promise<string> };
  const directive = await directives.buildClientDirectiveEntrypoint(
    INTERACTION_DIRECTIVE.name,
    INTERACTION_DIRECTIVE.entrypoint,
    pathToFileURL(`${SITES_DIR}/`),
  );
  return [DEADLINE_SCRIPT, island.default, directive].map(sha256);
}

const SCRIPT_HASHES = await inlineScriptHashes();

/** `https://cms.example.org/admin` → `https://cms.example.org`; anything but an http(s) origin is refused. */
export function origin(value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new Error(`"${value}" is not a web address such as https://cms.giovani.example.org.`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new Error(`"${value}" is not an http(s) address, so it cannot be the CMS's origin.`);
  return url.origin;
}

/** The Content-Security-Policy of a response. */
export function contentSecurityPolicy(kind: ResponseKind, options: SecurityHeaderOptions = {}): string {
  const cms = (options.cmsOrigins ?? []).map(origin);
  return [
    "default-src 'self'",
    `script-src 'self' 'wasm-unsafe-eval' ${SCRIPT_HASHES.join(' ')}`,
    "style-src 'self' 'unsafe-inline'",
    ['img-src', "'self'", ...cms].join(' '),
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    // A preview is shown inside the CMS's admin; a live page only inside the hub itself.
    ['frame-ancestors', "'self'", ...(kind === 'preview' ? cms : [])].join(' '),
  ].join('; ');
}

/** Every security header of a response, by name. */
export function securityHeaders(kind: ResponseKind, options: SecurityHeaderOptions = {}): Record<string, string> {
  return {
    'Content-Security-Policy': contentSecurityPolicy(kind, options),
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'strict-origin-when-cross-origin',
    // The same as frame-ancestors for browsers that only read this one. A preview has none: it
    // cannot name the CMS's origin, and a browser that reads frame-ancestors ignores it anyway.
    ...(kind === 'page' ? { 'X-Frame-Options': 'SAMEORIGIN' } : {}),
    'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=()',
    ...(options.tls ? { 'Strict-Transport-Security': STRICT_TRANSPORT_SECURITY } : {}),
  };
}
