import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import sirv from 'sirv';
import { RELEASES_DIR } from './lib/paths.ts';
import { escapeHtml, page, previewWaitingPage } from './lib/publishing/pages.ts';
import type { AddressBook } from '@sito/shared';
import { MARKERS, readAddressBook } from './lib/publishing/addresses.ts';
import { deployedHubs, previewFailureFile, previewFolder, withdrawnState } from './lib/publishing/releases.ts';
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
  let hosts = {
    at: 0,
    map: new Map<string, string>(),
    former: new Map<string, string>(),
    /** Each deployed hub's hostname now, by slug. */
    hostnames: new Map<string, string>(),
  };
  const readHosts = () => {
    if (Date.now() - hosts.at > 2_000) {
      const map = new Map<string, string>();
      const former = new Map<string, string>();
      // A live hub wins a hostname over a withdrawn one that had it (a renamed territory's old folder).
      const hubs = deployedHubs(root).sort(
        (a, b) => Number(hubRoot(root, a.slug) !== null) - Number(hubRoot(root, b.slug) !== null),
      );
      const hostnames = new Map<string, string>();
      for (const hub of hubs) if (hub.hostname) map.set(hub.hostname.toLowerCase(), hub.slug);
      for (const hub of hubs) if (hub.hostname) hostnames.set(hub.slug, hub.hostname);
      // A hostname a live hub had before: it leads to the hub's hostname now, or serves the hub
      // when it has none. Never one a hub has now.
      for (const hub of hubs)
        if (hubRoot(root, hub.slug))
          for (const hostname of hub.formerHostnames ?? [])
            if (!map.has(hostname.toLowerCase())) former.set(hostname.toLowerCase(), hub.slug);
      hosts = { at: Date.now(), map, former, hostnames };
    }
    return hosts;
  };
  const bareHost = (host: string) => host.toLowerCase().replace(/:\d+$/, '');
  const hubForHost = (host: string | undefined): string | undefined => {
    if (!host) return undefined;
    const { map, former } = readHosts();
    const hub = former.get(bareHost(host));
    return map.get(bareHost(host)) ?? (hub && !hostnameOf(hub) ? hub : undefined);
  };
  /** The hostname a request's former hostname leads to now (its hub's), if any. */
  const movedHost = (host: string | undefined): string | null => {
    const hub = host ? readHosts().former.get(bareHost(host)) : undefined;
    return (hub && hostnameOf(hub)) || null;
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

  /** A page of the release with a status of its own (404, 410): the first of `files` there, else a plain one. */
  const sendPage = (res: http.ServerResponse, status: number, files: string[], title = 'Pagina non trovata') => {
    const file = files.find((candidate) => fs.existsSync(candidate));
    if (!file && status === 404) return notFound(res);
    res.writeHead(status, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-cache' });
    res.end(
      file
        ? fs.readFileSync(file)
        : page(title, `<h1>${escapeHtml(title)}</h1><p><a href="/">Torna ai siti della rete</a></p>`),
    );
  };

  /** A hub with no live release: withdrawn (410, or 301 to the hub it moved to), or unknown (404). */
  const withdrawn = (res: http.ServerResponse, hub: string, rest: string, search: string) => {
    const state = /^[a-z0-9-]+$/.test(hub) ? withdrawnState(root, hub) : null;
    if (state && 'movedTo' in state) {
      res.writeHead(301, { Location: `/${state.movedTo}/${rest}${search}`, 'Cache-Control': 'no-cache' });
      res.end();
      return;
    }
    if (state) return sendPage(res, 410, [state.goneFile], 'Sito non più attivo');
    return notFound(res);
  };

  /**
   * Where an old address leads (`indirizzi.json`): a page of this hub, or `/<hub>/<path>/` on the hub
   * an entry moved to. Asked on a hub's hostname, the other hub is reached on its own hostname when
   * it has one, else by path (see below).
   */
  const redirectTarget = (hub: string, to: string, host: string | undefined) => {
    if (!to.startsWith('/')) return `/${hub}/${to}`;
    const other = to.split('/')[1]!;
    const otherHost = hubForHost(host) && hostnameOf(other);
    return otherHost ? `//${otherHost}${/:\d+$/.exec(host ?? '')?.[0] ?? ''}${to}` : to;
  };
  // From the same snapshot as the hosts (read at most every 2 s), not the hubs' files at each request.
  const hostnameOf = (hub: string) => readHosts().hostnames.get(hub) ?? null;

  // The address book of each live release (lib/publishing/addresses.ts), read once per release.
  const books = new Map<string, { redirects: Map<string, string>; gone: Set<string> }>();
  const addressBookOf = (dir: string) => {
    let book = books.get(dir);
    if (!book) {
      let read: AddressBook = { redirects: {}, gone: [] };
      try {
        read = readAddressBook(dir);
      } catch (error) {
        console.error(`[hubs] ${(error as Error).message}`);
      }
      book = { redirects: new Map(Object.entries(read.redirects)), gone: new Set(read.gone) };
      if (books.size > 64) books.clear();
      books.set(dir, book);
    }
    return book;
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
    const newHost = movedHost(req.headers.host);
    if (newHost) {
      // A territory's former hostname: the same address on its hostname now.
      const port = /:\d+$/.exec(req.headers.host ?? '')?.[0] ?? '';
      res.writeHead(301, { Location: `//${newHost}${port}${url.pathname}${url.search}`, 'Cache-Control': 'no-cache' });
      res.end();
      return;
    }
    let pathname = url.pathname;
    const hostHub = hubForHost(req.headers.host);
    // On a withdrawn hub's hostname, the hub it moved to is still reached by path (its 301s lead
    // there), and so is, on any hub's hostname, a live hub with no hostname of its own (an entry
    // moved to that hub's territory leads there).
    const first = pathname.split('/')[1] ?? '';
    const byPath =
      hostHub && first !== hostHub && hubRoot(root, first) && (!hubRoot(root, hostHub) || !hostnameOf(first));
    if (hostHub && !byPath && !pathname.startsWith(`/${hostHub}/`) && pathname !== `/${hostHub}`)
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
    if (!dir) return withdrawn(res, hub, rest.join('/'), url.search);
    // What the servers read of a release (lib/publishing/addresses.ts) is not a page.
    if (rest[0] === MARKERS) return sendPage(res, 404, [path.join(dir, '404.html')]);
    // Permanent addresses: an old address leads to the current one, a withdrawn entry's is gone.
    const relative = rest.join('/');
    const key = relative === '' || relative.endsWith('/') ? relative : `${relative}/`;
    const book = addressBookOf(dir);
    const movedTo = book.redirects.get(key);
    if (movedTo) {
      res.writeHead(301, {
        Location: `${redirectTarget(hub, movedTo, req.headers.host)}${url.search}`,
        'Cache-Control': 'no-cache',
      });
      res.end();
      return;
    }
    if (book.gone.has(key))
      return sendPage(res, 410, [path.join(dir, key, 'index.html')], 'Contenuto non più disponibile');
    if (rest.length === 0 || (!pathname.endsWith('/') && !path.posix.basename(pathname).includes('.'))) {
      res.writeHead(301, { Location: `${pathname}/${url.search}` });
      res.end();
      return;
    }
    req.url = `/${rest.join('/')}${url.search}`;
    const files = serverFor(dir);
    if (!files) return unavailable(res);
    // Unknown here: the hub's own 404 page, in the reader's language.
    files(req, res, () =>
      sendPage(res, 404, [
        // In English under /en/ where the hub publishes English, in Italian otherwise.
        ...(rest[0] === 'en' ? [path.join(dir, 'en', '404', 'index.html')] : []),
        path.join(dir, '404.html'),
      ]),
    );
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
