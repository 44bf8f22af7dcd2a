import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEV_ADMIN, type Build } from '@sito/shared';
import { createVerifier, generateSigningSecret, signRequest } from '@sito/shared/signing';
import { createHubServer } from '../../scripts/serve-hubs.ts';
import { freePort } from '../../scripts/lib/net.ts';
import { nginxConfig } from '../../scripts/lib/publishing/nginx.ts';
import { startNginx, type RunningNginx } from '../helpers/nginx.ts';
import { get, hubBuilds, live, startWorker, waitFor, type TestWorker } from '../helpers/publishing.ts';
import { databasesUnderTest, loginAdmin, startTestCms, type AdminClient, type TestCms } from '../helpers/test-cms.ts';

const CM = '/content-manager/collection-types';
const OPP = 'api::opportunity.opportunity';
const HUBS = ['casalmaggiore', 'crema', 'cremona', 'lecco'];

/**
 * The publishing pipeline end to end: a real CMS (with the demo content), real worker processes
 * building real hubs with Astro and Pagefind, the real hub server, and nginx on the generated
 * configuration for the permanent addresses (301, 410, 404). Publishing in the admin
 * makes an entry live on its hub; the queue coalesces bursts; a killed worker loses nothing.
 */
describe.each(databasesUnderTest())('publishing on %s', (database) => {
  let cms: TestCms;
  let admin: AdminClient;
  let releases: string;
  let server: http.Server;
  let origin: string;
  let nginx: RunningNginx;
  /** nginx on the same releases, as production serves them (pnpm nginx:config). */
  let nginxOrigin: string;
  const workers: TestWorker[] = [];
  const territories: Record<string, string> = {};

  const run = Date.now().toString(36);
  let created = 0;

  async function createOpportunity(title: string, owner: { territory: string } | { regional: true }, publish = true) {
    created += 1;
    const data = {
      title,
      summary: 'Una voce creata dal test di pubblicazione per verificare che arrivi sul sito giusto.',
      kind: 'job',
      ...('territory' in owner ? { territory: { connect: [{ documentId: territories[owner.territory] }] } } : owner),
    };
    const res = await admin.request('POST', `${CM}/${OPP}?locale=it`, data);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const { documentId, slug } = res.body.data as { documentId: string; slug: string };
    if (publish) {
      const published = await admin.request('POST', `${CM}/${OPP}/${documentId}/actions/publish?locale=it`, {});
      expect(published.status, JSON.stringify(published.body)).toBe(200);
    }
    return { documentId, slug };
  }

  const page = (hub: string, slug: string) => get(origin, `/${hub}/opportunita/${slug}/`);
  /** One address from the hub server and from nginx: its status, where it leads (a path), its page. */
  const fromBoth = (pathname: string) =>
    Promise.all(
      [origin, nginxOrigin].map(async (base) => {
        const res = await get(base, pathname);
        const location = res.headers.location;
        return {
          server: base === origin ? 'hub server' : 'nginx',
          status: res.status,
          to: location ? new URL(location, base).pathname + new URL(location, base).search : undefined,
          body: res.body,
        };
      }),
    );
  /** Both servers answer `pathname` with `status` (leading to `to`). */
  const expectBoth = async (pathname: string, status: number, to?: string) => {
    for (const answer of await fromBoth(pathname)) {
      expect(answer.status, `${answer.server}: ${pathname}`).toBe(status);
      if (to) expect(answer.to, `${answer.server}: ${pathname}`).toBe(to);
    }
  };
  const latest = async (hub: string) => (await hubBuilds(admin, hub))[0];
  const settled = async (hub: string) => {
    const builds = await hubBuilds(admin, hub);
    return builds.every((b) => b.status !== 'queued' && b.status !== 'running') ? builds : undefined;
  };

  beforeAll(async () => {
    cms = await startTestCms({
      database,
      seedDemo: true,
      env: { SITO_BUILD_WINDOW_MS: '1000', SITO_BUILD_LEASE_SECONDS: '4', SITO_BUILD_RETRY_BASE_MS: '200' },
    });
    admin = await cms.admin();
    const list = await admin.request('GET', `${CM}/api::territory.territory?pageSize=100`);
    for (const t of list.body.results as Array<{ slug: string; documentId: string }>)
      territories[t.slug] = t.documentId;
    releases = path.join(cms.dir, 'releases');
    server = createHubServer(releases);
    const port = await freePort();
    await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${port}`;
    // Any hub folder is served by path: the configuration needs no hub to be listed.
    const nginxPort = await freePort();
    nginxOrigin = `http://127.0.0.1:${nginxPort}`;
    const nginxDir = fs.mkdtempSync(path.join(cms.dir, 'nginx-'));
    nginx = await startNginx(
      nginxDir,
      nginxConfig([], { releasesDir: releases, listen: `127.0.0.1:${nginxPort}` }),
      nginxOrigin,
    );
    workers.push(startWorker(cms, releases, 'w1'));
  });

  afterAll(async () => {
    for (const worker of workers) await worker.stop();
    nginx?.stop();
    server?.close();
    await cms?.destroy();
  });

  it('builds every hub at worker start (reconciliation: never built) and serves it by path and by Host', async () => {
    await waitFor('every hub live', () => HUBS.every((hub) => live(releases, hub)), 240_000);
    for (const hub of HUBS) expect((await get(origin, `/${hub}/`)).status).toBe(200);

    const byHost = await get(origin, '/', 'giovani.comune.crema.cr.it');
    expect(byHost.status).toBe(200);
    expect(byHost.body).toContain('Crema');
    expect((await get(origin, '/crema/opportunita/', 'giovani.comune.crema.cr.it:8080')).status).toBe(200);

    const home = await get(origin, '/crema/');
    expect(home.headers['cache-control']).toBe('no-cache');
    const asset = /\/crema\/_astro\/[^"]+\.(?:css|js|woff2)/.exec(home.body)?.[0];
    if (asset) expect((await get(origin, asset)).headers['cache-control']).toContain('immutable');
    const history = await hubBuilds(admin, 'crema');
    expect(history[0]?.status).toBe('succeeded');
    expect(history[0]?.triggers.join(' ')).toMatch(/Riconciliazione|Pubblicata/);
  });

  it('publishing an entry makes it live on its hub only; unpublishing takes it down', async () => {
    const before = { cremona: live(releases, 'cremona'), crema: live(releases, 'crema') };
    // The previous release must never change: the next build links its unchanged files, never rewrites them.
    const oldListing = path.join(fs.realpathSync(path.join(releases, 'crema', 'current')), 'opportunita', 'index.html');
    const oldListingText = fs.readFileSync(oldListing, 'utf8');
    const searchIndex = async () =>
      JSON.parse((await get(origin, '/crema/pagefind/pagefind-entry.json')).body) as {
        languages: { it: { page_count: number } };
      };
    const indexedBefore = (await searchIndex()).languages.it.page_count;
    const entry = await createOpportunity(`Pubblicazione ${run} Crema`, { territory: 'crema' });
    await waitFor('the entry live on Crema', async () => (await page('crema', entry.slug)).status === 200);
    expect(live(releases, 'crema')).not.toBe(before.crema);
    expect((await get(origin, '/crema/opportunita/')).body).toContain(`Pubblicazione ${run} Crema`);
    expect(fs.readFileSync(oldListing, 'utf8'), 'the previous release is untouched').toBe(oldListingText);
    expect(live(releases, 'cremona'), 'another territory is not rebuilt').toBe(before.cremona);
    expect((await page('cremona', entry.slug)).status).toBe(404);
    // The pages go live first; the search index follows in a second release of the same build.
    const build = await waitFor('the build done', async () => {
      const last = await latest('crema');
      return last?.status === 'succeeded' ? last : undefined;
    });
    expect(build.release).toMatch(/-ricerca$/);
    expect(live(releases, 'crema')).toBe(build.release);
    expect((await searchIndex()).languages.it.page_count).toBe(indexedBefore + 1);
    expect(build.triggers.join(' ')).toContain(`Pubblicazione ${run} Crema`);
    expect(build.durationMs).toBeGreaterThan(0);
    expect(build.logTail).toBeTruthy();

    const res = await admin.request('POST', `${CM}/${OPP}/${entry.documentId}/actions/unpublish?locale=it`, {});
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    // Its address was published: it now answers that the entry is gone (410), not that it never was.
    await waitFor('the entry gone from Crema', async () => (await page('crema', entry.slug)).status === 410);
  });

  it("notifies the hub's deploy target after each release, signed; refuses a malformed hook secret", async () => {
    const secret = generateSigningSecret();
    const received: Array<{ body: string; headers: http.IncomingHttpHeaders }> = [];
    const target = http.createServer((req, res) => {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString()));
      req.on('end', () => {
        received.push({ body, headers: req.headers });
        res.writeHead(received.length === 1 ? 503 : 204); // The first try fails: the worker retries.
        res.end();
      });
    });
    await new Promise<void>((resolve) => target.listen(0, '127.0.0.1', resolve));
    const hook = `http://127.0.0.1:${(target.address() as { port: number }).port}/deploy`;
    const TERRITORY = '/content-manager/collection-types/api::territory.territory';
    try {
      const bad = await admin.request('PUT', `${TERRITORY}/${territories.crema}`, {
        deployHookUrl: hook,
        deployHookSecret: 'password123',
      });
      expect(bad.status).toBe(400);
      expect(JSON.stringify(bad.body)).toContain('Standard Webhooks');

      const saved = await admin.request('PUT', `${TERRITORY}/${territories.crema}`, {
        deployHookUrl: hook,
        deployHookSecret: secret,
      });
      expect(saved.status, JSON.stringify(saved.body)).toBe(200);
      // Publishing the territory's change is itself a change of the hub: it is rebuilt, then notified.
      const published = await admin.request('POST', `${TERRITORY}/${territories.crema}/actions/publish`, {});
      expect(published.status, JSON.stringify(published.body)).toBe(200);
      await waitFor('a delivered notification', () => received.length >= 2, 120_000);
      const verify = createVerifier(secret);
      const last = received.at(-1)!;
      expect(verify(last.body, last.headers as Record<string, string>)).toBeNull();
      expect(received[0]!.headers['webhook-id']).toBe(last.headers['webhook-id']);
      const message = JSON.parse(last.body) as { type: string; data: { hub: string; release: string } };
      expect(message.type).toBe('hub.released');
      expect(message.data.hub).toBe('crema');
      expect(message.data.release).toBe(live(releases, 'crema'));
      const api = await fetch(`${cms.url}/api/territories?filters[slug][$eq]=crema`, {
        headers: { Authorization: `Bearer ${cms.builderToken()}` },
      });
      expect(await api.text(), 'the hook stays private').not.toContain('deployHook');
    } finally {
      await admin.request('PUT', `${TERRITORY}/${territories.crema}`, { deployHookUrl: null, deployHookSecret: null });
      await admin.request('POST', `${TERRITORY}/${territories.crema}/actions/publish`, {});
      target.close();
    }
  });

  it('a regional entry rebuilds every hub', async () => {
    const before = Object.fromEntries(HUBS.map((hub) => [hub, live(releases, hub)]));
    const entry = await createOpportunity(`Regionale ${run}`, { regional: true });
    for (const hub of HUBS) {
      await waitFor(
        `the regional entry live on ${hub}`,
        async () => (await page(hub, entry.slug)).status === 200,
        180_000,
      );
      expect(live(releases, hub)).not.toBe(before[hub]);
    }
  });

  it('a burst of 50 publishes to one hub costs at most 2 builds of it', async () => {
    await waitFor('Casalmaggiore idle', () => settled('casalmaggiore'));
    const lastBefore = (await latest('casalmaggiore'))?.id ?? 0;
    const burst: Array<{ documentId: string; slug: string }> = [];
    for (let i = 1; i <= 50; i += 1)
      burst.push(await createOpportunity(`Raffica ${run} n. ${i}`, { territory: 'casalmaggiore' }));
    await waitFor(
      'the whole burst live',
      async () => (await page('casalmaggiore', burst[49]!.slug)).status === 200 && (await settled('casalmaggiore')),
      120_000,
    );
    expect((await page('casalmaggiore', burst[0]!.slug)).status).toBe(200);
    const builds = (await hubBuilds(admin, 'casalmaggiore')).filter((b) => b.id > lastBefore);
    console.log(
      `[${database}] 50 publishes to one hub → ${builds.length} build(s), ${builds.map((b) => b.events).join('+')} events`,
    );
    expect(builds.length).toBeGreaterThanOrEqual(1);
    expect(builds.length).toBeLessThanOrEqual(2);
    expect(builds.reduce((sum, b) => sum + b.events, 0)).toBe(50);
  });

  it('a worker killed with SIGKILL mid-build: the old release keeps serving, the request completes after restart', async () => {
    const [worker] = workers.splice(0, 1);
    await waitFor('Lecco idle', () => settled('lecco'));
    const old = live(releases, 'lecco');
    const queued = await admin.request('POST', '/sito/publishing/hubs/lecco/rebuild');
    expect(queued.status, JSON.stringify(queued.body)).toBe(202);
    const id = (queued.body.data as Build).id;
    await waitFor('the build running', async () => (await latest('lecco'))?.status === 'running');
    await new Promise((resolve) => setTimeout(resolve, 1_500)); // Well into Astro's work.
    await worker!.kill();

    expect(live(releases, 'lecco')).toBe(old);
    expect((await get(origin, '/lecco/')).status).toBe(200);
    expect((await hubBuilds(admin, 'lecco')).find((b) => b.id === id)?.status).toBe('running');

    workers.push(startWorker(cms, releases, 'w1'));
    const done = await waitFor('the interrupted build completed', async () => {
      const build = (await hubBuilds(admin, 'lecco')).find((b) => b.id === id);
      return build?.status === 'succeeded' ? build : undefined;
    });
    expect(
      done.attempts,
      `one attempt killed, one done; the worker's log:\n${workers.at(-1)!.log().slice(-3_000)}`,
    ).toBe(2);
    expect(live(releases, 'lecco')).not.toBe(old);
    expect((await get(origin, '/lecco/')).status).toBe(200);
  });

  it('two workers never build the same hub at the same time', async () => {
    workers.push(startWorker(cms, releases, 'w2'));
    await waitFor('Cremona idle', () => settled('cremona'));
    const first = await admin.request('POST', '/sito/publishing/hubs/cremona/rebuild');
    await waitFor('the first build running', async () => (await latest('cremona'))?.status === 'running');
    // Queued while the first runs: the idle worker must wait for it, not start a second build.
    const second = await admin.request('POST', '/sito/publishing/hubs/cremona/rebuild');
    for (const hub of ['crema', 'lecco']) await admin.request('POST', `/sito/publishing/hubs/${hub}/rebuild`);
    const builds = await waitFor('both builds done', async () => {
      const all = await hubBuilds(admin, 'cremona');
      const mine = all.filter((b) => b.id === first.body.data.id || b.id === second.body.data.id);
      return mine.length === 2 && mine.every((b) => b.status === 'succeeded') ? mine : undefined;
    });
    const [a, b] = builds.sort((x, y) => x.id - y.id);
    expect(Date.parse(b!.startedAt!)).toBeGreaterThanOrEqual(Date.parse(a!.finishedAt!));
    await waitFor('all settled', async () => (await settled('crema')) && (await settled('lecco')));
    const recent = (await Promise.all(['cremona', 'crema', 'lecco'].map((hub) => hubBuilds(admin, hub)))).flat();
    const names = new Set(recent.filter((x) => x.status === 'succeeded').map((x) => x.worker));
    console.log(`[${database}] builds shared by workers: ${[...names].join(', ')}`);
  });

  it('claims are atomic: ten workers racing for one queued build, one wins', async () => {
    await waitFor('Crema idle', () => settled('crema'));
    // No worker process may take it first: stop them, then race through the real endpoint.
    for (const worker of workers.splice(0)) await worker.stop();
    await admin.request('POST', '/sito/publishing/hubs/crema/rebuild');
    const claim = async (worker: string) => {
      const body = JSON.stringify({ worker });
      const res = await fetch(`${cms.url}/api/sito/worker/claim`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', ...signRequest(cms.env.SITO_WORKER_SECRET!, body) },
        body,
      });
      expect(res.status).toBe(200);
      return ((await res.json()) as { build: Build | null }).build;
    };
    const results = await Promise.all(Array.from({ length: 10 }, (_, i) => claim(`racer-${i}`)));
    const winners = results.filter((build) => build !== null);
    expect(winners).toHaveLength(1);
    expect(winners[0]!.hub).toBe('crema');
    // The race's winner "crashed": a worker restarting under its name takes the build back.
    workers.push(startWorker(cms, releases, winners[0]!.worker!));
    await waitFor('the raced build done', async () => (await latest('crema'))?.status === 'succeeded');
  });

  it('an operator sees, triggers and cancels the builds of their own hub only', async () => {
    const operator = await loginAdmin(cms.url, 'operatore.crema@sitogiovani.test', DEV_ADMIN.password);
    const hubs = await operator.request('GET', '/sito/publishing/hubs');
    expect(hubs.status).toBe(200);
    expect((hubs.body.data as Array<{ slug: string }>).map((h) => h.slug)).toEqual(['crema']);

    const cremonaBuild = (await latest('cremona'))!;
    let attempts = 0;
    const refused = async (method: string, url: string) => {
      attempts += 1;
      const res = await operator.request(method, url);
      expect(res.status, `${method} ${url}: ${JSON.stringify(res.body)}`).toBe(403);
    };
    await refused('POST', '/sito/publishing/hubs/cremona/rebuild');
    await refused('GET', `/sito/publishing/builds/${cremonaBuild.id}`);
    await refused('POST', `/sito/publishing/builds/${cremonaBuild.id}/cancel`);
    const queued = await admin.request('POST', '/sito/publishing/hubs/lecco/rebuild');
    await refused('POST', `/sito/publishing/builds/${queued.body.data.id}/cancel`);
    console.log(`[${database}] operator of Crema: ${attempts} attempts on other hubs' builds, all refused`);

    const own = await operator.request('POST', '/sito/publishing/hubs/crema/rebuild');
    expect(own.status).toBe(202);
    expect(own.body.data.triggers.join(' ')).toContain('Ricostruzione manuale');
    const cancelled = await operator.request('POST', `/sito/publishing/builds/${own.body.data.id}/cancel`);
    expect([200, 409]).toContain(cancelled.status);
    expect((await fetch(`${cms.url}/sito/publishing/hubs`)).status, 'no admin session, no history').toBe(401);
  });

  it("previews a draft as it will look on its hub, privately, for its own territory's editors only", async () => {
    const title = `Anteprima ${run} Crema`;
    const draft = await createOpportunity(title, { territory: 'crema' }, false);
    const previewUrl = (client: AdminClient) =>
      client.request(
        'GET',
        `/content-manager/preview/url/${OPP}?documentId=${draft.documentId}&locale=it&status=draft`,
      );

    const asked = await previewUrl(admin);
    expect(asked.status, JSON.stringify(asked.body)).toBe(200);
    const url = new URL((asked.body.data as { url: string }).url);
    const [, , id] = url.pathname.split('/');
    expect(url.pathname).toBe(`/_anteprima/${id}/crema/opportunita/${draft.slug}/`);
    expect((await previewUrl(admin)).body.data.url, 'the same draft, the same preview').toBe(url.href);

    const waiting = await get(origin, url.pathname);
    expect(waiting.headers['cache-control']).toBe('no-store');
    expect(waiting.headers['x-robots-tag']).toContain('noindex');
    const shown = await waitFor(
      'the preview built',
      async () => {
        const res = await get(origin, url.pathname);
        return res.status === 200 && res.body.includes(title) ? res : undefined;
      },
      120_000,
    );
    expect(shown.body).toContain('Anteprima della bozza');
    expect(shown.body).toContain('noindex');
    // Its links stay inside the preview, and its listing shows the draft in place.
    expect(shown.body).toContain(`href="/_anteprima/${id}/crema/opportunita/"`);
    expect((await get(origin, `/_anteprima/${id}/crema/opportunita/`)).body).toContain(title);
    expect((await page('crema', draft.slug)).status, 'not on the public site').toBe(404);

    // The builder's token reads the draft only with the grant of a preview being built.
    const draftApi = (headers: Record<string, string>) =>
      fetch(`${cms.url}/api/opportunities?status=draft&filters[documentId][$eq]=${draft.documentId}`, {
        headers: { Authorization: `Bearer ${cms.builderToken()}`, ...headers },
      });
    expect((await draftApi({})).status).toBe(403);
    // The worker writes the preview's folder, then reports the build done, which spends the grant.
    await waitFor(
      'the preview is built: its grant is spent',
      async () => ((await draftApi({ 'X-Sito-Preview': id! })).status === 403 ? true : undefined),
      15_000,
    );

    // An edited draft is a new preview; another territory's operator gets none.
    const edited = await admin.request('PUT', `${CM}/${OPP}/${draft.documentId}?locale=it`, { title: `${title} bis` });
    expect(edited.status, JSON.stringify(edited.body)).toBe(200);
    expect((await previewUrl(admin)).body.data.url).not.toBe(url.href);
    const cremona = await loginAdmin(cms.url, 'operatore.cremona@sitogiovani.test', DEV_ADMIN.password);
    expect((await previewUrl(cremona)).status).toBe(403);
    const crema = await loginAdmin(cms.url, 'operatore.crema@sitogiovani.test', DEV_ADMIN.password);
    expect((await previewUrl(crema)).status).toBe(200);
  }, 240_000);

  it('a draft never reaches the public site, previewed or not', async () => {
    const secret = `Bozza riservata ${run}`;
    const draft = await createOpportunity(secret, { territory: 'crema' }, false);
    const previewed = await admin.request(
      'GET',
      `/content-manager/preview/url/${OPP}?documentId=${draft.documentId}&locale=it&status=draft`,
    );
    const previewPage = new URL((previewed.body.data as { url: string }).url).pathname;
    await waitFor('the preview built', async () => (await get(origin, previewPage)).body.includes(secret), 120_000);
    await waitFor('Crema idle', () => settled('crema'));
    const rebuild = await admin.request('POST', '/sito/publishing/hubs/crema/rebuild');
    await waitFor('the rebuild done', async () =>
      (await hubBuilds(admin, 'crema')).find((b) => b.id === rebuild.body.data.id && b.status === 'succeeded'),
    );
    expect((await page('crema', draft.slug)).status).toBe(404);
    const dir = fs.realpathSync(path.join(releases, 'crema', 'current'));
    const leaked = (fs.readdirSync(dir, { recursive: true }) as string[])
      .map((name) => path.join(dir, name))
      .filter((file) => fs.statSync(file).isFile() && /\.(html|json|csv|xml|ics)$/.test(file))
      .filter((file) => fs.readFileSync(file, 'utf8').includes(secret));
    expect(leaked).toEqual([]);
  }, 240_000);

  it('keeps every address it published: a slug renamed twice answers 301 from both old ones, a deleted entry 410, an unknown address 404, all in the hub’s look; moved to another territory, 301 to that hub', async () => {
    const entry = await createOpportunity(`Indirizzi ${run} Lecco`, { territory: 'lecco' });
    await waitFor('the entry live on Lecco', async () => (await page('lecco', entry.slug)).status === 200);
    const rename = async (slug: string) => {
      // With a deadline: its calendar file lives beside its page.
      const res = await admin.request('PUT', `${CM}/${OPP}/${entry.documentId}?locale=it`, {
        slug,
        deadline: '2027-06-30',
      });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      const published = await admin.request('POST', `${CM}/${OPP}/${entry.documentId}/actions/publish?locale=it`, {});
      expect(published.status, JSON.stringify(published.body)).toBe(200);
      await waitFor(`${slug} live`, async () => (await page('lecco', slug)).status === 200);
    };
    const second = `${entry.slug}-bis`;
    const newest = `${entry.slug}-ter`;
    await rename(second);
    await rename(newest);
    for (const old of [entry.slug, second]) {
      const moved = await page('lecco', old);
      expect(moved.status, `/lecco/opportunita/${old}/`).toBe(301);
      expect(moved.headers.location).toBe(`/lecco/opportunita/${newest}/`);
      await expectBoth(`/lecco/opportunita/${old}/`, 301, `/lecco/opportunita/${newest}/`);
      // The calendar file a reader saved or subscribed to is still there, the same as the newest.
      const calendar = await get(origin, `/lecco/opportunita/${old}.ics`);
      expect(calendar.status, `/lecco/opportunita/${old}.ics`).toBe(200);
      const stamped = (body: string) => body.replace(/^DTSTAMP:.*$/m, '');
      expect(stamped(calendar.body)).toBe(stamped((await get(origin, `/lecco/opportunita/${newest}.ics`)).body));
      expect(calendar.body).toContain(`/lecco/opportunita/${newest}/`);
      // Hosts that cannot redirect serve the release's own redirect page there.
      const stub = fs.readFileSync(path.join(releases, 'lecco', 'current', 'opportunita', old, 'index.html'), 'utf8');
      expect(stub).toContain(`/lecco/opportunita/${newest}/`);
    }
    // The CMS remembers it: the builder's answer for Lecco.
    const answer = await fetch(`${cms.url}/api/sito/addresses/lecco`, {
      headers: { Authorization: `Bearer ${fs.readFileSync(cms.tokenFile, 'utf8').trim()}` },
    });
    const { data } = (await answer.json()) as { data: { redirects: Array<{ from: string; to: string }> } };
    expect(data.redirects).toEqual(
      expect.arrayContaining([
        { from: `opportunita/${entry.slug}/`, to: `opportunita/${newest}/` },
        { from: `opportunita/${second}/`, to: `opportunita/${newest}/` },
      ]),
    );
    expect((await fetch(`${cms.url}/api/sito/addresses/lecco`)).status, 'not without the builder token').toBe(403);

    const deleted = await createOpportunity(`Ritirata ${run} Lecco`, { territory: 'lecco' });
    await waitFor('the second entry live', async () => (await page('lecco', deleted.slug)).status === 200);
    const removed = await admin.request('DELETE', `${CM}/${OPP}/${deleted.documentId}?locale=it`);
    expect(removed.status, JSON.stringify(removed.body)).toBe(200);
    const gone = await waitFor('the deleted entry gone', async () => {
      const res = await page('lecco', deleted.slug);
      return res.status === 410 ? res : undefined;
    });
    expect(gone.body).toContain(`Ritirata ${run} Lecco`);
    expect(gone.body).toMatch(/name="robots" content="noindex/);
    for (const answer of await fromBoth(`/lecco/opportunita/${deleted.slug}/`)) {
      expect(answer.status, answer.server).toBe(410);
      expect(answer.body, answer.server).toContain(`Ritirata ${run} Lecco`);
    }

    for (const unknown of await fromBoth(`/lecco/opportunita/mai-esistita-${run}/`)) {
      expect(unknown.status, unknown.server).toBe(404);
      expect(unknown.body, `${unknown.server}: the hub’s own 404 page`).toContain('Lecco');
    }

    const sitemap = (await get(origin, '/lecco/sitemap-0.xml')).body;
    expect(sitemap).toContain(`/lecco/opportunita/${newest}/`);
    for (const old of [entry.slug, second, deleted.slug])
      expect(sitemap, `${old} is not in the sitemap`).not.toContain(`/opportunita/${old}/`);
    const feed = (await get(origin, '/lecco/rss/opportunita.xml')).body;
    expect(feed).toContain(`/opportunita/${newest}/`);
    for (const old of [entry.slug, second, deleted.slug]) expect(feed).not.toContain(`/opportunita/${old}/`);

    // Moved to Crema's territory: every address Lecco gave it leads to its page on Crema's hub.
    const moved = await admin.request('PUT', `${CM}/${OPP}/${entry.documentId}?locale=it`, {
      territory: { connect: [{ documentId: territories.crema }] },
    });
    expect(moved.status, JSON.stringify(moved.body)).toBe(200);
    expect((await admin.request('POST', `${CM}/${OPP}/${entry.documentId}/actions/publish?locale=it`, {})).status).toBe(
      200,
    );
    await waitFor('the entry live on Crema', async () => (await page('crema', newest)).status === 200);
    await waitFor('Lecco leading to Crema', async () => (await page('lecco', newest)).status === 301);
    for (const old of [entry.slug, second, newest])
      await expectBoth(`/lecco/opportunita/${old}/`, 301, `/crema/opportunita/${newest}/`);
    const lecco = (await get(origin, '/lecco/sitemap-0.xml')).body;
    expect(lecco, 'no longer in Lecco’s sitemap').not.toContain(`/opportunita/${newest}/`);
    expect((await get(origin, '/crema/sitemap-0.xml')).body).toContain(`/crema/opportunita/${newest}/`);
  }, 300_000);

  it("withdraws a territory's hub when it is unpublished (410 everywhere, other hubs untouched); published again under a new slug, every old address leads there", async () => {
    await waitFor('Casalmaggiore idle', () => settled('casalmaggiore'));
    const before = live(releases, 'crema');
    const TERRITORY = 'api::territory.territory';
    const id = territories.casalmaggiore!;
    const res = await admin.request('POST', `${CM}/${TERRITORY}/${id}/actions/unpublish`, {});
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const gone = await waitFor('Casalmaggiore withdrawn', async () => {
      const home = await get(origin, '/casalmaggiore/');
      return home.status === 410 ? home : undefined;
    });
    expect(gone.body).toContain('non è più attivo');
    expect(gone.body).toContain('href="/crema/"');
    await expectBoth('/casalmaggiore/opportunita/', 410);
    await expectBoth('/casalmaggiore/', 410);
    expect(
      fs.readdirSync(path.join(releases, 'casalmaggiore', 'releases')).length,
      'its releases kept',
    ).toBeGreaterThan(0);
    expect(live(releases, 'crema'), 'other hubs untouched').toBe(before);
    expect((await get(origin, '/crema/')).status).toBe(200);

    // Published again, renamed: live at its new address, and every old one leads there.
    const renamed = await admin.request('PUT', `${CM}/${TERRITORY}/${id}`, { slug: 'casalmaggiore-oglio-po' });
    expect(renamed.status, JSON.stringify(renamed.body)).toBe(200);
    const again = await admin.request('POST', `${CM}/${TERRITORY}/${id}/actions/publish`, {});
    expect(again.status, JSON.stringify(again.body)).toBe(200);
    await waitFor(
      'Casalmaggiore live at its new address',
      async () => (await get(origin, '/casalmaggiore-oglio-po/')).status === 200,
      180_000,
    );
    for (const old of ['/casalmaggiore/', '/casalmaggiore/opportunita/', '/casalmaggiore/sitemap-index.xml']) {
      const moved = await get(origin, old);
      expect(moved.status, old).toBe(301);
      expect(moved.headers.location).toBe(old.replace('/casalmaggiore/', '/casalmaggiore-oglio-po/'));
      await expectBoth(old, 301, old.replace('/casalmaggiore/', '/casalmaggiore-oglio-po/'));
    }
    const sitemap = (await get(origin, '/casalmaggiore-oglio-po/sitemap-0.xml')).body;
    expect(sitemap).toContain('/casalmaggiore-oglio-po/opportunita/');
    expect(sitemap).not.toMatch(/\/casalmaggiore\//);
    expect(live(releases, 'crema'), 'other hubs untouched').toBe(before);
  });

  it('an antenna promoted to hub gets its own site; the site of a hub made an antenna leads to its parent', async () => {
    const TERRITORY = 'api::territory.territory';
    const soresina = territories.soresina!;
    expect(live(releases, 'soresina'), 'an antenna has no site').toBe(null);
    const promoted = await admin.request('PUT', `${CM}/${TERRITORY}/${soresina}`, { kind: 'hub', parent: { set: [] } });
    expect(promoted.status, JSON.stringify(promoted.body)).toBe(200);
    expect((await admin.request('POST', `${CM}/${TERRITORY}/${soresina}/actions/publish`, {})).status).toBe(200);
    await waitFor('Soresina live', async () => (await get(origin, '/soresina/')).status === 200, 180_000);
    const sitemap = (await get(origin, '/soresina/sitemap-0.xml')).body;
    expect(sitemap).toContain('/soresina/opportunita/');

    // And back: an antenna of Cremona again. Its addresses lead to the same path on Cremona's site.
    const demoted = await admin.request('PUT', `${CM}/${TERRITORY}/${soresina}`, {
      kind: 'antenna',
      parent: { connect: [{ documentId: territories.cremona }] },
    });
    expect(demoted.status, JSON.stringify(demoted.body)).toBe(200);
    expect((await admin.request('POST', `${CM}/${TERRITORY}/${soresina}/actions/publish`, {})).status).toBe(200);
    let last = 0;
    const moved = await waitFor('Soresina leading to Cremona', async () => {
      const res = await get(origin, '/soresina/opportunita/');
      last = res.status;
      return res.status === 301 ? res : undefined;
    }).catch((error: Error) => {
      throw new Error(`${error.message}; last answer ${last}`);
    });
    expect(moved.headers.location).toBe('/cremona/opportunita/');
    await expectBoth('/soresina/opportunita/', 301, '/cremona/opportunita/');
  }, 400_000);

  it('refuses unsigned, tampered, stale and replayed worker requests', async () => {
    const secret = cms.env.SITO_WORKER_SECRET!;
    const url = `${cms.url}/api/sito/worker/claim`;
    const body = JSON.stringify({ worker: 'intruder' });
    const send = (headers: Record<string, string>, payload = body) =>
      fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body: payload });
    expect((await send({})).status).toBe(401);
    expect((await send(signRequest(secret, body), JSON.stringify({ worker: 'intruder2' }))).status).toBe(401);
    expect((await send(signRequest(secret, body, new Date(Date.now() - 10 * 60_000)))).status).toBe(401);
    expect((await send(signRequest('whsec_' + Buffer.alloc(32, 7).toString('base64'), body))).status).toBe(401);
    const good = signRequest(secret, JSON.stringify({ worker: 'intruder' }));
    const first = await send(good);
    expect(first.status).toBe(200);
    expect((await send(good)).status, 'a replayed request').toBe(401);
    expect(created).toBeGreaterThan(50);
  });
});
