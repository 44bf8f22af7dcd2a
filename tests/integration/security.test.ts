import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEV_ADMIN } from '@sito/shared';
import { signRequest } from '@sito/shared/signing';
import {
  createEntry,
  databasesUnderTest,
  loginAdmin,
  startTestCms,
  type AdminClient,
  type TestCms,
} from '../helpers/test-cms.ts';
import { closeStoredReads, queryStored } from '../helpers/stored-state.ts';

const CM = '/content-manager/collection-types';
const OPP = 'api::opportunity.opportunity';
const TUTORIAL = 'api::tutorial.tutorial';
const TERRITORY = 'api::territory.territory';
const HUBS_ORIGIN = 'https://giovani.example.it';

/** The smallest valid PNG, to upload. */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

describe.each(databasesUnderTest())('security of the CMS on %s', (database) => {
  let cms: TestCms;
  let root: AdminClient;
  let cremona: AdminClient;
  let crema: AdminClient;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    cms = await startTestCms({ database, env: { SITO_CORS_ORIGINS: HUBS_ORIGIN } });
    root = await cms.admin();
    for (const slug of ['cremona', 'crema'])
      ids[slug] = await createEntry(root, TERRITORY, { name: `Informagiovani ${slug}`, shortName: slug, slug });
    await cms.restart();
    root = await cms.admin();
    cremona = await loginAdmin(cms.url, 'operatore.cremona@sitogiovani.test', DEV_ADMIN.password);
    crema = await loginAdmin(cms.url, 'operatore.crema@sitogiovani.test', DEV_ADMIN.password);
    const inCremona = { territory: { connect: [{ documentId: ids.cremona }] } };
    ids.draft = await createEntry(
      root,
      OPP,
      {
        title: 'BOZZASEGRETA mai pubblicata',
        summary: 'Una bozza che nessuno deve leggere.',
        kind: 'job',
        ...inCremona,
      },
      false,
    );
    ids.published = await createEntry(root, OPP, {
      title: 'Offerta pubblicata',
      summary: 'Una voce pubblicata la cui bozza cambia.',
      kind: 'job',
      ...inCremona,
    });
    const edited = await root.request('PUT', `${CM}/${OPP}/${ids.published}?locale=it`, {
      title: 'MODIFICANONPUBBLICATA nella bozza',
    });
    expect(edited.status).toBe(200);
    ids.tutorial = await createEntry(root, TUTORIAL, {
      title: 'Guida pubblicata',
      summary: 'Una guida che rimanda a una bozza.',
      ...inCremona,
      relatedOpportunities: { connect: [{ documentId: ids.draft }, { documentId: ids.published }] },
    });
  });

  afterAll(async () => {
    await closeStoredReads();
    await cms?.destroy();
  });

  it('serves no draft to the public or the builder, whatever the path spelling or the query asks', async () => {
    const paths = [
      '/api/opportunities',
      '/API/opportunities',
      '/Api/Opportunities',
      '/api/opportunities/',
      '/api//opportunities',
      '/%61pi/opportunities',
      `/api/opportunities/${ids.draft}`,
      `/API/opportunities/${ids.published}`,
      '/api/tutorials',
      `/api/tutorials/${ids.tutorial}`,
      '/api/sito/listing/opportunities',
    ];
    const queries = [
      '',
      'status=draft',
      'status=DRAFT',
      'status[]=draft',
      'status=published&status=draft',
      'publicationState=preview',
      'hasPublishedVersion=false',
      'filters[publishedAt][$null]=true',
      'populate=*',
      'populate[relatedOpportunities][filters][publishedAt][$null]=true',
      `status=draft&filters[documentId][$eq]=${ids.draft}`,
    ];
    const credentials: Array<Record<string, string>> = [
      {},
      { Authorization: `Bearer ${cms.builderToken()}` },
      // A preview grant that was never issued.
      { Authorization: `Bearer ${cms.builderToken()}`, 'x-sito-preview': 'f'.repeat(32) },
    ];
    let requests = 0;
    let served = 0;
    for (const pathname of paths)
      for (const query of queries)
        for (const headers of credentials) {
          const response = await fetch(`${cms.url}${pathname}${query ? `?${query}` : ''}`, { headers });
          const text = await response.text();
          requests += 1;
          if (response.status === 200) served += 1;
          expect(response.status, `${pathname}?${query}`).toBeLessThan(500);
          expect(text, `${pathname}?${query} ${JSON.stringify(headers)}`).not.toMatch(
            /BOZZASEGRETA|MODIFICANONPUBBLICATA/,
          );
        }
    console.log(`[drafts on ${database}] ${requests} public requests, ${served} answered 200, none with a draft`);
    // The published version is served, so the assertions above could have seen content at all.
    const published = await (await fetch(`${cms.url}/API/opportunities/${ids.published}`)).json();
    expect(published.data.title).toBe('Offerta pubblicata');
    const tutorial = await (
      await fetch(`${cms.url}/api/tutorials/${ids.tutorial}?populate[relatedOpportunities][fields][0]=title`)
    ).json();
    expect(tutorial.data.relatedOpportunities.map((o: { title: string }) => o.title)).toEqual(['Offerta pubblicata']);
  });

  /** Uploads a file as this admin, optionally into a folder; returns its id. */
  async function upload(client: AdminClient, name: string, folder?: number): Promise<number> {
    const form = new FormData();
    form.append('files', new Blob([PNG], { type: 'image/png' }), name);
    form.append('fileInfo', JSON.stringify({ name, folder: folder ?? null }));
    const response = await fetch(`${cms.url}/upload`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${client.jwt}` },
      body: form,
    });
    const body = await response.json();
    expect(response.status, JSON.stringify(body)).toBe(201);
    return body[0].id as number;
  }

  const storedFile = async (id: number) =>
    (
      await queryStored<{ name: string; hash: string; folder_path: string }>(
        cms,
        `SELECT name, hash, folder_path FROM files WHERE id = ${id}`,
      )
    )[0];

  it("lets an operator change and delete only their own territory's files, by any route", async () => {
    const folder = await cremona.request('POST', '/upload/folders', { name: 'Cremona', parent: null });
    expect(folder.status, JSON.stringify(folder.body)).toBe(201);
    const folderId = folder.body.data.id as number;
    const theirs = await upload(cremona, 'logo-cremona.png', folderId);
    const before = await storedFile(theirs);
    const own = await upload(crema, 'logo-crema.png');

    const replace = new FormData();
    replace.append('files', new Blob([PNG], { type: 'image/png' }), 'sostituito.png');
    const attempts: Array<[string, string, string, unknown?]> = [
      ['delete', 'DELETE', `/upload/files/${theirs}`],
      ['delete, other spelling', 'DELETE', `/Upload/Files/${theirs}/`],
      ['update info', 'PUT', `/upload/files/${theirs}`, { fileInfo: { name: 'rinominato' } }],
      ['update info through POST /upload', 'POST', `/upload?id=${theirs}`, { fileInfo: { name: 'rinominato' } }],
      ['bulk delete', 'POST', '/upload/actions/bulk-delete', { fileIds: [own, theirs], folderIds: [] }],
      ['bulk delete as strings', 'POST', '/upload/actions/bulk-delete', { fileIds: [String(theirs)], folderIds: [] }],
      ['bulk delete of the folder', 'POST', '/upload/actions/bulk-delete', { fileIds: [], folderIds: [folderId] }],
      [
        'bulk move',
        'POST',
        '/upload/actions/bulk-move',
        { fileIds: [theirs], folderIds: [], destinationFolderId: null },
      ],
      ['bulk update', 'POST', '/upload/actions/bulk-update', { updates: [{ id: theirs, fileInfo: { name: 'x' } }] }],
      ['rename the folder', 'PUT', `/upload/folders/${folderId}`, { name: 'Presa da Crema', parent: null }],
      [
        'own file into their folder',
        'POST',
        '/upload/actions/bulk-move',
        { fileIds: [own], destinationFolderId: folderId },
      ],
    ];
    for (const [what, method, pathname, body] of attempts) {
      const response = await crema.request(method, pathname, body);
      expect([403, 404], `${what}: ${response.status} ${JSON.stringify(response.body)}`).toContain(response.status);
    }
    // Ids in a shape the upload plugin does not take are refused before anything is looked up.
    const objectIds = await crema.request('POST', '/upload/actions/bulk-delete', {
      fileIds: [{ id: theirs }],
      folderIds: [],
    });
    expect([400, 403], JSON.stringify(objectIds.body)).toContain(objectIds.status);
    const replaced = await fetch(`${cms.url}/upload?id=${theirs}`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${crema.jwt}` },
      body: replace,
    });
    expect([403, 404], 'replace the file').toContain(replaced.status);
    expect(await storedFile(theirs)).toEqual(before);
    expect((await storedFile(own))!.folder_path).toBe('/');
    const [storedFolder] = await queryStored<{ name: string }>(
      cms,
      `SELECT name FROM upload_folders WHERE id = ${folderId}`,
    );
    expect(storedFolder!.name).toBe('Cremona');

    // Their own files they manage as before.
    const renamed = await crema.request('PUT', `/upload/files/${own}`, {
      fileInfo: { name: 'logo-orientagiovani.png' },
    });
    expect(renamed.status, JSON.stringify(renamed.body)).toBe(200);
    const deleted = await crema.request('POST', '/upload/actions/bulk-delete', { fileIds: [own], folderIds: [] });
    expect(deleted.status, JSON.stringify(deleted.body)).toBe(200);
    expect(await storedFile(own)).toBeUndefined();
  });

  it('answers CORS only to the CMS itself and the hubs, never to any origin with credentials', async () => {
    for (const [origin, allowed] of [
      ['https://evil.example', false],
      ['null', false],
      ['http://localhost:4321.evil.example', false],
      ['HTTP://LOCALHOST:4321', false],
      ['http://localhost:4321', true],
      [HUBS_ORIGIN, true],
    ] as const) {
      const preflight = await fetch(`${cms.url}/admin/access-token`, {
        method: 'OPTIONS',
        headers: { Origin: origin, 'Access-Control-Request-Method': 'POST' },
      });
      const simple = await fetch(`${cms.url}/api/opportunities`, { headers: { Origin: origin } });
      for (const response of [preflight, simple])
        expect(response.headers.get('access-control-allow-origin'), origin).toBe(allowed ? origin : null);
    }
  });

  it('has no public registration, login or password reset for site users', async () => {
    const attempts = [
      ['/api/auth/local/register', { username: 'intruso', email: 'intruso@example.com', password: 'Password-2026' }],
      ['/API/auth/local/register/', { username: 'intruso2', email: 'intruso2@example.com', password: 'Password-2026' }],
      ['/api/auth/forgot-password', { email: 'intruso@example.com' }],
      ['/api/auth/local', { identifier: 'intruso@example.com', password: 'Password-2026' }],
    ] as const;
    for (const [pathname, body] of attempts) {
      const response = await fetch(`${cms.url}${pathname}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(body),
      });
      expect([403, 404, 405], `${pathname}: ${response.status}`).toContain(response.status);
    }
    const [users] = await queryStored<{ n: number | string }>(cms, 'SELECT COUNT(*) AS n FROM up_users');
    expect(Number(users!.n)).toBe(0);
  });

  it('refuses a replayed worker request, also after the CMS restarts (the ids are kept in the database)', async () => {
    const body = JSON.stringify({ worker: 'security-test' });
    const headers = { 'Content-Type': 'application/json', ...signRequest(cms.env.SITO_WORKER_SECRET!, body) };
    const send = () => fetch(`${cms.url}/api/sito/worker/claim`, { method: 'POST', headers, body });
    expect((await send()).status).toBe(200);
    expect((await send()).status).toBe(401);
    await cms.restart();
    const replayed = await send();
    expect(replayed.status).toBe(401);
    expect(JSON.stringify(await replayed.json())).toContain('replayed');
    root = await cms.admin();
  });
});
