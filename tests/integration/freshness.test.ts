import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, romeDate } from '@sito/shared';
import { databasesUnderTest, startTestCms, type AdminClient, type TestCms } from '../helpers/test-cms.ts';

const OPP = '/content-manager/collection-types/api::opportunity.opportunity';

/** Every entry records when it was last verified and by which office; old ones are flagged "to review". */
describe.each(databasesUnderTest())('freshness on %s', (database) => {
  let cms: TestCms;
  let admin: AdminClient;
  let territoryId: string;
  const today = romeDate();

  const create = async (extra: Record<string, unknown>) => {
    const response = await admin.request('POST', `${OPP}?locale=it`, {
      title: `Offerta ${Math.random().toString(36).slice(2, 8)}`,
      summary: 'Una voce per verificare la data di ultima verifica.',
      territory: { connect: [{ documentId: territoryId }] },
      ...extra,
    });
    expect(response.status, JSON.stringify(response.body)).toBe(201);
    return response.body.data;
  };

  beforeAll(async () => {
    cms = await startTestCms({ database });
    admin = await cms.admin();
    const territory = await admin.request('POST', '/content-manager/collection-types/api::territory.territory', {
      name: 'Informagiovani Lecco',
      shortName: 'Lecco',
      slug: 'lecco',
    });
    territoryId = territory.body.data.documentId;
  });
  afterAll(async () => {
    await cms?.destroy();
  });

  it('counts a new entry as verified today by its own office', async () => {
    const entry = await create({});
    expect(entry).toMatchObject({ lastVerifiedAt: today, toReview: false });
    const verifiedBy = await admin.request(
      'GET',
      `/content-manager/relations/api::opportunity.opportunity/${entry.documentId}/verifiedBy?locale=it`,
    );
    expect(verifiedBy.body.results.map((t: { documentId: string }) => t.documentId)).toEqual([territoryId]);
  });

  it('flags an entry not verified for more than 180 days, and clears the flag when it is verified again', async () => {
    const old = await create({ lastVerifiedAt: addDays(today, -181) });
    expect(old.toReview).toBe(true);
    const verified = await admin.request('PUT', `${OPP}/${old.documentId}?locale=it`, { lastVerifiedAt: today });
    expect(verified.body.data.toReview).toBe(false);
    expect((await create({ lastVerifiedAt: addDays(today, -180) })).toReview).toBe(false);
  });

  it('flags entries that age without being edited, with the configured period', async () => {
    const entry = await create({ lastVerifiedAt: addDays(today, -10) });
    expect(entry.toReview).toBe(false);
    await cms.restart({ SITO_REVIEW_AFTER_DAYS: '7' });
    admin = await cms.admin();
    const after = await admin.request('GET', `${OPP}/${entry.documentId}?locale=it`);
    expect(after.body.data.toReview).toBe(true);
  });
});
