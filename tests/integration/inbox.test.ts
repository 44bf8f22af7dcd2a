import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEV_ADMIN, romeDate } from '@sito/shared';
import { createEntry, databasesUnderTest, loginAdmin, startTestCms, type TestCms } from '../helpers/test-cms.ts';
import { closeStoredReads, queryStored } from '../helpers/stored-state.ts';
import { solvedProof } from '../../scripts/lib/altcha-proof.ts';

const TERRITORY = 'api::territory.territory';
const WEEK = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];

interface Inbox {
  items: Array<{
    kind: string;
    documentId: string;
    title: string;
    territory: string;
    receivedAt: string;
    path: string;
  }>;
  counts: Record<string, number>;
}

/**
 * «In arrivo» (cms/src/inbox/routes.ts): what came from the hubs and waits for an operator, oldest
 * first, for the user's territories only; answered, confirmed or published, it leaves the list.
 */
describe.each(databasesUnderTest())('the operators’ inbox, on %s', (database) => {
  let cms: TestCms;
  let address = 0;
  let crema = '';

  const proof = (): Promise<string> => solvedProof(cms.url);
  const send = async (endpoint: string, data: Record<string, unknown>) => {
    const response = await fetch(`${cms.url}/api/sito/submissions/${endpoint}`, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        Accept: 'application/json',
        'X-Forwarded-For': `198.51.100.${(address += 1)}`,
      },
      body: JSON.stringify({ ...data, altcha: await proof(), consent: true }),
    });
    expect(response.status, await response.clone().text()).toBe(201);
  };
  // One sign-in per user: the admin's login is rate limited.
  const clients = new Map<string, ReturnType<typeof loginAdmin>>();
  const inbox = async (email: string) => {
    if (!clients.has(email)) clients.set(email, loginAdmin(cms.url, email, DEV_ADMIN.password));
    const client = await clients.get(email)!;
    const answer = await client.request('GET', '/sito/inbox');
    expect(answer.status).toBe(200);
    return { client, data: answer.body.data as Inbox };
  };

  beforeAll(async () => {
    cms = await startTestCms({ database, env: { SITO_SUBMISSIONS_PER_ADDRESS: '100' } });
    const root = await cms.admin();
    const openingHours = WEEK.map((day) => ({ day, opens: '08:00', closes: '20:00' }));
    for (const [name, slug] of [
      ['Informagiovani Cremona', 'cremona'],
      ['Orientagiovani Crema', 'crema'],
    ] as const)
      await createEntry(root, TERRITORY, {
        name,
        shortName: slug,
        slug,
        contactPoints: [{ name, address: 'Via Roma 1', municipality: slug, openingHours }],
      });
    await cms.restart();

    // Cremona: a question, then a booking, then an offer; Crema: a question.
    await send('questions', {
      hub: 'cremona',
      question: 'Come posso fare un tirocinio estivo all’estero con Erasmus+?',
    });
    const slots = (await (await fetch(`${cms.url}/api/sito/submissions/slots?hub=cremona`)).json()) as {
      data: { points: Array<{ slots: Array<{ startsAt: string }> }> };
    };
    await send('bookings', {
      hub: 'cremona',
      point: 'Informagiovani Cremona',
      service: 'cv-check',
      mode: 'online',
      slot: slots.data.points[0]!.slots[0]!.startsAt,
      name: 'Sara Rossi',
      email: 'sara@example.it',
    });
    await send('offers', {
      hub: 'cremona',
      kind: 'job',
      title: 'Magazziniere part-time',
      summary: 'Cerchiamo un magazziniere part-time per il turno del mattino, anche prima esperienza.',
      applyEmail: 'lavoro@logistica.example',
      organisation: 'Logistica Padana',
      vatNumber: '00297960197',
      contactName: 'Paolo Bassi',
      contactEmail: 'paolo@logistica.example',
    });
    await send('questions', {
      hub: 'crema',
      question: 'A Crema ci sono corsi gratuiti di inglese per chi cerca lavoro?',
      email: 'sara@example.it',
    });
    crema = (
      await queryStored<{ document_id: string }>(cms, "SELECT document_id FROM territories WHERE slug = 'crema'")
    )[0]!.document_id;
  });

  afterAll(async () => {
    await closeStoredReads();
    await cms?.destroy();
  });

  it('lists the operator’s territory’s waiting submissions oldest first, and nobody else’s', async () => {
    const { data } = await inbox('operatore.cremona@sitogiovani.test');
    expect(data.items.map((item) => item.kind)).toEqual(['question', 'booking', 'offer']);
    expect(data.counts).toEqual({ question: 1, booking: 1, offer: 1 });
    expect(data.items.every((item) => item.territory === 'Informagiovani Cremona')).toBe(true);
    expect(data.items[1]!.title).toMatch(/^Sara Rossi · /);
    expect(data.items[2]!.path).toMatch(
      /^\/content-manager\/collection-types\/api::opportunity\.opportunity\/\w+\?plugins\[i18n\]\[locale\]=it$/,
    );
    const received = data.items.map((item) => item.receivedAt);
    expect(received).toEqual([...received].sort());
    expect(JSON.stringify(data)).not.toContain('corsi gratuiti di inglese');

    const crema = await inbox('operatore.crema@sitogiovani.test');
    expect(crema.data.items.map((item) => item.title)).toEqual([
      'A Crema ci sono corsi gratuiti di inglese per chi cerca lavoro?',
    ]);
    // The regional editors see every territory's.
    const editor = await inbox('redazione@sitogiovani.test');
    expect(editor.data.items).toHaveLength(4);
  });

  it('answers only a signed-in admin user', async () => {
    for (const headers of [{}, { Authorization: 'Bearer not-a-token' }] as Array<Record<string, string>>) {
      const response = await fetch(`${cms.url}/sito/inbox`, { headers });
      expect(response.status).toBe(401);
      expect(await response.text()).not.toContain('Sara Rossi');
    }
    // However the path is spelled, and under the content API's prefix: never the list without a session.
    for (const path of [
      '/sito/inbox/',
      '/sito/INBOX',
      '/SITO/Inbox',
      '/sito//inbox',
      '/api/sito/inbox',
      '/sito/inbox?x=1',
    ]) {
      const response = await fetch(`${cms.url}${path}`);
      expect([401, 404, 405], path).toContain(response.status);
      expect(await response.text(), path).not.toContain('Sara Rossi');
    }
  });

  it('drops what is answered: the booking confirmed, the question and the offer published', async () => {
    // Nobody has verified what people sent: no date, no office, flagged; publishing it verifies it.
    const FRESHNESS = `SELECT q.published_at IS NOT NULL AS published, CAST(q.last_verified_at AS TEXT) AS verified,
        q.to_review, (SELECT t.slug FROM questions_verified_by_lnk l JOIN territories t ON t.id = l.territory_id
        WHERE l.question_id = q.id) AS verified_by
      FROM questions q WHERE q.question LIKE 'Come posso fare un tirocinio estivo%' ORDER BY q.id`;
    const sent = await queryStored<Record<string, unknown>>(cms, FRESHNESS);
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ verified: null, verified_by: null });
    expect(Number(sent[0]!.to_review)).toBe(1);

    const { client, data } = await inbox('operatore.cremona@sitogiovani.test');
    const [question, booking, offer] = data.items;
    const cm = '/content-manager/collection-types';
    expect(
      (await client.request('PUT', `${cm}/api::booking.booking/${booking!.documentId}`, { state: 'confirmed' })).status,
    ).toBe(200);
    expect((await inbox('operatore.cremona@sitogiovani.test')).data.counts).toEqual({
      question: 1,
      booking: 0,
      offer: 1,
    });
    await client.request('PUT', `${cm}/api::question.question/${question!.documentId}?locale=it`, {
      answeredOn: '2026-12-01',
      answer: [
        { type: 'paragraph', children: [{ type: 'text', text: 'Sì: chiedi all’ufficio Erasmus+ del tuo ateneo.' }] },
      ],
    });
    expect(
      (
        await client.request(
          'POST',
          `${cm}/api::question.question/${question!.documentId}/actions/publish?locale=it`,
          {},
        )
      ).status,
    ).toBe(200);
    expect(
      (
        await client.request(
          'POST',
          `${cm}/api::opportunity.opportunity/${offer!.documentId}/actions/publish?locale=it`,
          {},
        )
      ).status,
    ).toBe(200);
    expect((await inbox('operatore.cremona@sitogiovani.test')).data.items).toEqual([]);
    const answered = await queryStored<Record<string, unknown>>(cms, FRESHNESS);
    expect(
      answered.map((row) => [Boolean(Number(row.published)), row.verified, Number(row.to_review), row.verified_by]),
    ).toEqual([
      [false, romeDate(), 0, 'cremona'],
      [true, romeDate(), 0, 'cremona'],
    ]);
    const [left] = await queryStored<{ n: number | string }>(
      cms,
      "SELECT count(*) AS n FROM bookings WHERE state = 'confirmed'",
    );
    expect(Number(left!.n)).toBe(1);
  });

  it('records when each was first answered, and the monitoring answers the median time per kind', async () => {
    const { client } = await inbox('operatore.cremona@sitogiovani.test');
    const ANSWERS =
      'SELECT a.kind, t.slug, CAST(a.received_at AS TEXT) AS received, CAST(a.answered_at AS TEXT) AS answered FROM sito_answer_times a JOIN territories t ON t.document_id = a.territory AND t.published_at IS NOT NULL ORDER BY a.kind';
    type Answer = { kind: string; slug: string; received: string; answered: string };
    await expect
      .poll(async () => (await queryStored<Answer>(cms, ANSWERS)).map((row) => `${row.kind} ${row.slug}`), {
        timeout: 10_000,
      })
      .toEqual(['booking cremona', 'offer cremona', 'question cremona']);
    const answers = await queryStored<Answer>(cms, ANSWERS);
    for (const row of answers) expect(Number(row.answered)).toBeGreaterThanOrEqual(Number(row.received));

    // Only the first answer counts: the booking edited again, the question published again; and
    // what an operator writes and publishes themselves, or a booking confirmed at once, is no answer.
    const cm = '/content-manager/collection-types';
    const [booking] = await queryStored<{ document_id: string }>(cms, 'SELECT document_id FROM bookings');
    expect(
      (
        await client.request('PUT', `${cm}/api::booking.booking/${booking!.document_id}`, {
          operatorMessage: 'Ti aspettiamo al primo piano.',
        })
      ).status,
    ).toBe(200);
    const [question] = await queryStored<{ document_id: string }>(
      cms,
      "SELECT q.document_id FROM questions q JOIN territories t ON t.id = (SELECT territory_id FROM questions_territory_lnk WHERE question_id = q.id) WHERE t.slug = 'cremona' AND q.published_at IS NOT NULL",
    );
    expect(
      (
        await client.request(
          'POST',
          `${cm}/api::question.question/${question!.document_id}/actions/publish?locale=it`,
          {},
        )
      ).status,
    ).toBe(200);
    const cremona = (
      await queryStored<{ document_id: string }>(cms, "SELECT document_id FROM territories WHERE slug = 'cremona'")
    )[0]!.document_id;
    await createEntry(client, 'api::question.question', {
      question: 'Quali documenti servono per iscriversi al centro per l’impiego?',
      answeredOn: '2026-12-02',
      answer: [{ type: 'paragraph', children: [{ type: 'text', text: 'La carta d’identità e il codice fiscale.' }] }],
      territory: cremona,
    });
    await createEntry(client, 'api::opportunity.opportunity', {
      title: 'Animatore per il centro estivo comunale',
      summary: 'Il Comune cerca animatori per il centro estivo di luglio, anche alla prima esperienza.',
      kind: 'seasonal',
      territory: cremona,
    });
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await queryStored<Answer>(cms, ANSWERS)).toEqual(answers);

    const monitoring = await client.request('GET', '/sito/monitoring');
    expect(monitoring.status, JSON.stringify(monitoring.body)).toBe(200);
    const [row] = monitoring.body.data.territories as Array<Record<string, unknown>>;
    const seconds = (kind: string) => {
      const answer = answers.find((entry) => entry.kind === kind)!;
      return Math.round((Number(answer.answered) - Number(answer.received)) / 1000);
    };
    expect(row).toMatchObject({
      territory: 'cremona',
      waitingQuestions: 0,
      medianAnswerSecondsQuestions: seconds('question'),
      medianAnswerSecondsBookings: seconds('booking'),
      medianAnswerSecondsOffers: seconds('offer'),
    });
    // Crema's question is still waiting: no time to answer yet, and Crema's operator sees Crema only.
    const crema = await (await inbox('operatore.crema@sitogiovani.test')).client.request('GET', '/sito/monitoring');
    expect(crema.body.data.territories).toEqual([
      expect.objectContaining({ territory: 'crema', waitingQuestions: 1, medianAnswerSecondsQuestions: null }),
    ]);
  });

  /** Sara asked a question in Crema and booked in Cremona; the admin also typed her address in capitals once. */
  describe('one person’s data, on request', () => {
    const find = async (client: Awaited<ReturnType<typeof inbox>>['client'], email: string) => {
      const answer = await client.request('GET', `/sito/personal-data?email=${encodeURIComponent(email)}`);
      expect(answer.status, JSON.stringify(answer.body)).toBe(200);
      return answer.body.data as {
        email: string;
        contacts: Array<Record<string, unknown>>;
        bookings: Array<Record<string, unknown>>;
      };
    };
    const stored = async (sql: string) => Number((await queryStored<{ n: number | string }>(cms, sql))[0]!.n);
    const SARAS_CONTACTS = "SELECT count(*) AS n FROM personal_contacts WHERE lower(email) = 'sara@example.it'";
    const SARAS_BOOKINGS = "SELECT count(*) AS n FROM bookings WHERE email = 'sara@example.it'";

    it('exports what each user’s territories keep, whatever the case of the address', async () => {
      const root = await cms.admin();
      await createEntry(
        root,
        'api::personal-contact.personal-contact',
        {
          purpose: 'question',
          email: 'Sara@Example.IT',
          language: 'it',
          consentAt: '2026-11-20T10:00:00.000Z',
          territory: { connect: [crema] },
        },
        false,
      );
      const { client: cremaOperator } = await inbox('operatore.crema@sitogiovani.test');
      const inCrema = await find(cremaOperator, ' SARA@example.it ');
      expect(inCrema.email).toBe('sara@example.it');
      expect(inCrema.bookings).toEqual([]);
      expect(inCrema.contacts.map((contact) => contact.email).sort()).toEqual(['Sara@Example.IT', 'sara@example.it']);
      expect(inCrema.contacts.map((contact) => contact.question)).toContain(
        'A Crema ci sono corsi gratuiti di inglese per chi cerca lavoro?',
      );
      expect(inCrema.contacts.every((contact) => contact.territory === 'Orientagiovani Crema')).toBe(true);

      const { client: cremonaOperator } = await inbox('operatore.cremona@sitogiovani.test');
      const inCremona = await find(cremonaOperator, 'sara@example.it');
      expect(inCremona.contacts).toEqual([]);
      expect(inCremona.bookings).toHaveLength(1);
      expect(inCremona.bookings[0]).toMatchObject({
        name: 'Sara Rossi',
        service: 'cv-check',
        mode: 'online',
        territory: 'Informagiovani Cremona',
      });
      // The company that posted an offer is found by its contact's address, with the offer named.
      const company = await find(cremonaOperator, 'paolo@logistica.example');
      expect(company.contacts).toEqual([
        expect.objectContaining({
          purpose: 'offer',
          name: 'Paolo Bassi',
          organisation: 'Logistica Padana',
          opportunity: 'Magazziniere part-time',
        }),
      ]);

      const { client: editor } = await inbox('redazione@sitogiovani.test');
      const everywhere = await find(editor, 'sara@example.it');
      expect([everywhere.contacts.length, everywhere.bookings.length]).toEqual([2, 1]);
    });

    it('refuses a missing, repeated or malformed address, and anyone not signed in', async () => {
      const { client } = await inbox('redazione@sitogiovani.test');
      for (const query of [
        '',
        '?email=',
        '?email=sara',
        '?email[]=sara@example.it',
        '?email=a@b.it&email=sara@example.it',
        '?email[$ne]=x',
      ]) {
        for (const method of ['GET', 'DELETE'] as const) {
          const answer = await client.request(method, `/sito/personal-data${query}`);
          expect(answer.status, `${method} ${query}`).toBe(400);
          expect(answer.body.error.message).toMatch(/^email: /);
        }
      }
      for (const method of ['GET', 'DELETE']) {
        const response = await fetch(`${cms.url}/sito/personal-data?email=sara@example.it`, { method });
        expect(response.status).toBe(401);
      }
      expect(await stored(SARAS_CONTACTS)).toBe(2);
      expect(await stored(SARAS_BOOKINGS)).toBe(1);
    });

    it('erases only what the user’s territories keep, and frees the slot of an erased booking', async () => {
      const { client: cremaOperator } = await inbox('operatore.crema@sitogiovani.test');
      for (const path of ['/sito/personal-data', '/sito/personal-data/', '/sito/PERSONAL-DATA']) {
        const answer = await cremaOperator.request('DELETE', `${path}?email=SARA@EXAMPLE.IT`);
        if (answer.status === 200) expect(answer.body.data.erased.bookings).toBe(0);
        else expect(answer.status).toBe(404);
      }
      // Crema's contacts are gone; Cremona's booking and its slot stay.
      expect(await stored(SARAS_CONTACTS)).toBe(0);
      expect(await stored(SARAS_BOOKINGS)).toBe(1);
      expect(await stored('SELECT count(*) AS n FROM sito_booking_slots')).toBe(1);

      const { client: cremonaOperator } = await inbox('operatore.cremona@sitogiovani.test');
      const answer = await cremonaOperator.request('DELETE', '/sito/personal-data?email=sara@example.it');
      expect(answer.status).toBe(200);
      expect(answer.body.data.erased).toEqual({ contacts: 0, bookings: 1 });
      expect(await stored(SARAS_BOOKINGS)).toBe(0);
      expect(await stored('SELECT count(*) AS n FROM sito_booking_slots')).toBe(0);
      // The question she asked stays, as the territory's content.
      expect(
        await stored("SELECT count(*) AS n FROM questions WHERE question LIKE 'A Crema ci sono corsi%'"),
      ).toBeGreaterThan(0);
      expect(await find(cremonaOperator, 'sara@example.it')).toEqual({
        email: 'sara@example.it',
        contacts: [],
        bookings: [],
      });
    });
  });
});
