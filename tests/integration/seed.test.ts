import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, romeDate } from '@sito/shared';
import { databasesUnderTest, startTestCms, type TestCms } from '../helpers/test-cms.ts';

const TYPES = ['opportunities', 'tutorials', 'professions', 'events', 'questions', 'operator-resources', 'news-items'];

/** The demo content: loaded through the Document Service, idempotent, restorable from scratch. */
describe.each(databasesUnderTest())('the demo seed on %s', (database) => {
  let cms: TestCms;

  const total = async (type: string, query = '') => {
    const response = await fetch(`${cms.url}/api/${type}?pagination[pageSize]=1${query}`);
    expect(response.status, type).toBe(200);
    return (await response.json()).meta.pagination.total as number;
  };
  const counts = async (): Promise<Record<string, number>> =>
    Object.fromEntries(await Promise.all(TYPES.map(async (type) => [type, await total(type)] as const)));
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
