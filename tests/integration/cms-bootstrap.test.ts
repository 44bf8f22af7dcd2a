import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEV_ADMIN } from '@sito/shared';
import { databasesUnderTest, startTestCms, type TestCms } from '../helpers/test-cms.ts';
import { closeStoredReads, queryStored } from '../helpers/stored-state.ts';

const OPPORTUNITY = 'api::opportunity.opportunity';
const TERRITORY = 'api::territory.territory';

describe.each(databasesUnderTest())('the CMS on %s', (database) => {
  let cms: TestCms;

  beforeAll(async () => {
    cms = await startTestCms({ database });
  });
  afterAll(async () => {
    await closeStoredReads();
    await cms?.destroy();
  });

  it('creates the locales on first boot, Italian as the default and English beside it', async () => {
    const admin = await cms.admin();
    const { status, body } = await admin.request('GET', '/i18n/locales');
    expect(status).toBe(200);
    const codes = (body as Array<{ code: string; isDefault: boolean }>).map((l) => [l.code, l.isDefault]);
    expect(codes).toEqual(
      expect.arrayContaining([
        ['it', true],
        ['en', false],
      ]),
    );
  });

  it('creates the development super admin from the documented defaults', async () => {
    const admin = await cms.admin();
    const { body } = await admin.request('GET', '/admin/users/me');
    expect(body.data.email).toBe(DEV_ADMIN.email);
    expect(body.data.roles.map((role: { code: string }) => role.code)).toContain('strapi-super-admin');
  });

  it('speaks Italian to every admin user, and lays out the content manager as the repository says', async () => {
    const admin = await cms.admin();
    expect((await admin.request('GET', '/admin/users/me')).body.data.preferedLanguage).toBe('it');
    // A user created later, by an administrator, gets Italian too.
    const roles = await admin.request('GET', '/admin/roles');
    const editor = (roles.body.data as Array<{ id: number; code: string }>).find((r) => r.code === 'strapi-editor')!;
    const created = await admin.request('POST', '/admin/users', {
      firstname: 'Nuova',
      lastname: 'Operatrice',
      email: 'nuova.operatrice@sitogiovani.test',
      roles: [editor.id],
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const [stored] = await queryStored<{ prefered_language: string | null }>(
      cms,
      "SELECT prefered_language FROM admin_users WHERE email = 'nuova.operatrice@sitogiovani.test'",
    );
    expect(stored!.prefered_language).toBe('it');

    const configuration = await admin.request('GET', `/content-manager/content-types/${OPPORTUNITY}/configuration`);
    expect(configuration.status).toBe(200);
    const { layouts, settings, metadatas } = configuration.body.data.contentType;
    expect(layouts.list).toEqual(['title', 'kind', 'deadline', 'territory', 'lastVerifiedAt']);
    expect(settings).toMatchObject({ defaultSortBy: 'deadline', defaultSortOrder: 'ASC' });
    expect(metadatas.deadline.edit.label).toBe('Scadenza');
    expect(metadatas.deadline.edit.description).toMatch(/^L’ultimo giorno utile/);
    expect(metadatas.regional.list.label).toBe('Regionale');
  });

  it('writes a read-only builder token that reads the API and cannot write', async () => {
    const token = cms.builderToken();
    expect(token.length).toBeGreaterThan(32);
    const read = await fetch(`${cms.url}/api/opportunities`, { headers: { Authorization: `Bearer ${token}` } });
    expect(read.status).toBe(200);
    const write = await fetch(`${cms.url}/api/opportunities`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ data: { title: 'Scrittura non permessa', summary: 'Questo non deve essere salvato.' } }),
    });
    expect(write.status).toBe(403);
    const after = await fetch(`${cms.url}/api/opportunities`, { headers: { Authorization: `Bearer ${token}` } });
    expect((await after.json()).meta.pagination.total).toBe(0);
  });

  it('serves published content to the public, never drafts or unpublished entries', async () => {
    const admin = await cms.admin();
    const territory = await admin.request('POST', `/content-manager/collection-types/${TERRITORY}`, {
      name: 'Informagiovani Prova',
      shortName: 'Prova',
      slug: 'prova',
    });
    expect(territory.status).toBe(201);
    const territoryId = territory.body.data.documentId;
    expect(
      (await admin.request('POST', `/content-manager/collection-types/${TERRITORY}/${territoryId}/actions/publish`, {}))
        .status,
    ).toBe(200);

    const draft = await admin.request('POST', `/content-manager/collection-types/${OPPORTUNITY}?locale=it`, {
      title: 'Tirocinio in biblioteca civica',
      slug: 'tirocinio-biblioteca-civica',
      summary: 'Sei mesi in biblioteca tra prestiti, catalogazione e laboratori per ragazzi.',
      deadline: '2099-01-31',
      territory: { connect: [{ documentId: territoryId }] },
    });
    expect(draft.status).toBe(201);
    const documentId = draft.body.data.documentId;

    const publicList = async (query = '') => {
      const response = await fetch(`${cms.url}/api/opportunities${query}`);
      return { status: response.status, body: await response.json() };
    };
    expect((await publicList()).body.data).toEqual([]);
    const drafts = await publicList('?status=draft');
    expect(drafts.status).toBe(403);
    expect(drafts.body.error.message).toMatch(/published content only/);
    expect((await fetch(`${cms.url}/api/opportunities/${documentId}`)).status).toBe(404);

    const published = await admin.request(
      'POST',
      `/content-manager/collection-types/${OPPORTUNITY}/${documentId}/actions/publish?locale=it`,
      {},
    );
    expect(published.status).toBe(200);
    const list = await publicList('?populate[territory][fields][0]=slug');
    expect(list.body.data).toHaveLength(1);
    expect(list.body.data[0]).toMatchObject({ slug: 'tirocinio-biblioteca-civica', territory: { slug: 'prova' } });

    // A later draft edit stays private: the public keeps reading the published version.
    await admin.request('PUT', `/content-manager/collection-types/${OPPORTUNITY}/${documentId}?locale=it`, {
      title: 'Titolo in bozza, non ancora pubblicato',
    });
    const again = await publicList();
    expect(again.body.data[0].title).toBe('Tirocinio in biblioteca civica');

    // Unpublished: gone from the public API, list and by id.
    const unpublished = await admin.request(
      'POST',
      `/content-manager/collection-types/${OPPORTUNITY}/${documentId}/actions/unpublish?locale=it`,
      {},
    );
    expect(unpublished.status).toBe(200);
    expect((await publicList()).body.data).toEqual([]);
    expect((await fetch(`${cms.url}/api/opportunities/${documentId}`)).status).toBe(404);
  });

  it("serves the operators' guide with its screenshots, and nothing else from the docs folder", async () => {
    const guide = await fetch(`${cms.url}/sito/guida`);
    expect(guide.status).toBe(200);
    expect(guide.headers.get('content-type')).toMatch(/^text\/html/);
    const html = await guide.text();
    expect(html).toContain('<h1>Guida per gli operatori</h1>');
    const images = [...html.matchAll(/<img src="(guida\/immagini\/[a-z0-9-]+\.png)"/g)].map((m) => m[1]!);
    expect(images.length, 'every screenshot of the guide').toBeGreaterThanOrEqual(7);
    for (const image of images) {
      const res = await fetch(`${cms.url}/sito/${image}`);
      expect(res.status, image).toBe(200);
      expect(res.headers.get('content-type'), image).toBe('image/png');
      // A PNG file, as the screenshot script wrote it.
      expect([...new Uint8Array(await res.arrayBuffer()).slice(1, 4)]).toEqual([0x50, 0x4e, 0x47]);
    }
    for (const hostile of [
      '..%2F..%2Fpackage.json',
      '..%2Fguida-operatori.md',
      'HOME.PNG',
      'home.png%00.md',
      'home.svg',
      'non-esiste.png',
    ])
      expect((await fetch(`${cms.url}/sito/guida/immagini/${hostile}`)).status, hostile).toBe(404);
  });

  it('boots again on the same database without creating anything twice', async () => {
    const tokenBefore = cms.builderToken();
    fs.rmSync(cms.tokenFile);
    // Before the boot: the super admin switches to English, and someone rearranges a list view.
    const before = await cms.admin();
    expect((await before.request('PUT', '/admin/users/me', { preferedLanguage: 'en' })).status).toBe(200);
    const path = `/content-manager/content-types/${OPPORTUNITY}/configuration`;
    const { settings, metadatas, layouts } = (await before.request('GET', path)).body.data.contentType;
    // As the admin's «Configura la vista» sends it: the list metadata without the relation's mainField.
    const sent = Object.fromEntries(
      Object.entries(metadatas as Record<string, { edit: object; list: { mainField?: unknown } }>).map(
        ([
          field,
          {
            edit,
            list: { mainField: _mainField, ...list },
          },
        ]) => [field, { edit, list }],
      ),
    );
    const rearranged = await before.request('PUT', path, {
      settings: { ...settings, defaultSortBy: 'title' },
      metadatas: sent,
      layouts: { ...layouts, list: ['id', 'title'] },
    });
    expect(rearranged.status, JSON.stringify(rearranged.body)).toBe(200);
    await cms.restart();
    const admin = await cms.admin();
    // Their own language is kept; the repository's layout is back.
    expect((await admin.request('GET', '/admin/users/me')).body.data.preferedLanguage).toBe('en');
    const restored = (await admin.request('GET', path)).body.data.contentType;
    expect(restored.layouts.list).toEqual(['title', 'kind', 'deadline', 'territory', 'lastVerifiedAt']);
    expect(restored.settings.defaultSortBy).toBe('deadline');
    const users = await admin.request('GET', '/admin/users?pageSize=100');
    const emails = users.body.data.results.map((user: { email: string }) => user.email);
    expect(emails.filter((email: string) => email === DEV_ADMIN.email)).toHaveLength(1);
    expect(new Set(emails).size, 'no account is created twice').toBe(emails.length);
    const tokens = await admin.request('GET', '/admin/api-tokens');
    expect(tokens.body.data.filter((t: { name: string }) => t.name === 'sito-site-builder')).toHaveLength(1);
    const locales = await admin.request('GET', '/i18n/locales');
    expect(locales.body).toHaveLength(2);
    // The token file was deleted: the second boot restored the same key from the database.
    expect(cms.builderToken()).toBe(tokenBefore);
    const read = await fetch(`${cms.url}/api/territories`, { headers: { Authorization: `Bearer ${tokenBefore}` } });
    expect(read.status).toBe(200);
  });
});
