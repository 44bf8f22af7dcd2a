import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { entryPagePath, previewPath } from '@sito/shared';
import { createHubServer } from '../../scripts/serve-hubs.ts';
import {
  deployRelease,
  previewFolder,
  prunePreviews,
  pruneReleases,
  stagingFolder,
  writePreviewFailure,
} from '../../scripts/lib/publishing/releases.ts';
import { previewProblem } from '../../scripts/lib/publishing/worker.ts';

describe('draft previews on the hub server', () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'sito-previews-'));
  const ready = 'a'.repeat(32);
  const building = 'b'.repeat(32);
  const failed = 'c'.repeat(32);
  let origin = '';
  const server = createHubServer(root);

  beforeAll(async () => {
    const dir = previewFolder(root, ready);
    fs.mkdirSync(path.join(dir, 'opportunita', 'stage'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'index.html'), '<h1>Home</h1>');
    fs.writeFileSync(path.join(dir, 'opportunita', 'stage', 'index.html'), '<h1>Stage in bozza</h1>');
    writePreviewFailure(
      root,
      failed,
      previewProblem(
        'Build of hub "crema" failed (exit 1).\n--- last output ---\n[content] the draft of opportunity "stage" (documentId x1) is invalid:\n  - field "summary": must be at least 20 characters\n  - field "kind": required\n    at load (strapi-loader.ts:80)',
      ),
    );
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => {
    server.close();
    fs.rmSync(root, { recursive: true, force: true });
  });

  it('serves a built preview privately: never cached, never indexed', async () => {
    const url = `${origin}${entryPagePath(previewPath(ready, 'crema'), 'api::opportunity.opportunity', 'stage', 'it')}`;
    expect(url).toBe(`${origin}/_anteprima/${ready}/crema/opportunita/stage/`);
    const res = await fetch(url);
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('Stage in bozza');
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.headers.get('x-robots-tag')).toBe('noindex, nofollow');
    expect((await fetch(`${origin}/_anteprima/${ready}/crema/opportunita/altro/`)).status).toBe(404);
    expect((await fetch(`${origin}/_anteprima/../../etc/passwd`)).status).toBe(404);
    expect((await fetch(`${origin}/crema/opportunita/stage/`)).status, 'not a hub page').toBe(404);
  });

  it('waits for a preview being built, and says why one failed', async () => {
    const waiting = await fetch(`${origin}/_anteprima/${building}/crema/`);
    expect(waiting.status).toBe(200);
    expect(await waiting.text()).toMatch(/http-equiv="refresh".*in preparazione/s);
    const broken = await (await fetch(`${origin}/_anteprima/${failed}/crema/`)).text();
    expect(broken).toContain('Anteprima non riuscita');
    expect(broken).toContain('field &quot;summary&quot;: must be at least 20 characters');
    expect(broken).toContain('field &quot;kind&quot;: required');
    expect(broken, 'the problems, not the stack').not.toContain('strapi-loader.ts');
  });

  it('forgets previews after their time', () => {
    const later = Date.now() + 2 * 60 * 60_000;
    expect(prunePreviews(root, 60 * 60_000, later)).toBe(2); // a failure page and a built preview
    expect(fs.readdirSync(path.join(root, '.previews'))).toEqual([]);
  });
});

describe('preview and page addresses', () => {
  it('puts English entries under their English section, and the rest under the Italian one', () => {
    expect(entryPagePath('/cremona', 'api::event.event', 'job-day', 'en')).toBe('/cremona/en/events/job-day/');
    expect(entryPagePath('/cremona/', 'api::news.news', 'bando', 'it')).toBe('/cremona/news/bando/');
    expect(entryPagePath('/lecco', 'api::operator-resource.operator-resource', 'guida', 'en')).toBe(
      '/lecco/risorse-operatori/guida/',
    );
  });
});

describe('pruning releases', () => {
  it('keeps whole builds, and drops the first half of a build only once a newer one is live', () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'sito-releases-'));
    const hub = { slug: 'crema', name: 'Informagiovani Crema', hostname: null };
    const deploy = (name: string) => {
      const staging = stagingFolder(root, 'crema', name);
      fs.mkdirSync(staging, { recursive: true });
      fs.writeFileSync(path.join(staging, 'index.html'), name);
      deployRelease(root, hub, staging, name);
    };
    const releases = () => fs.readdirSync(path.join(root, 'crema', 'releases')).sort();
    try {
      deploy('r1');
      deploy('r2');
      deploy('r2-ricerca');
      expect(pruneReleases(root, 'crema', 2), 'r2 may still be read').toEqual([]);
      deploy('r3');
      deploy('r3-ricerca');
      expect(pruneReleases(root, 'crema', 2)).toEqual(['r1', 'r2']);
      expect(releases()).toEqual(['r2-ricerca', 'r3', 'r3-ricerca']);
      expect(fs.readFileSync(path.join(root, 'crema', 'current', 'index.html'), 'utf8')).toBe('r3-ricerca');
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });
});
