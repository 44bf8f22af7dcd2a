import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databasesUnderTest, startTestCms, type AdminClient, type TestCms } from '../helpers/test-cms.ts';

const CM = '/content-manager/collection-types';
const OPPORTUNITY = `${CM}/api::opportunity.opportunity`;
const EVENT = `${CM}/api::event.event`;
const PROJECT = `${CM}/api::project.project`;
const USEFUL_LINK = `${CM}/api::useful-link.useful-link`;
const READING = `${CM}/api::reading.reading`;
const TERRITORY = `${CM}/api::territory.territory`;

const paragraph = (text: string) => [{ type: 'paragraph', children: [{ type: 'text', text }] }];

/**
 * Each editorial rule, through the admin API as the admin panel calls it: the entry is refused
 * with a message naming the field, and nothing is stored.
 */
describe.each(databasesUnderTest())('CMS validation on %s', (database) => {
  let cms: TestCms;
  let admin: AdminClient;
  let territoryId: string;

  const validOpportunity = () => ({
    title: 'Tirocinio in biblioteca civica',
    summary: 'Sei mesi in biblioteca tra prestiti, catalogazione e laboratori per ragazzi.',
    kind: 'internship',
    territory: { connect: [{ documentId: territoryId }] },
  });

  const count = async (collection: string) =>
    (await admin.request('GET', `${collection}?page=1&pageSize=100`)).body.pagination.total;

  async function expectRefused(collection: string, data: Record<string, unknown>, field: string, message: RegExp) {
    const before = await count(collection);
    const response = await admin.request('POST', `${collection}?locale=it`, data);
    expect(response.status, JSON.stringify(response.body)).toBe(400);
    expect(response.body.error.message).toMatch(message);
    expect(response.body.error.details.errors.map((e: { path: string[] }) => e.path.join('.'))).toContain(field);
    expect(await count(collection), 'nothing is stored').toBe(before);
  }

  beforeAll(async () => {
    cms = await startTestCms({ database });
    admin = await cms.admin();
    const territory = await admin.request('POST', TERRITORY, {
      name: 'Informagiovani Prova',
      shortName: 'Prova',
      slug: 'prova',
    });
    expect(territory.status, JSON.stringify(territory.body)).toBe(201);
    territoryId = territory.body.data.documentId;
  });
  afterAll(async () => {
    await cms?.destroy();
  });

  it('stores a valid opportunity and fills its slug', async () => {
    const response = await admin.request('POST', `${OPPORTUNITY}?locale=it`, {
      ...validOpportunity(),
      slug: undefined,
    });
    expect(response.status, JSON.stringify(response.body)).toBe(201);
    expect(response.body.data).toMatchObject({ slug: 'tirocinio-in-biblioteca-civica', ageMin: 15, ageMax: 34 });
  });

  it('refuses a deadline before the opening date', async () => {
    await expectRefused(
      OPPORTUNITY,
      { ...validOpportunity(), opensOn: '2026-12-10', deadline: '2026-12-01' },
      'deadline',
      /precedente alla data di apertura/,
    );
  });

  it('refuses a minimum age above the maximum', async () => {
    await expectRefused(
      OPPORTUNITY,
      { ...validOpportunity(), ageMin: 30, ageMax: 20 },
      'ageMin',
      /età minima \(30\) è superiore/,
    );
  });

  it('refuses an entry with no territory that is not regional', async () => {
    const { territory: _none, ...withoutTerritory } = validOpportunity();
    await expectRefused(OPPORTUNITY, withoutTerritory, 'territory', /Scegli il territorio/);
  });

  it('refuses a regional entry that also names a territory', async () => {
    await expectRefused(
      OPPORTUNITY,
      { ...validOpportunity(), regional: true },
      'territory',
      /Una voce regionale non appartiene/,
    );
  });

  it('refuses malformed web addresses and emails', async () => {
    await expectRefused(
      OPPORTUNITY,
      { ...validOpportunity(), applyUrl: 'www.comune.cremona.it' },
      'applyUrl',
      /non è un indirizzo web valido/,
    );
    await expectRefused(
      OPPORTUNITY,
      { ...validOpportunity(), applyEmail: 'ig@' },
      'applyEmail',
      /non è un indirizzo email valido/,
    );
  });

  it('refuses rich text carrying a script', async () => {
    await expectRefused(
      OPPORTUNITY,
      { ...validOpportunity(), body: paragraph('<script>alert(1)</script>') },
      'body',
      /contiene codice/,
    );
  });

  it('refuses an event that ends before it starts', async () => {
    await expectRefused(
      EVENT,
      {
        title: 'Job day di primavera',
        summary: 'Una giornata di colloqui con le aziende del territorio.',
        startsAt: '2027-03-10T15:00:00.000Z',
        endsAt: '2027-03-10T09:00:00.000Z',
        territory: { connect: [{ documentId: territoryId }] },
      },
      'endsAt',
      /finisce prima di cominciare/,
    );
  });

  it('refuses a project that ends before it starts, on create and on an update of the end alone', async () => {
    const project = {
      title: 'Patti Giovani',
      summary: 'Azioni costruite con i giovani che abitano le zone vitali del territorio.',
      startDate: '2027-04-01',
      territory: { connect: [{ documentId: territoryId }] },
    };
    await expectRefused(
      PROJECT,
      { ...project, endDate: '2026-10-31' },
      'endDate',
      /La data di fine \(31\/10\/2026\) è precedente alla data di inizio \(01\/04\/2027\)/,
    );
    // With no end (a programme that goes on), it is stored; an end set later is checked against the stored start.
    const created = await admin.request('POST', `${PROJECT}?locale=it`, project);
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const id = created.body.data.documentId;
    const update = await admin.request('PUT', `${PROJECT}/${id}?locale=it`, { endDate: '2027-03-31' });
    expect(update.status).toBe(400);
    expect(update.body.error.message).toMatch(/endDate: La data di fine \(31\/03\/2027\)/);
    const stored = await admin.request('GET', `${PROJECT}/${id}?locale=it`);
    expect(stored.body.data.endDate).toBeNull();
    const fine = await admin.request('PUT', `${PROJECT}/${id}?locale=it`, { endDate: '2027-04-01' });
    expect(fine.status, JSON.stringify(fine.body)).toBe(200);
  });

  it("refuses a useful link that is not a web address and a reading whose ISBN's check digit is wrong", async () => {
    const owner = { territory: { connect: [{ documentId: territoryId }] } };
    const link = { title: 'Portale Eures', description: 'Offerte di lavoro in tutta Europa.', ...owner };
    await expectRefused(USEFUL_LINK, { ...link, url: 'javascript:alert(1)' }, 'url', /non è un indirizzo web valido/);
    await expectRefused(USEFUL_LINK, { ...link, url: 'eures.europa.eu' }, 'url', /non è un indirizzo web valido/);
    const stored = await admin.request('POST', `${USEFUL_LINK}?locale=it`, { ...link, url: 'https://eures.europa.eu' });
    expect(stored.status, JSON.stringify(stored.body)).toBe(201);
    expect(stored.body.data.slug).toBe('portale-eures');

    const book = {
      title: 'Designing Your Life',
      authors: 'Bill Burnett, Dave Evans',
      note: 'Il design applicato alle scelte.',
      ...owner,
    };
    await expectRefused(READING, { ...book, isbn: '978-1-101-87532-3' }, 'isbn', /non è un ISBN valido/);
    const reading = await admin.request('POST', `${READING}?locale=it`, { ...book, isbn: '978-1-101-87532-2' });
    expect(reading.status, JSON.stringify(reading.body)).toBe(201);
  });

  it('refuses contact points with a malformed phone or overlapping hours, and keeps the stored ones', async () => {
    const update = async (contactPoint: Record<string, unknown>) =>
      admin.request('PUT', `${TERRITORY}/${territoryId}`, {
        contactPoints: [
          { name: 'Sportello centro', address: 'Via Palestro 11', municipality: 'Cremona', ...contactPoint },
        ],
      });
    const badPhone = await update({ phone: 'chiamare in orario ufficio' });
    expect(badPhone.status).toBe(400);
    expect(badPhone.body.error.message).toMatch(/contactPoints\.0\.phone: .*non è un numero di telefono valido/);

    const overlapping = await update({
      openingHours: [
        { day: 'monday', opens: '09:00', closes: '12:30' },
        { day: 'monday', opens: '12:00', closes: '17:00' },
      ],
    });
    expect(overlapping.status).toBe(400);
    expect(overlapping.body.error.message).toMatch(/Gli orari di lunedì si sovrappongono/);

    const backwards = await update({ openingHours: [{ day: 'friday', opens: '17:00', closes: '09:00' }] });
    expect(backwards.status).toBe(400);
    expect(backwards.body.error.message).toMatch(/deve essere dopo quello di apertura/);

    const stored = await admin.request('GET', `${TERRITORY}/${territoryId}`);
    expect(stored.body.data.contactPoints ?? []).toEqual([]);
  });

  it('checks an update against what is stored: a new deadline before the stored opening date is refused', async () => {
    const created = await admin.request('POST', `${OPPORTUNITY}?locale=it`, {
      ...validOpportunity(),
      title: 'Bando per giovani artisti',
      opensOn: '2027-01-10',
      deadline: '2027-02-10',
    });
    expect(created.status).toBe(201);
    const id = created.body.data.documentId;
    const update = await admin.request('PUT', `${OPPORTUNITY}/${id}?locale=it`, { deadline: '2027-01-05' });
    expect(update.status).toBe(400);
    expect(update.body.error.message).toMatch(/precedente alla data di apertura \(10\/01\/2027\)/);
    const stored = await admin.request('GET', `${OPPORTUNITY}/${id}?locale=it`);
    expect(stored.body.data.deadline).toBe('2027-02-10');
  });
});
