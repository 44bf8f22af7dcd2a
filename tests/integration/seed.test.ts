import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, romeDate } from '@sito/shared';
import { DatabaseSync } from 'node:sqlite';
import pg from 'pg';
import { databasesUnderTest, startTestCms, type TestCms } from '../helpers/test-cms.ts';

const TYPES = [
  'opportunities',
  'tutorials',
  'professions',
  'events',
  'questions',
  'operator-resources',
  'news-items',
  'projects',
  'useful-links',
  'readings',
];
const SEED_FILE: Record<string, string> = { 'news-items': 'news.json' };

/** The entries of a type's seed file that carry an English translation. */
const translatedInSeed = (type: string) =>
  (
    JSON.parse(
      fs.readFileSync(
        path.resolve(import.meta.dirname, `../../cms/seed/demo/${SEED_FILE[type] ?? `${type}.json`}`),
        'utf8',
      ),
    ) as Array<{ slug: string; localizations?: { en?: { slug: string } } }>
  ).filter((entry) => entry.localizations?.en);

/** The demo content: loaded through the Document Service, idempotent, restorable from scratch. */
describe.each(databasesUnderTest())('the demo seed on %s', (database) => {
  let cms: TestCms;

  const total = async (type: string, query = '') => {
    const response = await fetch(`${cms.url}/api/${type}?pagination[pageSize]=1${query}`);
    expect(response.status, type).toBe(200);
    return (await response.json()).meta.pagination.total as number;
  };
  /** Published entries per type, in Italian and in English. */
  const counts = async (): Promise<Record<string, number>> =>
    Object.fromEntries(
      await Promise.all(
        TYPES.flatMap((type) => [
          (async () => [type, await total(type)] as const)(),
          (async () => [`${type} (en)`, await total(type, '&locale=en')] as const)(),
        ]),
      ),
    );
  const seedLines = () =>
    fs
      .readFileSync(cms.logFile, 'utf8')
      .split('\n')
      .filter((line) => line.includes('[sito] seed'));

  beforeAll(async () => {
    cms = await startTestCms({ database, seedDemo: true });
  });
  afterAll(async () => {
    await cms?.destroy();
  });

  it('publishes at least 150 entries across every type, for four territories and the region', async () => {
    const byType = await counts();
    for (const type of TYPES) expect(byType[type], type).toBeGreaterThan(0);
    expect(Object.values(byType).reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(150);
    for (const slug of ['cremona', 'crema', 'casalmaggiore', 'lecco']) {
      expect(await total('opportunities', `&filters[territory][slug][$eq]=${slug}`), slug).toBeGreaterThan(0);
    }
    expect(await total('opportunities', '&filters[regional][$eq]=true')).toBeGreaterThan(0);
  });

  it('indexes the columns the lists sort by (deadline, start, answer date, news date)', async () => {
    let names: string[];
    if (cms.database.kind === 'sqlite') {
      const db = new DatabaseSync(cms.database.env.DATABASE_FILENAME!, { readOnly: true });
      names = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'index'").all() as Array<{ name: string }>).map(
        (row) => row.name,
      );
      db.close();
    } else {
      const client = new pg.Client({ connectionString: cms.database.env.DATABASE_URL });
      await client.connect();
      names = (await client.query<{ indexname: string }>('SELECT indexname FROM pg_indexes')).rows.map(
        (row) => row.indexname,
      );
      await client.end();
    }
    expect(names).toEqual(
      expect.arrayContaining([
        'sito_opportunities_deadline_idx',
        'sito_events_starts_at_idx',
        'sito_questions_answered_on_idx',
        'sito_news_items_date_idx',
      ]),
    );
  });

  it("answers the builder's change listing in one request, the same entries as the REST API, and checks its query", async () => {
    const token = { Authorization: `Bearer ${cms.builderToken()}` };
    const hub = 'filters[$or][0][territory][slug][$eq]=cremona&filters[$or][1][regional][$eq]=true&locale=it';
    const response = await fetch(`${cms.url}/api/sito/listing/opportunities?${hub}`, { headers: token });
    expect(response.status).toBe(200);
    const listing = (await response.json()) as { data: Array<{ documentId: string; updatedAt: string }> };
    // The REST API, 100 full entries a request (its maximum: it no longer gives 1,000).
    const rest: Array<{ documentId: string; updatedAt: string }> = [];
    for (let page = 1; ; page += 1) {
      const body = (await (
        await fetch(`${cms.url}/api/opportunities?${hub}&pagination[pageSize]=1000&pagination[page]=${page}`, {
          headers: token,
        })
      ).json()) as { data: typeof rest; meta: { pagination: { pageSize: number; pageCount: number } } };
      expect(body.meta.pagination.pageSize).toBe(100);
      rest.push(...body.data.map(({ documentId, updatedAt }) => ({ documentId, updatedAt })));
      if (page >= body.meta.pagination.pageCount) break;
    }
    const byId = (a: { documentId: string }, b: { documentId: string }) => a.documentId.localeCompare(b.documentId);
    expect(rest.length).toBeGreaterThan(0);
    expect(listing.data.sort(byId)).toEqual(rest.sort(byId));

    const refused = async (query: string) => {
      const answer = await fetch(`${cms.url}/api/sito/listing/opportunities?${query}`, { headers: token });
      return {
        status: answer.status,
        message: ((await answer.json()) as { error: { message: string } }).error.message,
      };
    };
    await expect(refused(`${hub}&sort=deadline:asc`)).resolves.toEqual({
      status: 400,
      message: 'Invalid parameter(s) sort: the listing takes filters and locale.',
    });
    // Private fields cannot be filtered on, as in the REST API.
    await expect(refused('filters[territory][deployHookSecret][$startsWith]=a')).resolves.toMatchObject({
      status: 400,
      message: expect.stringContaining('deployHookSecret'),
    });
    const anonymous = await fetch(`${cms.url}/api/sito/listing/opportunities?${hub}`, {
      headers: { Authorization: 'Bearer not-a-token' },
    });
    expect(anonymous.status).toBe(401);
  });

  it('dates the content relative to today: some expired, some closing this week, events past and upcoming', async () => {
    const today = romeDate();
    expect(await total('opportunities', `&filters[deadline][$lt]=${today}`)).toBeGreaterThan(0);
    expect(
      await total('opportunities', `&filters[deadline][$gte]=${today}&filters[deadline][$lte]=${addDays(today, 7)}`),
    ).toBeGreaterThan(0);
    const now = new Date().toISOString();
    expect(await total('events', `&filters[startsAt][$lt]=${now}`)).toBeGreaterThan(0);
    expect(await total('events', `&filters[startsAt][$gt]=${now}`)).toBeGreaterThan(0);
  });

  it('relates each project to the events and opportunities its seed names, and dates its period from today', async () => {
    const seeded = JSON.parse(
      fs.readFileSync(path.resolve(import.meta.dirname, '../../cms/seed/demo/projects.json'), 'utf8'),
    ) as Array<{
      slug: string;
      startDateInDays: number;
      endDateInDays: number | null;
      relatedEvents: string[];
      relatedOpportunities: string[];
    }>;
    const response = await fetch(
      `${cms.url}/api/projects?pagination[pageSize]=100&populate[relatedEvents][fields][0]=slug&populate[relatedOpportunities][fields][0]=slug&populate[partners]=true`,
    );
    const projects = (await response.json()).data as Array<{
      slug: string;
      startDate: string;
      endDate: string | null;
      partners: Array<{ name: string }>;
      relatedEvents: Array<{ slug: string }>;
      relatedOpportunities: Array<{ slug: string }>;
    }>;
    expect(projects.map((p) => p.slug).sort()).toEqual(seeded.map((p) => p.slug).sort());
    const today = romeDate();
    const slugs = (list: Array<{ slug: string }>) => list.map((entry) => entry.slug).sort();
    for (const seed of seeded) {
      const project = projects.find((p) => p.slug === seed.slug)!;
      expect(slugs(project.relatedEvents), seed.slug).toEqual([...seed.relatedEvents].sort());
      expect(slugs(project.relatedOpportunities), seed.slug).toEqual([...seed.relatedOpportunities].sort());
      expect(project.startDate, seed.slug).toBe(addDays(today, seed.startDateInDays));
      expect(project.endDate, seed.slug).toBe(seed.endDateInDays === null ? null : addDays(today, seed.endDateInDays));
      expect(project.partners.length, seed.slug).toBeGreaterThan(0);
    }
    // Some still running, at least one concluded: the hubs list them apart.
    expect(projects.some((p) => p.endDate !== null && p.endDate < today)).toBe(true);
    expect(projects.some((p) => p.endDate === null || p.endDate >= today)).toBe(true);
  });

  it('gives every profession at least two testimonials and every territory a contact point with opening hours', async () => {
    const professions = await (
      await fetch(`${cms.url}/api/professions?pagination[pageSize]=100&populate[testimonials]=true`)
    ).json();
    for (const profession of professions.data)
      expect(profession.testimonials.length, profession.slug).toBeGreaterThanOrEqual(2);
    const territories = await (
      await fetch(
        `${cms.url}/api/territories?pagination[pageSize]=100&populate[contactPoints][populate][openingHours]=true`,
      )
    ).json();
    for (const territory of territories.data) {
      expect(territory.contactPoints.length, territory.slug).toBeGreaterThan(0);
      expect(territory.contactPoints[0].openingHours.length, territory.slug).toBeGreaterThan(0);
    }
  });

  it('files every useful link and reading under its section, with its owner, as the seed names them', async () => {
    for (const type of ['useful-links', 'readings']) {
      const seeded = JSON.parse(
        fs.readFileSync(path.resolve(import.meta.dirname, `../../cms/seed/demo/${type}.json`), 'utf8'),
      ) as Array<{
        slug: string;
        url: string | null;
        territory: string | null;
        regional: boolean;
        thematicArea: string;
      }>;
      const body = (await (
        await fetch(
          `${cms.url}/api/${type}?pagination[pageSize]=100&populate[territory][fields][0]=slug&populate[thematicArea][fields][0]=slug`,
        )
      ).json()) as {
        data: Array<{
          slug: string;
          url: string | null;
          regional: boolean;
          territory: { slug: string } | null;
          thematicArea: { slug: string } | null;
        }>;
      };
      const published = new Map(body.data.map((entry) => [entry.slug, entry]));
      expect([...published.keys()].sort(), type).toEqual(seeded.map((entry) => entry.slug).sort());
      for (const entry of seeded) {
        const stored = published.get(entry.slug)!;
        expect(stored.thematicArea?.slug, entry.slug).toBe(entry.thematicArea);
        expect(stored.territory?.slug ?? null, entry.slug).toBe(entry.territory);
        expect(stored.regional, entry.slug).toBe(entry.regional);
        expect(stored.url, entry.slug).toBe(entry.url);
      }
    }
    // The section «Siti utili» has links of the region and of more than one territory.
    const links = await total('useful-links', '&filters[thematicArea][slug][$eq]=siti-utili');
    const regional = await total(
      'useful-links',
      '&filters[thematicArea][slug][$eq]=siti-utili&filters[regional][$eq]=true',
    );
    expect(regional).toBeGreaterThan(0);
    expect(links - regional).toBeGreaterThan(1);
    expect(await total('readings', '&filters[thematicArea][slug][$eq]=bibliografia')).toBeGreaterThanOrEqual(5);
  });

  it('translates a handful of entries into English: the same document, its own slug, the same owner and dates', async () => {
    const byType = await counts();
    for (const type of TYPES) expect(byType[`${type} (en)`], type).toBe(translatedInSeed(type).length);
    expect(TYPES.filter((type) => translatedInSeed(type).length > 0).length).toBeGreaterThanOrEqual(5);

    const [seeded] = translatedInSeed('opportunities');
    const fetchOne = async (slug: string, locale: string) => {
      const response = await fetch(
        `${cms.url}/api/opportunities?locale=${locale}&filters[slug][$eq]=${slug}&populate[territory][fields][0]=slug&populate[thematicAreas][fields][0]=name`,
      );
      return (await response.json()).data[0];
    };
    const italian = await fetchOne(seeded!.slug, 'it');
    const english = await fetchOne(seeded!.localizations!.en!.slug, 'en');
    expect(english.documentId).toBe(italian.documentId);
    expect(english.locale).toBe('en');
    expect(english.title).not.toBe(italian.title);
    expect(english.deadline).toBe(italian.deadline);
    expect(english.regional).toBe(italian.regional);
    expect(english.territory?.slug ?? null).toBe(italian.territory?.slug ?? null);
    // English entries point at the English versions of the thematic areas, created at boot.
    const areaNames = (entry: { thematicAreas: Array<{ name: string }> }) => entry.thematicAreas.map((a) => a.name);
    expect(areaNames(english)).toHaveLength(areaNames(italian).length);
    expect(areaNames(english)).not.toEqual(areaNames(italian));
  });

  it('changes nothing when loaded again, and restores deleted entries with --reset', async () => {
    const before = await counts();
    await cms.restart({ SITO_SEED_DEMO: 'true' });
    expect(await counts()).toEqual(before);
    expect(seedLines().at(-1)).toMatch(/ 0 entries created/);

    const admin = await cms.admin();
    const list = await admin.request(
      'GET',
      '/content-manager/collection-types/api::news.news?page=1&pageSize=1&locale=it',
    );
    const victim = list.body.results[0].documentId;
    expect(
      (await admin.request('DELETE', `/content-manager/collection-types/api::news.news/${victim}?locale=it`)).status,
    ).toBe(200);
    expect(await total('news-items')).toBe((before['news-items'] ?? 0) - 1);

    await cms.restart({ SITO_SEED_DEMO: 'true', SITO_SEED_RESET: 'true' });
    expect(await counts()).toEqual(before);
  });
});
