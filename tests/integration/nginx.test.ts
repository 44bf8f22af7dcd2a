import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  deployRelease,
  previewFolder,
  stagingFolder,
  writePreviewFailure,
} from '../../scripts/lib/publishing/releases.ts';
import { nginxConfig } from '../../scripts/lib/publishing/nginx.ts';
import { freePort } from '../../scripts/lib/net.ts';
import { get, waitFor } from '../helpers/publishing.ts';

const NGINX = '/usr/sbin/nginx';
const hubs = [
  { slug: 'crema', name: 'Informagiovani Crema', hostname: 'giovani.comune.crema.cr.it' },
  { slug: 'lecco', name: 'Informagiovani Lecco', hostname: null },
];

/** Deploys a small release the way a worker does (staging folder, then the `current` rename). */
function deploy(root: string, hub: (typeof hubs)[number], marker: string) {
  const staging = stagingFolder(root, hub.slug, marker);
  fs.mkdirSync(path.join(staging, '_astro'), { recursive: true });
  fs.mkdirSync(path.join(staging, 'opportunita', 'tirocinio'), { recursive: true });
  fs.writeFileSync(path.join(staging, 'index.html'), `<h1>${hub.name} ${marker}</h1>`);
  fs.writeFileSync(path.join(staging, 'opportunita', 'tirocinio', 'index.html'), `<h1>Tirocinio ${marker}</h1>`);
  fs.writeFileSync(path.join(staging, '_astro', 'app.Ab12Cd.css'), 'body{color:#000}');
  deployRelease(root, hub, staging, marker);
}

/**
 * The generated production configuration, served by a real nginx (Debian's package): hubs by path
 * and by hostname, hashed assets cached forever, HTML revalidated, and a deploy live without reload.
 */
describe('the generated nginx configuration', () => {
  let dir: string;
  let nginx: ChildProcess;
  let origin: string;

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sito-nginx-'));
    const releases = path.join(dir, 'releases');
    for (const hub of hubs) deploy(releases, hub, 'r1');
    const port = await freePort();
    fs.writeFileSync(
      path.join(dir, 'sito.conf'),
      nginxConfig(hubs, { releasesDir: releases, listen: `127.0.0.1:${port}` }),
    );
    fs.writeFileSync(
      path.join(dir, 'nginx.conf'),
      `${process.getuid?.() === 0 ? 'user root;\n' : ''}pid ${dir}/nginx.pid;
error_log ${dir}/error.log;
events {}
http {
  include /etc/nginx/mime.types;
  access_log off;
  client_body_temp_path ${dir}/tmp; proxy_temp_path ${dir}/tmp; fastcgi_temp_path ${dir}/tmp;
  uwsgi_temp_path ${dir}/tmp; scgi_temp_path ${dir}/tmp;
  include ${dir}/sito.conf;
}
`,
    );
    fs.mkdirSync(path.join(dir, 'tmp'));
    const check = spawnSync(NGINX, ['-t', '-p', dir, '-c', path.join(dir, 'nginx.conf')], { encoding: 'utf8' });
    expect(check.status, `nginx -t:\n${check.stderr}`).toBe(0);
    nginx = spawn(NGINX, ['-p', dir, '-c', path.join(dir, 'nginx.conf'), '-g', 'daemon off;'], { stdio: 'inherit' });
    origin = `http://127.0.0.1:${port}`;
    await waitFor('nginx listening', async () => (await get(origin, '/')).status === 200, 15_000);
  });

  afterAll(async () => {
    nginx?.kill('SIGQUIT');
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

  it('a new release is live at once, without reloading nginx', async () => {
    deploy(path.join(dir, 'releases'), hubs[0]!, 'r2');
    expect((await get(origin, '/crema/')).body).toContain('Informagiovani Crema r2');
  });

  it('refuses territories that would break the configuration', () => {
    expect(() =>
      nginxConfig([{ slug: 'x;y', name: 'X', hostname: null }], { releasesDir: '/srv', listen: 80 }),
    ).toThrow(/slug/);
    expect(() =>
      nginxConfig([{ slug: 'x', name: 'X', hostname: 'evil.example.org; include /etc/passwd' }], {
        releasesDir: '/srv',
        listen: 80,
      }),
    ).toThrow(/hostname/);
  });
});
