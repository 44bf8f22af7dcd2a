import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import sirv from 'sirv';
import { RELEASES_DIR } from './lib/paths.ts';
import { escapeHtml, page, previewWaitingPage } from './lib/publishing/pages.ts';
import { deployedHubs, previewFailureFile, previewFolder } from './lib/publishing/releases.ts';
import { securityHeaders } from './lib/publishing/security-headers.ts';
import { proxySubmission, SUBMISSIONS_PATH } from './lib/submission-proxy.ts';

export interface HubServerOptions {
  /**
   * The CMS's origins as editors' browsers reach it: its admin frames the draft previews, which
   * the Content-Security-Policy otherwise forbids (lib/publishing/security-headers.ts).
   */
  cmsOrigins?: readonly string[] | undefined;
  /**
   * Where this server reaches the CMS: the hubs' forms post to `/api/sito/submissions/…` on the
   * hub's own address, passed on to it (lib/submission-proxy.ts). Without it those addresses 404.
   */
  cmsUrl?: string | undefined;
}

/**
 * The folder a hub is served from: the live release (`<root>/<hub>/current`, see
 * lib/publishing/releases.ts) or, for a plain build output, `<root>/<hub>` itself. Resolved on
 * every request, so a deploy (one rename of `current`) is picked up at once.
 */
export function hubRoot(root: string, hub: string): string | null {
  if (!/^[a-z0-9-]+$/.test(hub)) return null;
  for (const candidate of [path.join(root, hub, 'current'), path.join(root, hub)]) {
    try {
      const real = fs.realpathSync(candidate);
      if (fs.existsSync(path.join(real, 'index.html'))) return real;
    } catch {
      // Not there.
    }
  }
  return null;
}

/** The hubs that have something live, by slug. */
export function builtHubs(root = RELEASES_DIR): string[] {
  if (!fs.existsSync(root)) return [];
  return fs
    .readdirSync(root, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && hubRoot(root, entry.name) !== null)
    .map((entry) => entry.name)
    .sort();
}

/** Hashed assets (Astro's, Pagefind's fragments) never change under their name; HTML is revalidated. */
export function cacheControl(pathname: string): string {
  const immutable = /\/_astro\//.test(pathname) || /\/pagefind\/.*\.(pf_\w+|wasm\.\w+)$/.test(pathname);
  return immutable ? 'public, max-age=31536000, immutable' : 'no-cache';
}

/**
 * Serves every hub's live release at /<slug>/, and by Host header: a request for a territory's
 * hostname (from the hub.json each deploy writes) is served from that hub, with or without the
 * /<slug> prefix in the path. `/` lists the hubs. Every response carries the security headers
 * that the generated nginx configuration sends too.
 */
export function createHubServer(root = RELEASES_DIR, options: HubServerOptions = {}): http.Server {
  const headersFor = {
    page: Object.entries(securityHeaders('page', options)),
    preview: Object.entries(securityHeaders('preview', options)),
  };
  // One file server per release folder: a release never changes once deployed.
  const servers = new Map<string, ReturnType<typeof sirv>>();
  const serverFor = (dir: string, cache?: string): ReturnType<typeof sirv> | null => {
    let server = servers.get(dir);
    if (!server) {
      // sirv lists the folder now: a release pruned meanwhile is not served (and not cached).
      try {
        server = sirv(dir, {
          dev: false,
          etag: true,
          extensions: ['html'],
          setHeaders: (res, pathname) => res.setHeader('Cache-Control', cache ?? cacheControl(pathname)),
        });
      } catch {
        return null;
      }
      if (servers.size > 64) servers.clear();
      servers.set(dir, server);
    }
    return server;
  };
  let hosts = { at: 0, map: new Map<string, string>() };
  const hubForHost = (host: string | undefined): string | undefined => {
    if (!host) return undefined;
    if (Date.now() - hosts.at > 2_000) {
      const map = new Map<string, string>();
      for (const hub of deployedHubs(root)) if (hub.hostname) map.set(hub.hostname.toLowerCase(), hub.slug);
      hosts = { at: Date.now(), map };
    }
    return hosts.map.get(host.toLowerCase().replace(/:\d+$/, ''));
  };

  /** The live release changed while it was being read: the next request finds the new one. */
  const unavailable = (res: http.ServerResponse) => {
    res.writeHead(503, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store', 'Retry-After': '1' });
    res.end(page('Aggiornamento in corso', '<h1>Aggiornamento in corso</h1><p>Ricarica la pagina tra un istante.</p>'));
  };

  const notFound = (res: http.ServerResponse) => {
    res.writeHead(404, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-cache' });
    res.end(page('Pagina non trovata', '<h1>Pagina non trovata</h1><p><a href="/">Torna ai siti della rete</a></p>'));
  };

  /**
   * A draft preview: `/_anteprima/<id>/<hub>/…` from `<root>/.previews/<id>/`, never cached or
   * indexed, and framed by the CMS's Preview panel. Until the worker has built it, a page that
   * reloads itself; if the build failed, why.
   */
  const servePreview = (req: http.IncomingMessage, res: http.ServerResponse, url: URL): void => {
    const [, , id = '', hub = '', ...rest] = url.pathname.split('/');
    const headers = { 'Cache-Control': 'no-store', 'X-Robots-Tag': 'noindex, nofollow' };
    for (const [name, value] of [...Object.entries(headers), ...headersFor.preview]) res.setHeader(name, value);
    if (!/^[a-f0-9]{32}$/.test(id) || !/^[a-z0-9-]+$/.test(hub)) return notFound(res);
    const dir = previewFolder(root, id);
    if (fs.existsSync(path.join(dir, 'index.html'))) {
      req.url = `/${rest.join('/')}${url.search}`;
      const files = serverFor(dir, 'no-store');
      return files ? files(req, res, () => notFound(res)) : notFound(res);
    }
    // Not built: why it failed, or a page that waits for it.
    const failure = previewFailureFile(root, id);
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', ...headers });
    res.end(fs.existsSync(failure) ? fs.readFileSync(failure) : previewWaitingPage());
  };
  return http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (url.pathname.startsWith('/_anteprima/')) return servePreview(req, res, url);
    // Set before anything answers: pages, assets, redirects and errors alike.
    for (const [name, value] of headersFor.page) res.setHeader(name, value);
    if (url.pathname.startsWith(SUBMISSIONS_PATH))
      return options.cmsUrl ? proxySubmission(req, res, options.cmsUrl) : notFound(res);
    let pathname = url.pathname;
    const hostHub = hubForHost(req.headers.host);
    if (hostHub && !pathname.startsWith(`/${hostHub}/`) && pathname !== `/${hostHub}`)
      pathname = `/${hostHub}${pathname}`;

    if (pathname === '/') {
      const hubs = builtHubs(root);
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-cache' });
      res.end(
        page(
          'SITO Giovani: i siti della rete',
          `<h1>I siti della rete Informagiovani</h1><ul>${hubs
            .map((hub) => `<li><a href="/${escapeHtml(hub)}/">${escapeHtml(hub)}</a></li>`)
            .join('')}</ul>`,
        ),
      );
      return;
    }
    const [, hub = '', ...rest] = pathname.split('/');
    const dir = hubRoot(root, hub);
    if (!dir) return notFound(res);
    if (rest.length === 0 || (!pathname.endsWith('/') && !path.posix.basename(pathname).includes('.'))) {
      res.writeHead(301, { Location: `${pathname}/${url.search}` });
      res.end();
      return;
    }
    req.url = `/${rest.join('/')}${url.search}`;
    const files = serverFor(dir);
    if (!files) return unavailable(res);
    files(req, res, () => notFound(res));
  });
}

export async function serveHubs(
  port: number,
  root = RELEASES_DIR,
  options: HubServerOptions = {},
): Promise<http.Server> {
  const server = createHubServer(root, options);
  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) =>
      reject(
        error.code === 'EADDRINUSE'
          ? new Error(`Port ${port} is already in use: the hubs cannot be served there.`)
          : error,
      ),
    );
    server.listen(port, '127.0.0.1', resolve);
  });
  return server;
}

/**
 * `pnpm serve:hubs`: serve the live releases, without the CMS. SITO_CMS_URL, when set, is the CMS
 * whose admin may show the draft previews and which the hubs' forms are passed to.
 */
export async function main(): Promise<void> {
  const port = Number(process.env.SITO_HUBS_PORT ?? 4321);
  const root = process.env.SITO_RELEASES_DIR ?? RELEASES_DIR;
  const cmsUrl = process.env.SITO_CMS_URL || undefined;
  await serveHubs(port, root, { cmsOrigins: cmsUrl ? [cmsUrl] : [], cmsUrl });
  console.log(`Serving ${builtHubs(root).join(', ') || 'no hubs yet'} at http://localhost:${port}/`);
}
