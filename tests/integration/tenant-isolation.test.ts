import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEV_ADMIN } from '@sito/shared';
import {
  createEntry,
  databasesUnderTest,
  loginAdmin,
  startTestCms,
  type AdminClient,
  type TestCms,
} from '../helpers/test-cms.ts';

const CM = '/content-manager/collection-types';
const OPP = 'api::opportunity.opportunity';
const NEWS = 'api::news.news';
const TUTORIAL = 'api::tutorial.tutorial';
const TERRITORY = 'api::territory.territory';

/**
 * Tenant isolation through the admin API called directly (no admin UI): an operator of Crema
 * against Cremona's entries, for every action. Each refused attempt is counted and printed.
 */
describe.each(databasesUnderTest())('tenant isolation on %s', (database) => {
  let cms: TestCms;
  let root: AdminClient;
  let crema: AdminClient;
  let editor: AdminClient;
  type Key = 'cremona' | 'crema' | 'cremonaPublished' | 'cremonaDraft' | 'regional' | 'cremaOwn' | 'cremonaNews';
  const ids = {} as Record<Key, string>;
  let attempts = 0;

  const opportunity = (title: string, territory: 'cremona' | 'crema' | null) => ({
    title,
    summary: 'Una voce di prova per verificare chi può vederla e modificarla.',
    kind: 'job',
    ...(territory ? { territory: { connect: [{ documentId: ids[territory] }] } } : { regional: true }),
  });

  /** A refused attempt: 403 or 404, and it counts. */
  async function refused(request: Promise<{ status: number; body: any }>, what: string) {
    const { status, body } = await request;
    attempts += 1;
    expect([403, 404], `${what} should be refused, got ${status}: ${JSON.stringify(body)}`).toContain(status);
  }

  /** A refused read: another territory's entry does not exist for the operator (404), nothing of it shown. */
  async function hidden(request: Promise<{ status: number; body: any }>, what: string) {
    const { status, body } = await request;
    attempts += 1;
    expect(status, `${what} should be hidden, got ${status}: ${JSON.stringify(body)}`).toBe(404);
    expect(JSON.stringify(body)).not.toMatch(/availableLocales|updatedAt|Cremona/);
  }

  const stored = async (uid: string, documentId: string) =>
    (await root.request('GET', `${CM}/${uid}/${documentId}?locale=it`)).body.data;

  beforeAll(async () => {
    cms = await startTestCms({ database });
    root = await cms.admin();
    for (const [slug, name] of [
      ['cremona', 'Cremona'],
      ['crema', 'Crema'],
    ] as const) {
      ids[slug] = await createEntry(root, TERRITORY, { name: `Informagiovani ${name}`, shortName: name, slug });
    }
    // The demo accounts (one operator per territory) are made at boot for the territories that exist.
    await cms.restart();
    root = await cms.admin();
    crema = await loginAdmin(cms.url, 'operatore.crema@sitogiovani.test', DEV_ADMIN.password);
    editor = await loginAdmin(cms.url, 'redazione@sitogiovani.test', DEV_ADMIN.password);
    ids.cremonaPublished = await createEntry(root, OPP, opportunity('Offerta di Cremona pubblicata', 'cremona'));
    ids.cremonaDraft = await createEntry(root, OPP, opportunity('Bozza riservata di Cremona', 'cremona'), false);
    ids.regional = await createEntry(root, OPP, opportunity('Bando regionale per tutti', null));
    ids.cremaOwn = await createEntry(root, OPP, opportunity('Offerta di Crema', 'crema'));
    ids.cremonaNews = await createEntry(root, NEWS, {
      title: 'Notizia di Cremona',
      date: '2026-11-20',
      summary: 'Una notizia del territorio di Cremona.',
      territory: { connect: [{ documentId: ids.cremona }] },
    });
  });

  afterAll(async () => {
    console.log(`[tenant isolation on ${database}] ${attempts} cross-territory attempts made`);
    await cms?.destroy();
  });

  it('lets the operator work on their own territory (so refusals below are about territory, not a broken role)', async () => {
    const own = await createEntry(crema, OPP, opportunity('Tirocinio creato da Crema', 'crema'));
    const update = await crema.request('PUT', `${CM}/${OPP}/${own}?locale=it`, {
      summary: 'Aggiornata dall’operatore di Crema.',
    });
    expect(update.status).toBe(200);
    expect((await crema.request('POST', `${CM}/${OPP}/${own}/actions/unpublish?locale=it`, {})).status).toBe(200);
    expect((await crema.request('DELETE', `${CM}/${OPP}/${own}?locale=it`)).status).toBe(200);
  });

  it("shows the operator their own and regional entries, never another territory's, through list, filters and search", async () => {
    const titles = async (query: string) =>
      (await crema.request('GET', `${CM}/${OPP}?page=1&pageSize=100&locale=it${query}`)).body.results.map(
        (r: { title: string }) => r.title,
      );
    const all = await titles('');
    attempts += 1;
    expect(all).toEqual(expect.arrayContaining(['Offerta di Crema', 'Bando regionale per tutti']));
    expect(all).not.toContain('Offerta di Cremona pubblicata');
    expect(all).not.toContain('Bozza riservata di Cremona');
    attempts += 1;
    expect(await titles(`&filters[$and][0][territory][documentId][$eq]=${ids.cremona}`)).toEqual([]);
    attempts += 1;
    expect(await titles('&_q=Cremona')).toEqual([]);
    attempts += 1;
    const news = (await crema.request('GET', `${CM}/${NEWS}?page=1&pageSize=100`)).body.results;
    expect(news).toEqual([]);
  });

  it("refuses reading another territory's entry or draft by id", async () => {
    await hidden(crema.request('GET', `${CM}/${OPP}/${ids.cremonaPublished}?locale=it`), 'read a Cremona entry');
    await hidden(crema.request('GET', `${CM}/${OPP}/${ids.cremonaDraft}?locale=it`), 'read a Cremona draft');
    await hidden(crema.request('GET', `${CM}/${NEWS}/${ids.cremonaNews}?locale=it`), 'read Cremona news');
    // Territories are public (every hub links its partners): another one's record is refused, not hidden.
    const territory = await crema.request('GET', `${CM}/${TERRITORY}/${ids.cremona}`);
    attempts += 1;
    expect([403, 404]).toContain(territory.status);
    expect(JSON.stringify(territory.body)).not.toMatch(/Informagiovani|updatedAt/);
    await hidden(
      crema.request('GET', `${CM}/${OPP}/${ids.cremonaPublished}/actions/countDraftRelations?locale=it`),
      'count relations',
    );
  });

  it('refuses creating an entry in another territory', async () => {
    const before = (await root.request('GET', `${CM}/${OPP}?page=1&pageSize=100&locale=it`)).body.pagination.total;
    await refused(
      crema.request('POST', `${CM}/${OPP}?locale=it`, opportunity('Intrusione a Cremona', 'cremona')),
      'create in Cremona',
    );
    await refused(
      crema.request('POST', `${CM}/${OPP}?locale=it`, opportunity('Intrusione regionale', null)),
      'create a regional entry',
    );
    expect((await root.request('GET', `${CM}/${OPP}?page=1&pageSize=100&locale=it`)).body.pagination.total).toBe(
      before,
    );
  });

  it("refuses updating, publishing, unpublishing, discarding and deleting another territory's entries", async () => {
    await refused(
      crema.request('PUT', `${CM}/${OPP}/${ids.cremonaPublished}?locale=it`, { title: 'Modificata da Crema' }),
      'update',
    );
    await refused(
      crema.request('PUT', `${CM}/${OPP}/${ids.regional}?locale=it`, { title: 'Modificata da Crema' }),
      'update a regional entry',
    );
    await refused(crema.request('POST', `${CM}/${OPP}/${ids.cremonaDraft}/actions/publish?locale=it`, {}), 'publish');
    await refused(
      crema.request('POST', `${CM}/${OPP}/${ids.cremonaPublished}/actions/unpublish?locale=it`, {}),
      'unpublish',
    );
    await refused(
      crema.request('POST', `${CM}/${OPP}/${ids.cremonaPublished}/actions/discard?locale=it`, {}),
      'discard',
    );
    await refused(crema.request('DELETE', `${CM}/${OPP}/${ids.cremonaPublished}?locale=it`), 'delete');
    await refused(crema.request('DELETE', `${CM}/${NEWS}/${ids.cremonaNews}?locale=it`), 'delete news');
    await refused(
      crema.request('PUT', `${CM}/${TERRITORY}/${ids.cremona}`, { tagline: 'Scritta da Crema' }),
      'edit the Cremona territory',
    );
    const entry = await stored(OPP, ids.cremonaPublished);
    expect(entry.title).toBe('Offerta di Cremona pubblicata');
    expect(entry.status ?? 'published').not.toBe('draft');
    expect((await stored(OPP, ids.cremonaDraft)).publishedAt).toBeNull();
  });

  it("refuses moving the operator's own entry into another territory", async () => {
    await refused(
      crema.request('PUT', `${CM}/${OPP}/${ids.cremaOwn}?locale=it`, {
        territory: { connect: [{ documentId: ids.cremona }], disconnect: [] },
      }),
      'move an entry to Cremona (connect)',
    );
    await refused(
      crema.request('PUT', `${CM}/${OPP}/${ids.cremaOwn}?locale=it`, { territory: ids.cremona }),
      'move an entry to Cremona (documentId)',
    );
    await refused(
      crema.request('PUT', `${CM}/${OPP}/${ids.cremaOwn}?locale=it`, { regional: true }),
      'make an entry regional',
    );
    const entry = await root.request('GET', `${CM}/${OPP}/${ids.cremaOwn}?locale=it`);
    expect(entry.body.data.territory?.count ?? 1).toBe(1);
    const check = await root.request('GET', `/content-manager/relations/${OPP}/${ids.cremaOwn}/territory?locale=it`);
    expect(check.body.results.map((t: { documentId: string }) => t.documentId)).toEqual([ids.crema]);
  });

  it("refuses bulk actions that include another territory's entries", async () => {
    await refused(
      crema.request('POST', `${CM}/${OPP}/actions/bulkDelete?locale=it`, {
        documentIds: [ids.cremaOwn, ids.cremonaPublished],
      }),
      'bulk delete',
    );
    await refused(
      crema.request('POST', `${CM}/${OPP}/actions/bulkPublish?locale=it`, { documentIds: [ids.cremonaDraft] }),
      'bulk publish',
    );
    await refused(
      crema.request('POST', `${CM}/${OPP}/actions/bulkUnpublish?locale=it`, { documentIds: [ids.cremonaPublished] }),
      'bulk unpublish',
    );
    expect(await stored(OPP, ids.cremonaPublished)).toBeTruthy();
    expect((await stored(OPP, ids.cremonaDraft)).publishedAt).toBeNull();
  });

  it("never offers another territory's entries or territories in relation pickers", async () => {
    attempts += 1;
    const picker = await crema.request(
      'GET',
      `/content-manager/relations/${TUTORIAL}/relatedOpportunities?locale=it&pageSize=100`,
    );
    expect(picker.status).toBe(200);
    const offered = picker.body.results.map((r: { documentId: string }) => r.documentId);
    expect(offered).toContain(ids.cremaOwn);
    expect(offered).not.toContain(ids.cremonaPublished);
    expect(offered).not.toContain(ids.cremonaDraft);
    attempts += 1;
    const territories = await crema.request(
      'GET',
      `/content-manager/relations/${OPP}/territory?locale=it&pageSize=100`,
    );
    expect(territories.body.results.map((r: { documentId: string }) => r.documentId)).toEqual([ids.crema]);
  });

  it("never shows another territory's entries through the relations of an entry the operator can read", async () => {
    // The regional editor links a Cremona opportunity and a Crema one into a regional tutorial.
    const tutorial = await createEntry(editor, TUTORIAL, {
      title: 'Come cercare lavoro in provincia',
      summary: 'Una guida regionale che rimanda a opportunità di più territori.',
      regional: true,
      relatedOpportunities: { connect: [{ documentId: ids.cremonaPublished }, { documentId: ids.cremaOwn }] },
    });
    attempts += 1;
    const related = await crema.request(
      'GET',
      `/content-manager/relations/${TUTORIAL}/${tutorial}/relatedOpportunities?locale=it&pageSize=100`,
    );
    expect(related.status).toBe(200);
    const seen = related.body.results.map((r: { documentId: string }) => r.documentId);
    expect(seen).toContain(ids.cremaOwn);
    expect(seen).not.toContain(ids.cremonaPublished);
  });

  it('lets the regional editor manage every territory and regional content', async () => {
    const update = await editor.request('PUT', `${CM}/${OPP}/${ids.cremonaPublished}?locale=it`, {
      summary: 'Rivista dalla redazione regionale.',
    });
    expect(update.status).toBe(200);
    const regional = await createEntry(editor, OPP, opportunity('Nuovo bando regionale', null));
    expect(regional).toBeTruthy();
  });
});
