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
import {
  closeStoredReads,
  ownershipSnapshot,
  queryStored,
  snapshotDiff,
  type StoredType,
} from '../helpers/stored-state.ts';

/**
 * The attack matrix: the operator of Crema tries every action the admin API offers, in every
 * relation syntax Strapi accepts and every path spelling its router matches, against Cremona's
 * entries, regional entries and the territory records. After every attempt the test reads the
 * database itself (not the API's answer) and asserts that no entry of any type changed owner,
 * became regional, appeared in another territory or vanished, and that no answer was a 5xx.
 */

const TYPES: Array<StoredType & { data: (title: string) => Record<string, unknown>; label: string }> = [
  {
    uid: 'api::opportunity.opportunity',
    table: 'opportunities',
    column: 'opportunity_id',
    label: 'title',
    data: (title) => ({ title, summary: 'Una voce di prova per la matrice degli attacchi.', kind: 'job' }),
  },
  {
    uid: 'api::event.event',
    table: 'events',
    column: 'event_id',
    label: 'title',
    data: (title) => ({
      title,
      summary: 'Un evento di prova per la matrice degli attacchi.',
      kind: 'workshop',
      startsAt: '2027-02-10T09:00:00.000Z',
      endsAt: '2027-02-10T12:00:00.000Z',
    }),
  },
  {
    uid: 'api::news.news',
    table: 'news_items',
    column: 'news_id',
    label: 'title',
    data: (title) => ({ title, summary: 'Una notizia di prova.', date: '2026-11-20' }),
  },
  {
    uid: 'api::tutorial.tutorial',
    table: 'tutorials',
    column: 'tutorial_id',
    label: 'title',
    data: (title) => ({ title, summary: 'Una guida di prova.' }),
  },
  {
    uid: 'api::profession.profession',
    table: 'professions',
    column: 'profession_id',
    label: 'name',
    data: (name) => ({ name, sector: 'Servizi alla persona', demand: 'stable' }),
  },
  {
    uid: 'api::question.question',
    table: 'questions',
    column: 'question_id',
    label: 'question',
    data: (question) => ({ question: `${question}?`, answeredOn: '2026-11-20' }),
  },
  {
    uid: 'api::operator-resource.operator-resource',
    table: 'operator_resources',
    column: 'operator_resource_id',
    label: 'title',
    data: (title) => ({ title, summary: 'Una risorsa di prova.', kind: 'tool' }),
  },
  {
    uid: 'api::project.project',
    table: 'projects',
    column: 'project_id',
    label: 'title',
    data: (title) => ({ title, summary: 'Un progetto di prova per la matrice.', startDate: '2027-01-10' }),
  },
  {
    uid: 'api::useful-link.useful-link',
    table: 'useful_links',
    column: 'useful_link_id',
    label: 'title',
    data: (title) => ({ title, url: 'https://eures.europa.eu', description: 'Un sito utile di prova.' }),
  },
  {
    uid: 'api::reading.reading',
    table: 'readings',
    column: 'reading_id',
    label: 'title',
    data: (title) => ({ title, authors: 'Autrice di prova', note: 'Una voce di bibliografia di prova.' }),
  },
];
const TERRITORY = 'api::territory.territory';

/** The path spellings Strapi's router matches for one content-manager path. */
const allSpellings = (pathname: string) => [
  pathname,
  pathname.replace('/content-manager/collection-types/', '/Content-Manager/Collection-Types/'),
  pathname.includes('?') ? pathname.replace('?', '/?') : `${pathname}/`,
];

/**
 * The spellings tried for one type: every one for opportunities, one in turn for each other type
 * (the router sends them all to the same handler, and the guards do not read the path at all), so
 * every action is tried in every spelling without trying every type in every one.
 */
const spellingsFor = (typeIndex: number) => (pathname: string) =>
  typeIndex === 0 ? allSpellings(pathname) : [allSpellings(pathname)[typeIndex % 3]!];

// Some two thousand requests, each followed by a read of the database: minutes, not seconds.
const LONG = { timeout: 600_000 };

describe.each(databasesUnderTest())('attack matrix on %s', (database) => {
  let cms: TestCms;
  let root: AdminClient;
  let crema: AdminClient;
  const territory: Record<'cremona' | 'crema' | 'soresina', string> = { cremona: '', crema: '', soresina: '' };
  let territoryRowId = { cremona: 0 };
  const victims = new Map<string, { published: string; draft: string; regional: string; own: string }>();
  let attempts = 0;
  let refusedCount = 0;
  let baseline: Map<string, string>;

  const CM = (uid: string) => `/content-manager/collection-types/${uid}`;

  /** One hostile request: never a 5xx, and the stored ownership of every entry is as before. */
  async function attempt(what: string, method: string, pathname: string, body?: unknown) {
    const response = await crema.request(method, pathname, body);
    attempts += 1;
    if (response.status >= 400) refusedCount += 1;
    expect(response.status, `${what}: ${method} ${pathname} → ${JSON.stringify(response.body)}`).toBeLessThan(500);
    const after = await ownershipSnapshot(cms, TYPES);
    expect(snapshotDiff(baseline, after), `${what}: ${method} ${pathname} changed stored ownership`).toEqual([]);
    return response;
  }

  beforeAll(async () => {
    cms = await startTestCms({ database });
    root = await cms.admin();
    territory.cremona = await createEntry(
      root,
      TERRITORY,
      { name: 'Informagiovani Cremona', shortName: 'Cremona', slug: 'cremona' },
      true,
    );
    territory.crema = await createEntry(
      root,
      TERRITORY,
      { name: 'Informagiovani Crema', shortName: 'Crema', slug: 'crema' },
      true,
    );
    territory.soresina = await createEntry(
      root,
      TERRITORY,
      {
        name: 'Informagiovani Soresina',
        shortName: 'Soresina',
        slug: 'soresina',
        kind: 'antenna',
        parent: { connect: [{ documentId: territory.cremona }] },
      },
      true,
    );
    await cms.restart();
    root = await cms.admin();
    crema = await loginAdmin(cms.url, 'operatore.crema@sitogiovani.test', DEV_ADMIN.password);
    for (const type of TYPES) {
      const inCremona = { territory: { connect: [{ documentId: territory.cremona }] } };
      victims.set(type.uid, {
        published: await createEntry(
          root,
          type.uid,
          { ...type.data(`Pubblicata di Cremona ${type.table}`), ...inCremona },
          true,
        ),
        draft: await createEntry(
          root,
          type.uid,
          { ...type.data(`Bozza di Cremona ${type.table}`), ...inCremona },
          false,
        ),
        regional: await createEntry(root, type.uid, { ...type.data(`Regionale ${type.table}`), regional: true }, true),
        own: await createEntry(
          crema,
          type.uid,
          { ...type.data(`Di Crema ${type.table}`), territory: { connect: [{ documentId: territory.crema }] } },
          true,
        ),
      });
    }
    const [row] = await queryStored<{ id: number }>(
      cms,
      `SELECT id FROM territories WHERE document_id = '${territory.cremona}' AND published_at IS NOT NULL`,
    );
    territoryRowId = { cremona: Number(row!.id) };
    baseline = await ownershipSnapshot(cms, TYPES);
  });

  afterAll(async () => {
    console.log(
      `[attack matrix on ${database}] ${attempts} hostile requests, ${refusedCount} refused, the rest changed nothing stored`,
    );
    await closeStoredReads();
    await cms?.destroy();
  });

  it(
    "never lets the operator read, change, publish, clone, translate or delete another territory's or a regional entry",
    LONG,
    async () => {
      for (const [typeIndex, type] of TYPES.entries()) {
        const spellings = spellingsFor(typeIndex);
        const { published, draft, regional, own } = victims.get(type.uid)!;
        for (const id of [published, draft]) {
          for (const pathname of spellings(`${CM(type.uid)}/${id}?locale=it`)) {
            const read = await attempt(`read ${type.table}`, 'GET', pathname);
            expect(read.status, `read ${pathname}`).toBe(404);
            expect(JSON.stringify(read.body)).not.toContain('di Cremona');
          }
        }
        for (const id of [published, draft, regional]) {
          for (const pathname of spellings(`${CM(type.uid)}/${id}?locale=it`)) {
            await attempt(`update ${type.table}`, 'PUT', pathname, type.data('Modificata da Crema'));
            await attempt(`delete ${type.table}`, 'DELETE', pathname);
          }
          for (const action of ['publish', 'unpublish', 'discard']) {
            for (const pathname of spellings(`${CM(type.uid)}/${id}/actions/${action}?locale=it`))
              await attempt(`${action} ${type.table}`, 'POST', pathname, {});
          }
          for (const pathname of spellings(`${CM(type.uid)}/clone/${id}?locale=it`))
            await attempt(`clone ${type.table}`, 'POST', pathname, type.data('Clonata da Crema'));
          await attempt(`auto-clone ${type.table}`, 'POST', `${CM(type.uid)}/auto-clone/${id}?locale=it`, {});
          // A new localisation of another territory's entry.
          await attempt(`translate ${type.table}`, 'PUT', `${CM(type.uid)}/${id}?locale=en`, type.data('Translated'));
        }
        for (const action of ['bulkFindForValidation', 'countManyEntriesDraftRelations']) {
          const query = [own, published, draft, regional].map((id) => `documentIds[]=${id}`).join('&');
          const read = await attempt(
            `${action} ${type.table}`,
            'GET',
            `${CM(type.uid)}/actions/${action}?${query}&locale=it`,
          );
          expect(JSON.stringify(read.body), action).not.toContain('di Cremona');
        }
        for (const action of ['bulkDelete', 'bulkPublish', 'bulkUnpublish'])
          for (const pathname of spellings(`${CM(type.uid)}/actions/${action}?locale=it`))
            await attempt(`${action} ${type.table}`, 'POST', pathname, {
              documentIds: [own, published, draft, regional],
            });
      }
      // The victims are all still there, in every version they had.
      const after = await ownershipSnapshot(cms, TYPES);
      for (const type of TYPES) {
        const { published, draft, regional } = victims.get(type.uid)!;
        expect(after.get(`${type.uid}|${published}|it|published`)).toBe(`${territory.cremona}|false`);
        expect(after.get(`${type.uid}|${draft}|it|draft`)).toBe(`${territory.cremona}|false`);
        expect(after.get(`${type.uid}|${draft}|it|published`)).toBeUndefined();
        expect(after.get(`${type.uid}|${regional}|it|published`)).toBe('-|true');
      }
    },
  );

  /** Every way Strapi accepts of pointing a relation at Cremona, and of making an entry regional. */
  const hostileBodies = () => {
    const cremona = territory.cremona;
    const row = territoryRowId.cremona;
    return [
      ['connect as list', { territory: { connect: [{ documentId: cremona }] } }],
      ['connect as object', { territory: { connect: { documentId: cremona } } }],
      ['connect as bare documentId', { territory: { connect: cremona } }],
      ['connect as list of documentIds', { territory: { connect: [cremona] } }],
      ['connect as row id', { territory: { connect: [{ id: row }] } }],
      ['connect as bare row id', { territory: { connect: row } }],
      ['set as list', { territory: { set: [{ documentId: cremona }] } }],
      ['set as object', { territory: { set: { documentId: cremona } } }],
      ['set as bare documentId', { territory: { set: cremona } }],
      ['set as null', { territory: { set: null } }],
      ['disconnect own', { territory: { disconnect: [{ documentId: territory.crema }] } }],
      ['disconnect as object', { territory: { disconnect: { documentId: territory.crema } } }],
      ['relation as documentId', { territory: cremona }],
      ['relation as object', { territory: { documentId: cremona } }],
      ['relation as list', { territory: [cremona] }],
      ['relation as row id', { territory: row }],
      ['relation as null', { territory: null }],
      ['regional true', { regional: true }],
      ['regional "true"', { regional: 'true' }],
      ['regional 1', { regional: 1 }],
      ['regional "1"', { regional: '1' }],
      ['regional "true" without territory', { regional: 'true', territory: null }],
    ] as Array<[string, Record<string, unknown>]>;
  };

  it(
    'never lets the operator move, clone or create an entry into another territory or into regional, in any syntax',
    LONG,
    async () => {
      const forms = hostileBodies();
      // Clone, create and translate go through the same stored check as update: every form for
      // opportunities, and for each other type a window of forms that moves on with the type, so
      // that each form meets each of these actions on some type.
      const window = Math.ceil(forms.length / (TYPES.length - 1));
      for (const [typeIndex, type] of TYPES.entries()) {
        const { own } = victims.get(type.uid)!;
        for (const [index, [form, body]] of forms.entries()) {
          const data = { ...type.data(`Attacco ${form}`), ...body };
          // Each form in one of the path spellings, in turn: the guard does not read the path at all.
          const pathname = allSpellings(`${CM(type.uid)}/${own}?locale=it`)[index % 3]!;
          await attempt(`update ${type.table} (${form})`, 'PUT', pathname, body);
          if (typeIndex > 0 && Math.floor(index / window) !== typeIndex - 1) continue;
          await attempt(`clone ${type.table} (${form})`, 'POST', `${CM(type.uid)}/clone/${own}?locale=it`, data);
          await attempt(`create ${type.table} (${form})`, 'POST', `${CM(type.uid)}?locale=it`, data);
          await attempt(
            `create and publish ${type.table} (${form})`,
            'POST',
            `${CM(type.uid)}/actions/publish?locale=it`,
            data,
          );
          await attempt(`translate ${type.table} (${form})`, 'PUT', `${CM(type.uid)}/${own}?locale=en`, data);
        }
        // Whatever the draft holds after all of them goes live, and must still be Crema's.
        await attempt(
          `publish ${type.table} after the attempts`,
          'POST',
          `${CM(type.uid)}/${own}/actions/publish?locale=it`,
          {},
        );
      }
    },
  );

  it(
    "never lets the operator take entries or antennas through their territory's reverse relations, or change what they may not",
    LONG,
    async () => {
      const opportunity = victims.get('api::opportunity.opportunity')!;
      const reserved = async () =>
        queryStored<Record<string, unknown>>(
          cms,
          `SELECT name, slug, kind, hostname, deploy_hook_url, deploy_hook_secret,
                CASE WHEN published_at IS NULL THEN 0 ELSE 1 END AS published
           FROM territories WHERE document_id = '${territory.crema}' ORDER BY published`,
        );
      const links = async () =>
        queryStored(
          cms,
          `SELECT COUNT(*) AS n FROM territories_parent_lnk l JOIN territories t ON t.id = l.inv_territory_id
          WHERE t.document_id = '${territory.crema}'`,
        );
      const operatorLinks = async () =>
        queryStored(
          cms,
          `SELECT COUNT(*) AS n FROM territories_operators_lnk l JOIN territories t ON t.id = l.territory_id
          WHERE t.document_id = '${territory.crema}'`,
        );
      const before = { reserved: await reserved(), antennas: await links(), operators: await operatorLinks() };
      const ids = [opportunity.published, opportunity.draft, opportunity.regional];
      const bodies: Array<[string, Record<string, unknown>]> = [
        ...ids.flatMap((id): Array<[string, Record<string, unknown>]> => [
          ['opportunities connect list', { opportunities: { connect: [{ documentId: id }] } }],
          ['opportunities connect object', { opportunities: { connect: { documentId: id } } }],
          ['opportunities connect bare id', { opportunities: { connect: id } }],
          ['opportunities set list', { opportunities: { set: [{ documentId: id }] } }],
          ['opportunities set object', { opportunities: { set: { documentId: id } } }],
          ['opportunities as list', { opportunities: [id] }],
        ]),
        ['opportunities set null', { opportunities: { set: null } }],
        ['opportunities disconnect own', { opportunities: { disconnect: [{ documentId: opportunity.own }] } }],
        ['antennas connect list', { antennas: { connect: [{ documentId: territory.soresina }] } }],
        ['antennas connect object', { antennas: { connect: { documentId: territory.soresina } } }],
        ['antennas set bare id', { antennas: { set: territory.soresina } }],
        ['antennas as list', { antennas: [territory.soresina] }],
        ['parent', { parent: { connect: [{ documentId: territory.cremona }] } }],
        ['parent as id', { parent: territory.cremona }],
        ['operators', { operators: { connect: [{ id: 1 }] } }],
        ['operators set empty', { operators: { set: [] } }],
        ['kind', { kind: 'antenna' }],
        ['hostname', { hostname: 'evil.example' }],
        ['open-data publisher', { owner: 'Comune di Bergamo', ipaCode: 'c_a794' }],
        ['name and slug', { name: 'Informagiovani Cremona 2', slug: 'cremona-2' }],
        ['deploy hook', { deployHookUrl: 'https://10.0.0.1/hook', deployHookSecret: `whsec_${'A'.repeat(44)}` }],
      ];
      for (const [form, body] of bodies) {
        for (const pathname of allSpellings(`${CM(TERRITORY)}/${territory.crema}`)) {
          await attempt(`territory ${form}`, 'PUT', pathname, body);
          await attempt(
            `territory publish after ${form}`,
            'POST',
            `${CM(TERRITORY)}/${territory.crema}/actions/publish`,
            {},
          );
        }
      }
      // Another territory's record, and creating or deleting one, are out of reach altogether.
      await attempt('edit Cremona', 'PUT', `${CM(TERRITORY)}/${territory.cremona}`, { tagline: 'Scritta da Crema' });
      await attempt('delete Crema', 'DELETE', `${CM(TERRITORY)}/${territory.crema}`);
      await attempt('create a territory', 'POST', CM(TERRITORY), { name: 'Nuovo', shortName: 'Nuovo', slug: 'nuovo' });
      expect(await reserved()).toEqual(before.reserved);
      expect(await links()).toEqual(before.antennas);
      expect(await operatorLinks()).toEqual(before.operators);
      const [count] = await queryStored<{ n: number | string }>(
        cms,
        'SELECT COUNT(DISTINCT document_id) AS n FROM territories',
      );
      expect(Number(count!.n)).toBe(3);

      // What the operator may change still works: the office's own texts.
      const tagline = await crema.request('PUT', `${CM(TERRITORY)}/${territory.crema}`, {
        tagline: 'Orientagiovani Crema',
      });
      expect(tagline.status, JSON.stringify(tagline.body)).toBe(200);
      const published = await crema.request('POST', `${CM(TERRITORY)}/${territory.crema}/actions/publish`, {});
      expect(published.status, JSON.stringify(published.body)).toBe(200);
      const stored = await queryStored<{ tagline: string }>(
        cms,
        `SELECT tagline FROM territories WHERE document_id = '${territory.crema}' AND published_at IS NOT NULL`,
      );
      expect(stored[0]!.tagline).toBe('Orientagiovani Crema');
    },
  );
});
