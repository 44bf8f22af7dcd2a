import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADDRESS_BOOK_FILE } from '@sito/shared';
import {
  deployRelease,
  previewFolder,
  releaseName,
  stagingFolder,
  withdrawHub,
  writePreviewFailure,
} from '../../scripts/lib/publishing/releases.ts';
import { nginxConfig, type NginxHub, type NginxOptions } from '../../scripts/lib/publishing/nginx.ts';
import { freePort } from '../../scripts/lib/net.ts';
import { createHubServer } from '../../scripts/serve-hubs.ts';
import { startNginx, type RunningNginx } from '../helpers/nginx.ts';
import { get } from '../helpers/publishing.ts';

/** Crema and Lecco, each with a hostname its site had before (Crema also a former slug). */
const hubs: NginxHub[] = [
  {
    slug: 'crema',
    name: 'Informagiovani Crema',
    hostname: 'giovani.comune.crema.cr.it',
    formerHostnames: ['informagiovani.crema.example'],
    formerSlugs: ['crema-citta'],
  },
  { slug: 'lecco', name: 'Informagiovani Lecco', hostname: null, formerHostnames: ['giovani.lecco.example'] },
];
/** Where editors open the CMS's admin, which frames the draft previews. */
const CMS = 'https://cms.giovani.example.org';
const SECURITY_HEADERS = [
  'content-security-policy',
  'x-content-type-options',
  'referrer-policy',
  'x-frame-options',
  'permissions-policy',
  'strict-transport-security',
] as const;
/** A response's security headers (those it has), to compare the two servers. */
const securityOf = (headers: http.IncomingHttpHeaders) =>
  Object.fromEntries(
    SECURITY_HEADERS.filter((name) => headers[name] !== undefined).map((name) => [name, headers[name]]),
  );

/** Files of a release besides its pages, with the media type a harvester, a calendar or a feed reader expects. */
const PUBLISHED_FILES: Record<string, { body: string; type: string }> = {
  'dati/catalogo.jsonld': { body: '{"@context":{}}', type: 'application/ld+json' },
  'dati/opportunita.csv': { body: 'slug,titolo\r\n', type: 'text/csv' },
  'dati/opportunita.json': { body: '[]', type: 'application/json' },
  'scadenze.ics': { body: 'BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n', type: 'text/calendar' },
  'rss/opportunita.xml': { body: '<rss/>', type: 'application/xml' },
  'robots.txt': { body: 'User-agent: *', type: 'text/plain' },
};

/** Deploys a small release the way a worker does (staging folder, then the `current` rename). */
function deploy(root: string, hub: NginxHub, marker: string) {
  const staging = stagingFolder(root, hub.slug, marker);
  fs.mkdirSync(path.join(staging, '_astro'), { recursive: true });
  fs.mkdirSync(path.join(staging, 'opportunita', 'tirocinio'), { recursive: true });
  fs.writeFileSync(path.join(staging, 'index.html'), `<h1>${hub.name} ${marker}</h1>`);
  fs.writeFileSync(path.join(staging, '404.html'), `<h1>${hub.name.split(' ').at(-1)} 404</h1>`);
  fs.writeFileSync(path.join(staging, 'opportunita', 'tirocinio', 'index.html'), `<h1>Tirocinio ${marker}</h1>`);
  fs.writeFileSync(path.join(staging, '_astro', 'app.Ab12Cd.css'), 'body{color:#000}');
  // What a hub publishes beside its pages: feeds, calendars, open data and its catalogue.
  for (const dir of ['dati', 'rss']) fs.mkdirSync(path.join(staging, dir), { recursive: true });
  for (const [file, body] of Object.entries(PUBLISHED_FILES)) fs.writeFileSync(path.join(staging, file), body.body);
  deployRelease(root, hub, staging, marker);
}

/**
 * The generated production configuration, served by a real nginx (Debian's package): hubs by path
 * and by hostname, hashed assets cached forever, HTML revalidated, and a deploy live without reload.
 */
describe('the generated nginx configuration', () => {
  let dir: string;
  let nginx: RunningNginx;
  let origin: string;
  let hubServer: http.Server;
  let hubServerOrigin: string;
  /**
   * Stands where the CMS would be, recording what the proxies pass on: the test is about what nginx
   * and the hub server forward, not about the CMS (tests/integration/submissions.test.ts, e2e/ask).
   */
  let upstream: http.Server;
  const received: Array<{ url: string; forwardedFor: string | undefined; cookie: string | undefined; body: string }> =
    [];

  beforeAll(async () => {
    upstream = http.createServer((req, res) => {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
      req.on('end', () => {
        received.push({
          url: req.url ?? '',
          forwardedFor: req.headers['x-forwarded-for'] as string | undefined,
          cookie: req.headers.cookie,
          body,
        });
        res.writeHead(303, {
          Location: '/crema/esperto-risponde/domanda-inviata/',
          'X-Powered-By': 'Strapi <strapi.io>',
        });
        res.end();
      });
    });
    const upstreamPort = await freePort();
    await new Promise<void>((resolve) => upstream.listen(upstreamPort, '127.0.0.1', resolve));
    const cmsUpstream = `http://127.0.0.1:${upstreamPort}`;
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sito-nginx-'));
    const releases = path.join(dir, 'releases');
    for (const hub of hubs) deploy(releases, hub, 'r1');
    const port = await freePort();
    origin = `http://127.0.0.1:${port}`;
    nginx = await startNginx(
      dir,
      nginxConfig(hubs, { releasesDir: releases, listen: `127.0.0.1:${port}`, cmsOrigins: [CMS], cmsUpstream }),
      origin,
    );
    // The local hub server on the same releases: both must send the same security headers.
    hubServer = createHubServer(releases, { cmsOrigins: [CMS], cmsUrl: cmsUpstream });
    const hubPort = await freePort();
    await new Promise<void>((resolve) => hubServer.listen(hubPort, '127.0.0.1', resolve));
    hubServerOrigin = `http://127.0.0.1:${hubPort}`;
  });

  afterAll(async () => {
    nginx?.stop();
    hubServer?.close();
    upstream?.close();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('serves every hub by path, with the right cache headers', async () => {
    const index = await get(origin, '/');
    expect(index.body).toContain('href="/crema/"');
    const home = await get(origin, '/crema/');
    expect(home.status).toBe(200);
    expect(home.body).toContain('Informagiovani Crema r1');
    expect(home.headers['cache-control']).toBe('no-cache');
    expect((await get(origin, '/lecco/opportunita/tirocinio/')).body).toContain('Tirocinio r1');
    const asset = await get(origin, '/crema/_astro/app.Ab12Cd.css');
    expect(asset.status).toBe(200);
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect((await get(origin, '/crema')).status).toBe(301);
    expect((await get(origin, '/crema/non-esiste/')).status).toBe(404);
    expect((await get(origin, '/altro/')).status).toBe(404);
  });

  it('sends each published file with its media type, whatever the system lists: the catalogue as JSON-LD, calendars as text/calendar', async () => {
    for (const [file, { type }] of Object.entries(PUBLISHED_FILES)) {
      const fromNginx = await get(origin, `/crema/${file}`);
      expect(fromNginx.status, file).toBe(200);
      expect(fromNginx.headers['content-type'], file).toMatch(new RegExp(`^${type.replace('+', '\\+')}(;|$)`));
    }
  });

  it("serves a hub from its territory's hostname", async () => {
    const root = await get(origin, '/', 'giovani.comune.crema.cr.it');
    expect(root.status).toBe(302);
    expect(root.headers.location).toMatch(/\/crema\/$/);
    const home = await get(origin, '/crema/', 'giovani.comune.crema.cr.it');
    expect(home.body).toContain('Informagiovani Crema r1');
    expect((await get(origin, '/lecco/', 'giovani.comune.crema.cr.it')).status, 'another hub, not by its host').toBe(
      404,
    );
  });

  it('serves draft previews privately: built, failed or still waiting', async () => {
    const releases = path.join(dir, 'releases');
    const built = 'a'.repeat(32);
    const page = path.join(previewFolder(releases, built), 'opportunita', 'bozza');
    fs.mkdirSync(page, { recursive: true });
    fs.writeFileSync(path.join(previewFolder(releases, built), 'index.html'), '<h1>Anteprima</h1>');
    fs.writeFileSync(path.join(page, 'index.html'), '<h1>Bozza in anteprima</h1>');
    writePreviewFailure(releases, 'b'.repeat(32), 'field "summary": required');

    const shown = await get(origin, `/_anteprima/${built}/crema/opportunita/bozza/`);
    expect(shown.status).toBe(200);
    expect(shown.body).toContain('Bozza in anteprima');
    expect(shown.headers['cache-control']).toBe('no-store');
    expect(shown.headers['x-robots-tag']).toBe('noindex, nofollow');
    const failed = await get(origin, `/_anteprima/${'b'.repeat(32)}/crema/`);
    expect(failed.body).toContain('field &quot;summary&quot;: required');
    const waiting = await get(origin, `/_anteprima/${'c'.repeat(32)}/crema/`);
    expect(waiting.status).toBe(200);
    expect(waiting.body).toContain('http-equiv="refresh"');
    expect(waiting.headers['cache-control']).toBe('no-store');
    expect((await get(origin, '/.previews/')).status, 'the folder itself is not served').toBe(404);
    expect((await get(origin, `/crema/../.previews/${built}/index.html`)).status).toBe(404);
  });

  it('sends the security headers on every response, the same as the hub server', async () => {
    const built = 'd'.repeat(32);
    fs.mkdirSync(previewFolder(path.join(dir, 'releases'), built), { recursive: true });
    fs.writeFileSync(path.join(previewFolder(path.join(dir, 'releases'), built), 'index.html'), '<h1>Anteprima</h1>');
    const responses = {
      'the network index': '/',
      'a page': '/crema/',
      'an asset': '/crema/_astro/app.Ab12Cd.css',
      'a redirect to a hub': '/crema',
      'a page that does not exist': '/crema/non-esiste/',
      'a path outside the hubs': '/altro/',
      'a built preview': `/_anteprima/${built}/crema/`,
      'a preview still waiting': `/_anteprima/${'e'.repeat(32)}/crema/`,
    };
    for (const [what, pathname] of Object.entries(responses)) {
      const fromNginx = await get(origin, pathname);
      const preview = pathname.startsWith('/_anteprima/');
      const csp = fromNginx.headers['content-security-policy'] ?? '';
      expect(csp, what).toMatch(/default-src 'self'/);
      expect(csp, what).toMatch(/script-src 'self' 'wasm-unsafe-eval' 'sha256-/);
      expect(csp, what).not.toMatch(/script-src[^;]*'unsafe-inline'/);
      expect(csp, what).toMatch(preview ? `frame-ancestors 'self' ${CMS}` : /frame-ancestors 'self'(;|$)/);
      expect(fromNginx.headers['x-content-type-options'], what).toBe('nosniff');
      expect(fromNginx.headers['referrer-policy'], what).toBe('strict-origin-when-cross-origin');
      expect(fromNginx.headers['x-frame-options'], what).toBe(preview ? undefined : 'SAMEORIGIN');
      expect(fromNginx.headers['permissions-policy'], what).toMatch(/camera=\(\)/);
      expect(fromNginx.headers['strict-transport-security'], `${what}: no HSTS over plain HTTP`).toBeUndefined();
      expect(securityOf((await get(hubServerOrigin, pathname)).headers), `${what}, from the hub server`).toEqual(
        securityOf(fromNginx.headers),
      );
    }
  });

  it('passes a hub’s form to the CMS with the client’s own address, whatever the client claims, and nothing bigger than a form', async () => {
    for (const [who, base, host] of [
      ['nginx, by path', origin, undefined],
      ['nginx, by the hub’s hostname', origin, 'giovani.comune.crema.cr.it'],
      ['the hub server', hubServerOrigin, undefined],
    ] as const) {
      received.length = 0;
      const body = new URLSearchParams({ hub: 'crema', question: 'Una domanda di prova abbastanza lunga' }).toString();
      const response = await new Promise<http.IncomingMessage>((resolve, reject) => {
        const request = http.request(`${base}/api/sito/submissions/questions?x=1`, {
          method: 'POST',
          headers: {
            'Content-Type': 'application/x-www-form-urlencoded',
            'X-Forwarded-For': '203.0.113.66',
            Cookie: 'session=abc',
            ...(host ? { Host: host } : {}),
          },
        });
        request.on('response', (answer) => {
          answer.resume();
          resolve(answer);
        });
        request.on('error', reject);
        request.end(body);
      });
      expect(response.statusCode, who).toBe(303);
      expect(response.headers.location, who).toBe('/crema/esperto-risponde/domanda-inviata/');
      expect(response.headers['x-powered-by'], `${who}: the CMS's own headers stay behind`).toBeUndefined();
      expect(response.headers['x-content-type-options'], who).toBe('nosniff');
      expect(received, who).toEqual([
        { url: '/api/sito/submissions/questions?x=1', forwardedFor: '127.0.0.1', cookie: undefined, body },
      ]);

      received.length = 0;
      const huge = await fetch(`${base}/api/sito/submissions/questions`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        body: `question=${'a'.repeat(40_000)}`,
      });
      expect(huge.status, who).toBe(413);
      expect(received, `${who}: a body too big never reaches the CMS`).toEqual([]);
    }
    // Other paths under /api are not the CMS's: nothing else is passed on.
    expect((await get(origin, '/api/questions')).status).toBe(404);
    expect((await get(hubServerOrigin, '/api/questions')).status).toBe(404);
  });

  it('a new release is live at once, without reloading nginx', async () => {
    deploy(path.join(dir, 'releases'), hubs[0]!, 'r2');
    expect((await get(origin, '/crema/')).body).toContain('Informagiovani Crema r2');
  });

  it('keeps every published address: old ones 301 to the current page, withdrawn ones 410 with their page, unknown ones 404 with the hub’s page, in its language', async () => {
    const releases = path.join(dir, 'releases');
    const lecco = hubs[1]!;
    const staging = stagingFolder(releases, lecco.slug, 'addresses');
    const write = (file: string, body: string) => {
      fs.mkdirSync(path.dirname(path.join(staging, file)), { recursive: true });
      fs.writeFileSync(path.join(staging, file), body);
    };
    write('index.html', '<h1>Lecco</h1>');
    write('opportunita/grafico-junior-2/index.html', '<h1>Grafico junior</h1>');
    write(
      'opportunita/grafico-junior/index.html',
      '<meta http-equiv="refresh" content="0;url=/lecco/opportunita/grafico-junior-2/">',
    );
    write('opportunita/tirocinio-chiuso/index.html', '<h1>Non più disponibile: Tirocinio chiuso</h1>');
    write('en/opportunities/internship/index.html', '<h1>Internship</h1>');
    write('404.html', '<h1>Pagina non trovata</h1>');
    write('en/404/index.html', '<h1>Page not found</h1>');
    write(
      ADDRESS_BOOK_FILE,
      JSON.stringify({
        redirects: {
          'opportunita/grafico-junior/': 'opportunita/grafico-junior-2/',
          'opportunita/grafico/': 'opportunita/grafico-junior-2/',
          'en/opportunities/old-internship/': 'en/opportunities/internship/',
        },
        gone: ['opportunita/tirocinio-chiuso/'],
      }),
    );
    deployRelease(releases, lecco, staging, releaseName('addresses'));

    for (const [server, base] of [
      ['nginx', origin],
      ['the hub server', hubServerOrigin],
    ] as const) {
      for (const [from, to] of [
        ['/lecco/opportunita/grafico-junior/', '/lecco/opportunita/grafico-junior-2/'],
        ['/lecco/opportunita/grafico', '/lecco/opportunita/grafico-junior-2/'],
        ['/lecco/en/opportunities/old-internship/?utm_source=qr', '/lecco/en/opportunities/internship/?utm_source=qr'],
      ]) {
        const moved = await get(base, from!);
        expect(moved.status, `${server}: ${from}`).toBe(301);
        expect(new URL(moved.headers.location!, base).pathname + new URL(moved.headers.location!, base).search).toBe(
          to,
        );
      }
      const gone = await get(base, '/lecco/opportunita/tirocinio-chiuso/');
      expect(gone.status, `${server}: withdrawn`).toBe(410);
      expect(gone.body).toContain('Non più disponibile: Tirocinio chiuso');
      expect(gone.headers['content-type']).toMatch(/^text\/html/);
      expect((await get(base, '/lecco/opportunita/tirocinio-chiuso')).status, `${server}: without the slash`).toBe(410);
      const unknown = await get(base, '/lecco/opportunita/mai-esistita/');
      expect(unknown.status, `${server}: unknown`).toBe(404);
      expect(unknown.body).toContain('Pagina non trovata');
      const english = await get(base, '/lecco/en/opportunities/never-was/');
      expect(english.status).toBe(404);
      expect(english.body, `${server}: the 404 in the reader's language`).toContain('Page not found');
      // A hub without English pages answers in Italian.
      const crema = await get(base, '/crema/en/opportunities/never-was/');
      expect(crema.status).toBe(404);
      expect(crema.body, `${server}: Italian where there is no English`).toContain('Crema 404');
      expect((await get(base, '/lecco/opportunita/grafico-junior-2/')).body).toContain('Grafico junior');
      expect(
        (await get(base, '/lecco/_sito/301/opportunita/grafico/')).status,
        `${server}: markers are not pages`,
      ).toBe(404);
    }
  });

  it('an entry moved to another territory: its old address 301 to its page on the hub that publishes it now, by path and from a hostname', async () => {
    const releases = path.join(dir, 'releases');
    const [crema, lecco] = [hubs[0]!, hubs[1]!];
    const release = (hub: typeof crema, pages: string[], redirects: Record<string, string>) => {
      const staging = stagingFolder(releases, hub.slug, 'moved');
      for (const page of ['', ...pages]) {
        fs.mkdirSync(path.join(staging, page), { recursive: true });
        fs.writeFileSync(path.join(staging, page, 'index.html'), `<h1>${hub.slug} ${page}</h1>`);
      }
      fs.writeFileSync(path.join(staging, ADDRESS_BOOK_FILE), JSON.stringify({ redirects, gone: [] }));
      deployRelease(releases, hub, staging, releaseName(`moved-${hub.slug}`));
    };
    // Crema (with a hostname) gave one entry to Lecco (without), and Lecco one to Crema, renamed there.
    release(crema, ['opportunita/arrivata-da-lecco-2'], {
      'opportunita/passata-a-lecco/': '/lecco/opportunita/passata-a-lecco/',
    });
    release(lecco, ['opportunita/passata-a-lecco'], {
      'opportunita/arrivata-da-lecco/': '/crema/opportunita/arrivata-da-lecco-2/',
    });
    const cremaHost = crema.hostname!;
    const port = new URL(origin).port;
    for (const [server, base] of [
      ['nginx', origin],
      ['the hub server', hubServerOrigin],
    ] as const) {
      for (const [from, host, to] of [
        ['/crema/opportunita/passata-a-lecco/', undefined, '/lecco/opportunita/passata-a-lecco/'],
        [
          '/crema/opportunita/passata-a-lecco?utm_source=qr',
          undefined,
          '/lecco/opportunita/passata-a-lecco/?utm_source=qr',
        ],
        ['/lecco/opportunita/arrivata-da-lecco/', undefined, '/crema/opportunita/arrivata-da-lecco-2/'],
        // From Crema's hostname, which serves Crema only: Lecco is on the network's host (nginx),
        // or by path on the same host (the local hub server).
        [
          '/crema/opportunita/passata-a-lecco/',
          cremaHost,
          server === 'nginx'
            ? `http://localhost:${port}/lecco/opportunita/passata-a-lecco/`
            : '/lecco/opportunita/passata-a-lecco/',
        ],
      ] as const) {
        const moved = await get(base, from, host);
        expect(moved.status, `${server}: ${from} ${host ?? ''}`).toBe(301);
        // nginx writes its own relative redirects out in full (absolute_redirect).
        const location = new URL(moved.headers.location!, base);
        expect(to.startsWith('/') ? location.pathname + location.search : location.href, `${server}: ${from}`).toBe(to);
        if (to.startsWith('/')) {
          const followed = await get(base, to, host);
          expect(followed.status, `${server}: ${to} ${host ?? ''}`).toBe(200);
          expect(followed.body).toContain(to.split('?')[0]!.split('/')[1]);
        }
      }
    }
  });

  it("a territory's former hostname leads to its site: the same address on its hostname now, or on the network's host", async () => {
    const port = new URL(origin).port;
    // nginx: every former hostname answers 301, its home to the hub's home.
    for (const [pathname, host, to] of [
      [
        '/crema/opportunita/tirocinio/?utm_source=qr',
        'informagiovani.crema.example',
        `http://giovani.comune.crema.cr.it:${port}/crema/opportunita/tirocinio/?utm_source=qr`,
      ],
      ['/', 'informagiovani.crema.example', `http://giovani.comune.crema.cr.it:${port}/crema/`],
      [
        '/lecco/opportunita/tirocinio/',
        'giovani.lecco.example',
        `http://localhost:${port}/lecco/opportunita/tirocinio/`,
      ],
      ['/', 'giovani.lecco.example', `http://localhost:${port}/lecco/`],
      // Crema's former slug, on its hostname (the network's host follows the `moved` link instead).
      [
        '/crema-citta/opportunita/tirocinio/?a=1',
        'giovani.comune.crema.cr.it',
        `http://giovani.comune.crema.cr.it:${port}/crema/opportunita/tirocinio/?a=1`,
      ],
      ['/crema-citta', 'giovani.comune.crema.cr.it', `http://giovani.comune.crema.cr.it:${port}/crema`],
    ] as const) {
      const moved = await get(origin, pathname, host);
      expect(moved.status, `nginx: ${host}${pathname}`).toBe(301);
      expect(moved.headers.location, `nginx: ${host}${pathname}`).toBe(to);
    }
    expect((await get(origin, '/crema-cittadina/', 'giovani.comune.crema.cr.it')).status, 'not a former slug').toBe(
      404,
    );
    // The hub server (from each hub's hub.json): to the hostname the hub has now, or it serves the
    // hub itself when the hub has none.
    const fromCrema = await get(hubServerOrigin, '/opportunita/tirocinio/?x=1', 'informagiovani.crema.example');
    expect(fromCrema.status).toBe(301);
    expect(fromCrema.headers.location).toBe('//giovani.comune.crema.cr.it/opportunita/tirocinio/?x=1');
    const lecco = await get(hubServerOrigin, '/', 'giovani.lecco.example');
    expect(lecco.status).toBe(200);
    expect(lecco.body, "Lecco's home").toMatch(/<h1>(Informagiovani )?lecco/i);
  });

  it('a withdrawn hub answers 410 with its page everywhere, a hub become an antenna 301 to its parent, without reloading nginx', async () => {
    const releases = path.join(dir, 'releases');
    const other = { slug: 'soncino', name: 'Informagiovani Soncino', hostname: null };
    const antenna = { slug: 'rivolta', name: 'Informagiovani Rivolta', hostname: null };
    for (const hub of [other, antenna]) deploy(releases, hub, 'r1');
    expect((await get(origin, '/soncino/')).status).toBe(200);
    withdrawHub(releases, 'soncino', { page: '<h1>Questo sito non è più attivo</h1>' });
    withdrawHub(releases, 'rivolta', { movedTo: 'crema' });
    for (const [server, base] of [
      ['nginx', origin],
      ['the hub server', hubServerOrigin],
    ] as const) {
      for (const pathname of ['/soncino/', '/soncino/opportunita/tirocinio/', '/soncino/scadenze.ics']) {
        const gone = await get(base, pathname);
        expect(gone.status, `${server}: ${pathname}`).toBe(410);
        expect(gone.body).toContain('Questo sito non è più attivo');
      }
      const moved = await get(base, '/rivolta/opportunita/tirocinio/');
      expect(moved.status, `${server}: an antenna's old site`).toBe(301);
      expect(new URL(moved.headers.location!, base).pathname).toBe('/crema/opportunita/tirocinio/');
      expect(new URL((await get(base, '/rivolta/')).headers.location!, base).pathname).toBe('/crema/');
    }
    expect(fs.existsSync(path.join(releases, 'soncino', 'releases', 'r1')), 'its releases are kept').toBe(true);
    // Published again: live again.
    deploy(releases, other, 'r2');
    expect((await get(origin, '/soncino/')).status).toBe(200);
    expect((await get(hubServerOrigin, '/soncino/')).body).toContain('Soncino r2');
  });

  it('refuses territories, folders and certificates that would break the configuration', () => {
    expect(() =>
      nginxConfig([{ slug: 'x;y', name: 'X', hostname: null }], { releasesDir: '/srv', listen: 80 }),
    ).toThrow(/slug/);
    expect(() =>
      nginxConfig([{ slug: 'x', name: 'X', hostname: 'evil.example.org; include /etc/passwd' }], {
        releasesDir: '/srv',
        listen: 80,
      }),
    ).toThrow(/hostname/);
    expect(() => nginxConfig(hubs, { releasesDir: '/srv/releases; include /etc/passwd', listen: 80 })).toThrow(
      /releases folder/,
    );
    expect(() =>
      nginxConfig(hubs, {
        releasesDir: '/srv/releases',
        listen: 80,
        tls: { certificate: '/etc/ssl/sito.pem;\n}', key: '/etc/ssl/sito.key' },
      }),
    ).toThrow(/TLS certificate/);
    expect(() =>
      nginxConfig(hubs, { releasesDir: '/srv/releases', listen: 80, tls: { certificate: 'sito.pem', key: '/k.pem' } }),
    ).toThrow(/TLS certificate/);
    expect(() =>
      nginxConfig(hubs, { releasesDir: '/srv/releases', listen: 80, cmsOrigins: ['javascript:alert(1)'] }),
    ).toThrow(/CMS/);
  });
});

/** Whatever a territory is called, its name is text in the configuration, never nginx syntax. */
describe('a territory whose name tries to break out of the nginx configuration', () => {
  const name = "Crema $host '; return 302 https://evil.example; #\n}";
  let dir: string;
  let nginx: RunningNginx;
  let origin: string;

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sito-nginx-name-'));
    const hostile = [{ slug: 'crema', name, hostname: 'giovani.comune.crema.cr.it' }];
    deploy(path.join(dir, 'releases'), hostile[0]!, 'r1');
    const port = await freePort();
    origin = `http://127.0.0.1:${port}`;
    nginx = await startNginx(
      dir,
      nginxConfig(hostile, { releasesDir: path.join(dir, 'releases'), listen: `127.0.0.1:${port}` }),
      origin,
    );
  });

  afterAll(() => {
    nginx?.stop();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('is accepted by nginx -t, and the network index shows it as text, without redirecting', async () => {
    const index = await get(origin, '/');
    expect(index.status).toBe(200);
    expect(index.headers.location).toBeUndefined();
    // As HTML text: what a browser shows is the name itself, on one line.
    expect(index.body).toContain('<a href="/crema/">Crema &#36;host &#39;; return 302 https://evil.example; # }</a>');
    expect(index.body, 'nginx did not put the Host header in its place').not.toContain('127.0.0.1');
    expect((await get(origin, '/crema/', 'giovani.comune.crema.cr.it')).status).toBe(200);
  });
});

/**
 * With a certificate, over TLS only: the hubs and their security headers over https, with HSTS;
 * plain HTTP leads there. The certificate is self-signed, made by openssl for the test.
 */
describe('the generated nginx configuration over TLS', () => {
  let dir: string;
  let nginx: RunningNginx;
  let plain: string;
  let secure: string;
  let tlsPort: number;

  beforeAll(async () => {
    expect(fs.existsSync('/usr/bin/openssl'), 'openssl makes the test certificate').toBe(true);
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sito-nginx-tls-'));
    const [certificate, key] = [path.join(dir, 'cert.pem'), path.join(dir, 'key.pem')];
    const made = spawnSync(
      '/usr/bin/openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'rsa:2048',
        '-nodes',
        '-days',
        '1',
        '-subj',
        '/CN=localhost',
        '-keyout',
        key,
        '-out',
        certificate,
      ],
      { encoding: 'utf8' },
    );
    expect(made.status, made.stderr).toBe(0);
    for (const hub of hubs) deploy(path.join(dir, 'releases'), hub, 'r1');
    const [port, securePort] = [await freePort(), await freePort()];
    tlsPort = securePort;
    plain = `http://127.0.0.1:${port}`;
    secure = `https://127.0.0.1:${securePort}`;
    const options: NginxOptions = {
      releasesDir: path.join(dir, 'releases'),
      listen: `127.0.0.1:${port}`,
      cmsOrigins: [CMS],
      tls: { certificate, key, listen: `127.0.0.1:${securePort}` },
    };
    nginx = await startNginx(dir, nginxConfig(hubs, options), secure);
  });

  afterAll(() => {
    nginx?.stop();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('serves the hubs over https with HSTS and the security headers', async () => {
    for (const [pathname, host] of [
      ['/crema/', undefined],
      ['/lecco/opportunita/tirocinio/', undefined],
      ['/crema/_astro/app.Ab12Cd.css', undefined],
      ['/crema/non-esiste/', undefined],
      ['/crema/', 'giovani.comune.crema.cr.it'],
    ] as const) {
      const response = await get(secure, pathname, host);
      expect(response.status, pathname).toBe(pathname.includes('non-esiste') ? 404 : 200);
      expect(response.headers['strict-transport-security'], pathname).toBe('max-age=31536000; includeSubDomains');
      expect(response.headers['content-security-policy'], pathname).toMatch(/frame-ancestors 'self'/);
      expect(response.headers['x-content-type-options'], pathname).toBe('nosniff');
    }
    expect((await get(secure, '/crema/')).body).toContain('Informagiovani Crema r1');
  });

  it('redirects plain HTTP to the same host and path over https, without HSTS', async () => {
    const redirect = await get(plain, '/crema/opportunita/tirocinio/?pagina=2', 'giovani.comune.crema.cr.it');
    expect(redirect.status).toBe(301);
    expect(redirect.headers.location).toBe(
      `https://giovani.comune.crema.cr.it:${tlsPort}/crema/opportunita/tirocinio/?pagina=2`,
    );
    expect(redirect.headers['strict-transport-security']).toBeUndefined();
    expect((await get(plain, '/crema/')).status, 'no page is served over plain HTTP').toBe(301);
  });
});
