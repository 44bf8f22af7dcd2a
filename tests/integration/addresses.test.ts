import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hubAddressesSchema, type HubAddresses } from '@sito/shared';
import { closeStoredReads, queryStored } from '../helpers/stored-state.ts';
import { databasesUnderTest, startTestCms, type AdminClient, type TestCms } from '../helpers/test-cms.ts';

const CM = '/content-manager/collection-types';
const OPP = 'api::opportunity.opportunity';
const QUESTION = 'api::question.question';

/**
 * The CMS's memory of published addresses (cms/src/publishing/addresses.ts), read as the hub
 * builder reads it: every slug a published entry had, per hub, and what was withdrawn. The hubs'
 * 301 and 410 answers are tested in publishing.test.ts (real workers, real hub server) and
 * nginx.test.ts.
 */
describe.each(databasesUnderTest())('permanent addresses in the CMS on %s', (database) => {
  let cms: TestCms;
  let admin: AdminClient;
  const territories: Record<string, string> = {};
  const run = Date.now().toString(36);

  const addresses = async (hub: string, token: string | null = cms.builderToken()) => {
    const res = await fetch(`${cms.url}/api/sito/addresses/${hub}`, {
      headers: token ? { Authorization: `Bearer ${token}` } : {},
    });
    return { status: res.status, body: (await res.json()) as unknown };
  };
  const addressesOf = async (hub: string): Promise<HubAddresses> => {
    const { status, body } = await addresses(hub);
    expect(status, JSON.stringify(body)).toBe(200);
    return hubAddressesSchema.parse(body).data;
  };

  async function create(uid: string, data: Record<string, unknown>, territory: string) {
    const res = await admin.request('POST', `${CM}/${uid}?locale=it`, {
      ...data,
      territory: { connect: [{ documentId: territories[territory] }] },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const { documentId, slug } = res.body.data as { documentId: string; slug: string };
    await publish(uid, documentId);
    return { documentId, slug };
  }
  async function publish(uid: string, documentId: string) {
    const res = await admin.request('POST', `${CM}/${uid}/${documentId}/actions/publish?locale=it`, {});
    expect(res.status, JSON.stringify(res.body)).toBe(200);
  }
  async function rename(uid: string, documentId: string, slug: string) {
    const res = await admin.request('PUT', `${CM}/${uid}/${documentId}?locale=it`, { slug });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    await publish(uid, documentId);
  }
  const opportunity = (title: string, territory: string) =>
    create(
      OPP,
      {
        title,
        summary: 'Una voce del test degli indirizzi permanenti, con un riassunto abbastanza lungo.',
        kind: 'job',
      },
      territory,
    );

  beforeAll(async () => {
    cms = await startTestCms({ database, seedDemo: true });
    admin = await cms.admin();
    const list = await admin.request('GET', `${CM}/api::territory.territory?pageSize=100`);
    for (const t of list.body.results as Array<{ slug: string; documentId: string }>)
      territories[t.slug] = t.documentId;
  });

  afterAll(async () => {
    await closeStoredReads();
    await cms?.destroy();
  });

  it('remembers the demo content published at seeding: no redirects, nothing gone', async () => {
    const lecco = await addressesOf('lecco');
    expect(lecco).toEqual({ redirects: [], gone: [], formerSlugs: [], formerHostnames: [] });
    const [stored] = await queryStored<{ count: number | string }>(
      cms,
      `SELECT COUNT(*) AS count FROM sito_addresses WHERE uid = '${OPP}' AND withdrawn_at IS NULL`,
    );
    expect(Number(stored?.count)).toBeGreaterThan(10);
  });

  it('a slug renamed twice: both old addresses lead to the newest, on its hub only', async () => {
    const entry = await opportunity(`Rinominata ${run}`, 'lecco');
    await rename(OPP, entry.documentId, `${entry.slug}-bis`);
    await rename(OPP, entry.documentId, `${entry.slug}-ter`);
    // A draft edit of the slug is not published: it is no address yet.
    const draft = await admin.request('PUT', `${CM}/${OPP}/${entry.documentId}?locale=it`, {
      slug: `${entry.slug}-bozza`,
    });
    expect(draft.status).toBe(200);
    const lecco = await addressesOf('lecco');
    expect(lecco.redirects).toEqual([
      { from: `opportunita/${entry.slug}-bis/`, to: `opportunita/${entry.slug}-ter/` },
      { from: `opportunita/${entry.slug}/`, to: `opportunita/${entry.slug}-ter/` },
    ]);
    expect(lecco.gone).toEqual([]);
    expect((await addressesOf('crema')).redirects, 'not on another hub').toEqual([]);
    const stored = await queryStored<{ slug: string }>(
      cms,
      `SELECT slug FROM sito_addresses WHERE document_id = '${entry.documentId}' ORDER BY slug`,
    );
    expect(stored.map((row) => row.slug)).toEqual([entry.slug, `${entry.slug}-bis`, `${entry.slug}-ter`]);
  });

  it('unpublished and deleted entries are gone (410) with what they were; published again, they are back', async () => {
    const unpublished = await opportunity(`Ritirata ${run}`, 'crema');
    const deleted = await opportunity(`Eliminata ${run}`, 'crema');
    expect(
      (await admin.request('POST', `${CM}/${OPP}/${unpublished.documentId}/actions/unpublish?locale=it`, {})).status,
    ).toBe(200);
    expect((await admin.request('DELETE', `${CM}/${OPP}/${deleted.documentId}?locale=it`)).status).toBe(200);
    const crema = await addressesOf('crema');
    const gone = Object.fromEntries(crema.gone.map((entry) => [entry.path, entry]));
    expect(gone[`opportunita/${unpublished.slug}/`]).toMatchObject({
      locale: 'it',
      section: 'opportunities',
      title: `Ritirata ${run}`,
      kind: 'job',
    });
    expect(gone[`opportunita/${deleted.slug}/`]?.title).toBe(`Eliminata ${run}`);
    expect(Date.now() - Date.parse(gone[`opportunita/${deleted.slug}/`]!.withdrawnAt)).toBeLessThan(5 * 60_000);

    await publish(OPP, unpublished.documentId);
    const after = await addressesOf('crema');
    expect(after.gone.map((entry) => entry.path)).not.toContain(`opportunita/${unpublished.slug}/`);
    expect(after.gone.map((entry) => entry.path)).toContain(`opportunita/${deleted.slug}/`);
  });

  it("an old address another entry now uses is that entry's: neither redirected nor gone", async () => {
    const first = await opportunity(`Indirizzo riusato ${run}`, 'casalmaggiore');
    await rename(OPP, first.documentId, `${first.slug}-nuovo`);
    const second = await create(
      OPP,
      {
        title: `Altra voce ${run}`,
        slug: first.slug,
        summary: 'Una seconda voce che riprende il vecchio indirizzo della prima, come capita davvero.',
        kind: 'internship',
      },
      'casalmaggiore',
    );
    expect(second.slug).toBe(first.slug);
    const hub = await addressesOf('casalmaggiore');
    expect(hub.redirects.map((r) => r.from)).not.toContain(`opportunita/${first.slug}/`);
    expect(hub.gone.map((g) => g.path)).not.toContain(`opportunita/${first.slug}/`);
  });

  it('an entry moved to another territory: the hub it left leads to the hub that publishes it now', async () => {
    const entry = await opportunity(`Trasferita ${run}`, 'crema');
    const moveTo = async (territory: string) => {
      const res = await admin.request('PUT', `${CM}/${OPP}/${entry.documentId}?locale=it`, {
        territory: { connect: [{ documentId: territories[territory] }] },
      });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      await publish(OPP, entry.documentId);
    };
    const path = `opportunita/${entry.slug}/`;
    const about = (book: HubAddresses) => ({
      redirects: book.redirects.filter((r) => r.from.includes(entry.slug)),
      gone: book.gone.filter((g) => g.path.includes(entry.slug)),
    });

    await moveTo('lecco');
    expect(about(await addressesOf('crema'))).toEqual({
      redirects: [{ from: path, to: path, hub: 'lecco' }],
      gone: [],
    });
    expect(about(await addressesOf('lecco')), 'its own page on the hub it moved to').toEqual({
      redirects: [],
      gone: [],
    });
    expect(about(await addressesOf('casalmaggiore')), 'never on this hub').toEqual({ redirects: [], gone: [] });

    // Renamed where it is now: the first hub's old address leads to the newest, in one step.
    await rename(OPP, entry.documentId, `${entry.slug}-lecco`);
    expect(about(await addressesOf('crema')).redirects).toEqual([
      { from: path, to: `opportunita/${entry.slug}-lecco/`, hub: 'lecco' },
    ]);
    expect(about(await addressesOf('lecco')).redirects).toEqual([
      { from: path, to: `opportunita/${entry.slug}-lecco/` },
    ]);

    // Back home: its first hub leads to its current address, the hub it left to the first one.
    await moveTo('crema');
    expect(about(await addressesOf('crema')).redirects).toEqual([
      { from: path, to: `opportunita/${entry.slug}-lecco/` },
    ]);
    expect(about(await addressesOf('lecco')).redirects).toEqual([
      { from: `opportunita/${entry.slug}-lecco/`, to: `opportunita/${entry.slug}-lecco/`, hub: 'crema' },
      { from: path, to: `opportunita/${entry.slug}-lecco/`, hub: 'crema' },
    ]);
    const stored = await queryStored<{ slug: string; territory: string; former_territories: string }>(
      cms,
      `SELECT slug, territory, former_territories FROM sito_addresses WHERE document_id = '${entry.documentId}' ORDER BY slug`,
    );
    expect(stored.map((row) => [row.slug, row.territory, JSON.parse(row.former_territories)])).toEqual([
      [entry.slug, territories.crema, [territories.lecco]],
      [`${entry.slug}-lecco`, territories.crema, [territories.lecco]],
    ]);

    // Withdrawn: gone on both hubs that published it.
    expect(
      (await admin.request('POST', `${CM}/${OPP}/${entry.documentId}/actions/unpublish?locale=it`, {})).status,
    ).toBe(200);
    for (const hub of ['crema', 'lecco'])
      expect(
        about(await addressesOf(hub)).gone.map((g) => g.path),
        hub,
      ).toEqual([`opportunita/${entry.slug}-lecco/`, path]);
  });

  it('a regional entry made local: every other hub leads to the hub of its territory', async () => {
    const entry = await opportunity(`Regionale poi locale ${run}`, 'crema');
    const regional = async (value: boolean) => {
      const res = await admin.request('PUT', `${CM}/${OPP}/${entry.documentId}?locale=it`, {
        regional: value,
        // A regional entry belongs to no territory.
        territory: value ? null : { connect: [{ documentId: territories.crema }] },
      });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      await publish(OPP, entry.documentId);
    };
    const path = `opportunita/${entry.slug}/`;
    await regional(true);
    expect((await addressesOf('lecco')).redirects.filter((r) => r.from === path)).toEqual([]);
    await regional(false);
    expect((await addressesOf('lecco')).redirects.filter((r) => r.from === path)).toEqual([
      { from: path, to: path, hub: 'crema' },
    ]);
    expect((await addressesOf('crema')).redirects.filter((r) => r.from === path)).toEqual([]);
  });

  it("a territory's former hostnames are remembered for its hub, never one another hub has now", async () => {
    const TERRITORY = 'api::territory.territory';
    const setHostname = async (territory: string, hostname: string | null) => {
      const id = territories[territory];
      const res = await admin.request('PUT', `${CM}/${TERRITORY}/${id}`, { hostname });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      const published = await admin.request('POST', `${CM}/${TERRITORY}/${id}/actions/publish`, {});
      expect(published.status, JSON.stringify(published.body)).toBe(200);
    };
    // This test's hostnames only (the demo territory had one of its own, now a former one too).
    const history = async (hub: string) => {
      const { formerHostnames, formerSlugs } = await addressesOf(hub);
      return { formerHostnames: formerHostnames?.filter((hostname) => hostname.includes(run)), formerSlugs };
    };
    await setHostname('casalmaggiore', `giovani-${run}.casalmaggiore.example`);
    expect((await history('casalmaggiore')).formerHostnames).toEqual([]);
    await setHostname('casalmaggiore', `informagiovani-${run}.casalmaggiore.example`);
    expect(await history('casalmaggiore')).toEqual({
      formerHostnames: [`giovani-${run}.casalmaggiore.example`],
      formerSlugs: [],
    });
    // Removed: the hostname it had leads to its site on the network's host.
    await setHostname('casalmaggiore', null);
    expect((await history('casalmaggiore')).formerHostnames).toEqual([
      `giovani-${run}.casalmaggiore.example`,
      `informagiovani-${run}.casalmaggiore.example`,
    ]);
    // Given to another hub: it is that hub's now, not a former one of anybody's.
    await setHostname('lecco', `giovani-${run}.casalmaggiore.example`);
    expect((await history('casalmaggiore')).formerHostnames).toEqual([`informagiovani-${run}.casalmaggiore.example`]);
    expect((await history('lecco')).formerHostnames).toEqual([]);
    const stored = await queryStored<{ hostname: string; territory: string }>(
      cms,
      `SELECT hostname, territory FROM sito_hostnames WHERE hostname LIKE '%${run}%' ORDER BY hostname`,
    );
    expect(stored).toEqual([
      { hostname: `giovani-${run}.casalmaggiore.example`, territory: territories.lecco },
      { hostname: `informagiovani-${run}.casalmaggiore.example`, territory: territories.casalmaggiore },
    ]);
    await setHostname('lecco', null);
  });

  it("a withdrawn question's words are not kept: they may name who asked", async () => {
    const question = await create(
      QUESTION,
      {
        question: `Mi chiamo Maria Rossi e vorrei sapere come fare il servizio civile ${run}?`,
        answer: [
          { type: 'paragraph', children: [{ type: 'text', text: 'Si presenta domanda sul sito del Dipartimento.' }] },
        ],
        answeredOn: '2026-11-30',
      },
      'crema',
    );
    expect(
      (await admin.request('POST', `${CM}/${QUESTION}/${question.documentId}/actions/unpublish?locale=it`, {})).status,
    ).toBe(200);
    const gone = (await addressesOf('crema')).gone.find((g) => g.path === `esperto-risponde/${question.slug}/`);
    expect(gone).toMatchObject({ section: 'questions', title: '' });
    const stored = await queryStored<{ title: string }>(
      cms,
      `SELECT title FROM sito_addresses WHERE document_id = '${question.documentId}'`,
    );
    expect(stored.length).toBeGreaterThan(0);
    expect(
      stored.every((row) => row.title === ''),
      'no question text stored',
    ).toBe(true);
  });

  it('answers only the builder, for published hubs, by their exact slug', async () => {
    expect((await addresses('lecco', null)).status, 'no token').toBe(403);
    expect((await addresses('lecco', 'not-a-token')).status, 'a wrong token').toBe(401);
    for (const hub of ['LECCO', 'lecco%2F', 'nessuno', '..%2Flecco', 'lecco%20'])
      expect((await addresses(hub)).status, hub).toBe(404);
    const unknown = await addresses('nessuno');
    expect((unknown.body as { error: { message: string } }).error.message).toBe(
      'No published hub has the slug "nessuno".',
    );
  });
});
