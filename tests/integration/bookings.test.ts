import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEV_ADMIN, BOOKING_RULES, bookingMessage } from '@sito/shared';
import {
  createEntry,
  databasesUnderTest,
  loginAdmin,
  startTestCms,
  type AdminClient,
  type TestCms,
} from '../helpers/test-cms.ts';
import { closeStoredReads, queryStored } from '../helpers/stored-state.ts';
import { freePort } from '../../scripts/lib/net.ts';
import { startMailCatcher, type MailCatcher } from '../../scripts/lib/mail-catcher.ts';
import { solvedProof } from '../../scripts/lib/altcha-proof.ts';

const TERRITORY = 'api::territory.territory';
const BOOKINGS = '/content-manager/collection-types/api::booking.booking';
const ENDPOINT = '/api/sito/submissions/bookings';
const WEEK = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];

interface Slot {
  startsAt: string;
  endsAt: string;
  date: string;
  time: string;
}
type Answer = {
  status: number;
  headers: Headers;
  text: string;
  body: {
    data?: Record<string, unknown>;
    error?: { message: string; details?: { fields?: Record<string, string> } };
  } | null;
};

/**
 * «Prenota»: the public booking endpoints, a real CMS and database, proofs of work solved as the
 * widget solves them, the mail in a real SMTP server; after every request, what the database holds.
 */
describe.each(databasesUnderTest())('bookings sent from a hub, on %s', (database) => {
  let cms: TestCms;
  let root: AdminClient;
  let mail: MailCatcher;
  let address = 0;
  /** A different reader each time: the per-address limit is tested on its own. */
  const nextAddress = () => `198.51.100.${(address += 1)}`;

  const count = async (where = '1=1') =>
    Number((await queryStored<{ n: number | string }>(cms, `SELECT count(*) AS n FROM bookings WHERE ${where}`))[0]!.n);

  const proof = (): Promise<string> => solvedProof(cms.url);

  const request = async (
    path: string,
    init: RequestInit & { form?: Record<string, string> | string } = {},
  ): Promise<Answer> => {
    const { form, ...rest } = init;
    const response = await fetch(`${cms.url}${path}`, {
      redirect: 'manual',
      ...rest,
      ...(form
        ? {
            method: 'POST',
            body: typeof form === 'string' ? form : new URLSearchParams(form).toString(),
            headers: {
              'Content-Type': 'application/x-www-form-urlencoded',
              Accept: 'text/html,application/xhtml+xml;q=0.9,*/*;q=0.8',
              'X-Forwarded-For': nextAddress(),
              ...(rest.headers as Record<string, string>),
            },
          }
        : {}),
    });
    const text = await response.text();
    let body: Answer['body'];
    try {
      body = JSON.parse(text) as Answer['body'];
    } catch {
      body = null;
    }
    return { status: response.status, headers: response.headers, text, body };
  };

  const book = (data: Record<string, unknown>, from = nextAddress()) =>
    request(ENDPOINT, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json', 'X-Forwarded-For': from },
      body: JSON.stringify(data),
    });

  const slotsOf = async (hub: string) => {
    const answer = await request(`/api/sito/submissions/slots?hub=${hub}`);
    expect(answer.status, answer.text).toBe(200);
    return (answer.body!.data as { points: Array<{ name: string; slots: Slot[] }> }).points;
  };

  const valid = (slot: string, overrides: Record<string, unknown> = {}) => ({
    hub: 'cremona',
    point: 'Informagiovani Cremona',
    service: 'cv-check',
    mode: 'in-person',
    slot,
    name: 'Giulia Rossi',
    email: 'Giulia.Rossi@example.it',
    note: 'Ho già un curriculum, vorrei migliorarlo.',
    consent: true,
    ...overrides,
  });

  /** The slots still free at Cremona's office, in order. */
  const free = async () => (await slotsOf('cremona')).find((point) => point.name === 'Informagiovani Cremona')!.slots;

  beforeAll(async () => {
    mail = await startMailCatcher({ smtpPort: await freePort() });
    cms = await startTestCms({
      database,
      env: {
        SMTP_HOST: '127.0.0.1',
        SMTP_PORT: String(mail.smtpPort),
        SITO_HUBS_URL: 'http://localhost:4321',
        SITO_SUBMISSIONS_PER_ADDRESS: '3',
        SITO_SUBMISSIONS_PER_TERRITORY: '1000',
      },
    });
    root = await cms.admin();
    // Open every day, all day: whatever day the test runs, there are slots in the next two weeks.
    const openingHours = WEEK.map((day) => ({ day, opens: '08:00', closes: '20:00' }));
    await createEntry(root, TERRITORY, {
      name: 'Informagiovani Cremona',
      shortName: 'Cremona',
      slug: 'cremona',
      contactPoints: [
        { name: 'Informagiovani Cremona', address: 'Via Palestro 11', municipality: 'Cremona', openingHours },
        { name: 'Sportello senza orari', address: 'Piazza del Comune 8', municipality: 'Cremona' },
      ],
    });
    await createEntry(root, TERRITORY, {
      name: 'Orientagiovani Crema',
      shortName: 'Crema',
      slug: 'crema',
      contactPoints: [{ name: 'Orientagiovani Crema', address: 'Via Civerchi 9', municipality: 'Crema', openingHours }],
    });
    // The demo operators are created for the territories that exist at boot.
    await cms.restart();
    root = await cms.admin();
  });

  afterAll(async () => {
    await closeStoredReads();
    await cms?.destroy();
    await mail?.close();
  });

  it('offers each office’s free slots from its weekly hours, two hours ahead at the earliest, and only there', async () => {
    const points = await slotsOf('cremona');
    // The office without weekly hours takes no bookings.
    expect(points.map((point) => point.name)).toEqual(['Informagiovani Cremona']);
    const slots = points[0]!.slots;
    expect(slots.length).toBeGreaterThan(20);
    const earliest = Date.now() + BOOKING_RULES.leadMinutes * 60_000 - 60_000;
    for (const slot of slots) {
      expect(Date.parse(slot.startsAt)).toBeGreaterThan(earliest);
      expect(Date.parse(slot.endsAt) - Date.parse(slot.startsAt)).toBe(BOOKING_RULES.slotMinutes * 60_000);
      expect(slot.time >= '08:00' && slot.time < '20:00', slot.time).toBe(true);
    }
    const sorted = [...slots].sort((a, b) => a.startsAt.localeCompare(b.startsAt));
    expect(slots).toEqual(sorted);

    for (const hub of ['nowhere', 'CREMONA', '', 'cremona/']) {
      const answer = await request(`/api/sito/submissions/slots?hub=${encodeURIComponent(hub)}`);
      expect(answer.status, hub).toBe(400);
      expect(answer.body?.error?.details?.fields?.hub).toBe(bookingMessage('it', 'hub'));
    }
  });

  it('stores a booking of the hub’s territory, holds its slot, mails the operators and who booked, with the event', async () => {
    const [slot] = await free();
    const answer = await book({ ...valid(slot!.startsAt), altcha: await proof() });
    expect(answer.status, answer.text).toBe(201);
    expect(answer.body?.data).toEqual({ received: true, startsAt: slot!.startsAt });

    const [row] = await queryStored<Record<string, unknown>>(
      cms,
      `SELECT b.id, b.document_id, b.state, b.email, b.name, b.contact_point, b.service, b.mode, b.language, t.slug
         FROM bookings b JOIN bookings_territory_lnk l ON l.booking_id = b.id JOIN territories t ON t.id = l.territory_id
        ORDER BY b.id DESC LIMIT 1`,
    );
    expect(row).toMatchObject({
      state: 'requested',
      email: 'giulia.rossi@example.it',
      name: 'Giulia Rossi',
      contact_point: 'Informagiovani Cremona',
      service: 'cv-check',
      mode: 'in-person',
      language: 'it',
      slug: 'cremona',
    });
    const documentId = String(row!.document_id);
    // The slot is no longer offered.
    expect((await free()).map((candidate) => candidate.startsAt)).not.toContain(slot!.startsAt);

    // Nobody outside reads it: no content API route, no populate from its territory.
    for (const path of [
      '/api/bookings',
      '/api/booking',
      `/api/bookings/${documentId}`,
      '/api/territories?populate=*',
    ]) {
      const response = await request(path);
      expect(response.text, path).not.toContain('giulia.rossi');
    }

    const toOperators = await mail.waitFor((m) => m.subject === 'Nuova prenotazione per Informagiovani Cremona');
    expect(toOperators.to).toEqual(['operatore.cremona@sitogiovani.test']);
    expect(toOperators.text).toContain('Giulia Rossi');
    expect(toOperators.text).toContain(`/admin/content-manager/collection-types/api::booking.booking/${documentId}`);

    const toPerson = await mail.waitFor((m) => m.to.includes('giulia.rossi@example.it'));
    expect(toPerson.subject).toBe('Abbiamo ricevuto la tua richiesta di appuntamento · Informagiovani Cremona');
    expect(toPerson.text).toContain('Via Palestro 11, Cremona');
    expect(toPerson.text).toMatch(
      new RegExp(
        `http://localhost:4321/api/sito/submissions/bookings/cancel\\?booking=${documentId}&token=[\\w-]+&lang=it`,
      ),
    );
    const [event] = toPerson.attachments;
    expect(event?.filename).toBe('appuntamento.ics');
    expect(event?.contentType).toContain('text/calendar');
    const dtstart = slot!.startsAt.replace(/[-:]/g, '').replace(/\.\d{3}/, '');
    expect(event?.content).toContain(`DTSTART:${dtstart}`);
    expect(event?.content).toContain(`UID:booking-${documentId}@sitogiovani`);
    expect(event?.content).toContain('STATUS:TENTATIVE');
    // What was told is remembered once the SMTP server took it: no second mail for the same state.
    await expect
      .poll(
        async () =>
          (
            await queryStored<{ notified_state: string | null }>(
              cms,
              `SELECT notified_state FROM bookings WHERE id = ${Number(row!.id)}`,
            )
          )[0]!.notified_state,
        { timeout: 10_000 },
      )
      .toBe(`requested|${slot!.startsAt}`);
  });

  it('gives one slot to one person when many ask for it at once', async () => {
    const [slot] = await free();
    const proofs = await Promise.all(Array.from({ length: 6 }, () => proof()));
    const answers = await Promise.all(
      proofs.map((altcha, index) =>
        book({ ...valid(slot!.startsAt, { name: `Persona ${index}`, email: `persona${index}@example.it` }), altcha }),
      ),
    );
    const statuses = answers.map((answer) => answer.status).sort();
    expect(statuses, answers.map((answer) => answer.text).join('\n')).toEqual([201, 409, 409, 409, 409, 409]);
    for (const refused of answers.filter((answer) => answer.status === 409))
      expect(refused.body?.error?.details?.fields?.slot).toBe(bookingMessage('it', 'taken'));
    const [held] = await queryStored<{ n: number | string }>(
      cms,
      `SELECT count(*) AS n FROM sito_booking_slots WHERE starts_at = ${Date.parse(slot!.startsAt)}`,
    );
    expect(Number(held!.n)).toBe(1);
    const rows = await queryStored<{ name: string }>(cms, "SELECT name FROM bookings WHERE name LIKE 'Persona %'");
    expect(rows).toHaveLength(1);
  });

  it('refuses every bad request with the field named, and stores nothing of it', async () => {
    const slots = await free();
    const slot = slots[0]!.startsAt;
    const before = await count();
    const crema = (await slotsOf('crema'))[0]!.slots[0]!.startsAt;
    const offGrid = new Date(Date.parse(slot) + 7 * 60_000).toISOString();
    const past = new Date(Date.now() - 24 * 3_600_000).toISOString();
    const tooSoon = new Date(Math.ceil(Date.now() / 1_800_000) * 1_800_000).toISOString();
    const cases: Array<[string, Record<string, unknown>, number, string]> = [
      ['slot not offered (off the grid)', valid(offGrid), 409, 'slot'],
      ['slot in the past', valid(past), 409, 'slot'],
      ['slot sooner than the lead time', valid(tooSoon), 409, 'slot'],
      ['slot not a date', valid('domani alle 10'), 400, 'slot'],
      ['another hub’s office', valid(crema, { point: 'Orientagiovani Crema' }), 400, 'point'],
      ['office without hours', valid(slot, { point: 'Sportello senza orari' }), 400, 'point'],
      ['unknown service', valid(slot, { service: 'tarocchi' }), 400, 'service'],
      ['mode as a list', valid(slot, { mode: ['online'] }), 400, 'mode'],
      ['bad email', valid(slot, { email: 'giulia@' }), 400, 'email'],
      ['name of markup only', valid(slot, { name: '<b></b>' }), 400, 'name'],
      ['consent «false»', valid(slot, { consent: 'false' }), 400, 'consent'],
      ['consent missing', valid(slot, { consent: undefined }), 400, 'consent'],
      ['three links in the note', valid(slot, { note: 'http://a.it http://b.it www.c.it' }), 400, 'note'],
      ['unknown hub', valid(slot, { hub: 'milano' }), 400, 'hub'],
      ['hub in capitals', valid(slot, { hub: 'CREMONA' }), 400, 'hub'],
      ['honeypot', valid(slot, { website: 'http://spam.example' }), 400, 'website'],
    ];
    for (const [what, data, status, field] of cases) {
      const answer = await book({ ...data, altcha: await proof() });
      expect(answer.status, `${what}: ${answer.text}`).toBe(status);
      expect(Object.keys(answer.body?.error?.details?.fields ?? {}), what).toContain(field);
    }
    // The proof of work: missing, forged, replayed.
    const noProof = await book(valid(slot));
    expect(noProof.status).toBe(400);
    expect(noProof.body?.error?.details?.fields?.altcha).toBe(bookingMessage('it', 'altcha'));
    const forged = await book({
      ...valid(slot),
      altcha: Buffer.from('{"challenge":{},"solution":{}}').toString('base64'),
    });
    expect(forged.status).toBe(400);
    const once = await proof();
    const first = await book({ ...valid(slot, { email: 'replay@example.it' }), altcha: once });
    expect(first.status, first.text).toBe(201);
    const replayed = await book({ ...valid(slots[1]!.startsAt, { email: 'replay@example.it' }), altcha: once });
    expect(replayed.status).toBe(400);
    expect(replayed.body?.error?.details?.fields?.altcha).toBeDefined();
    // English pages hear English.
    const english = await book({ ...valid(slot, { lang: 'en', email: 'nope' }), altcha: await proof() });
    expect(english.body?.error?.details?.fields?.email).toBe(bookingMessage('en', 'email'));
    expect(await count()).toBe(before + 1);
    expect(await count("email = 'replay@example.it'")).toBe(1);
  });

  it('limits how many bookings one address sends', async () => {
    const slots = await free();
    const from = '203.0.113.77';
    const statuses: number[] = [];
    for (let index = 0; index < 4; index += 1) {
      const answer = await book(
        { ...valid(slots[index]!.startsAt, { email: `limite${index}@example.it` }), altcha: await proof() },
        from,
      );
      statuses.push(answer.status);
      if (answer.status === 429) expect(answer.headers.get('retry-after')).toBe('600');
    }
    expect(statuses).toEqual([201, 201, 201, 429]);
    expect(await count("email LIKE 'limite%'")).toBe(3);
  });

  it('works without JavaScript: the first post lists the free slots, the second, confirmed by hand, books one', async () => {
    const form = {
      hub: 'cremona',
      lang: 'it',
      done: '/cremona/prenota/richiesta-inviata/',
      point: 'Informagiovani Cremona',
      service: 'orientation',
      mode: 'online',
      name: 'Marco <i>Bianchi</i>',
      email: 'marco.bianchi@example.it',
      note: '',
      consent: 'on',
      website: '',
    };
    const first = await request(ENDPOINT, { form });
    expect(first.status, first.text).toBe(200);
    expect(first.headers.get('content-type')).toContain('text/html');
    expect(first.headers.get('content-security-policy')).toMatch(/^default-src 'none';/);
    expect(first.headers.get('content-security-policy')).not.toContain('script-src');
    expect(first.text).toContain('Scegli l’orario e conferma');
    expect(first.text).not.toContain('<script');
    const pass = /name="pass" value="([^"]+)"/.exec(first.text)?.[1];
    expect(pass).toBeTruthy();
    const offered = [...first.text.matchAll(/name="slot" value="([^"]+)"/g)].map((match) => match[1]!);
    expect(offered).toEqual((await free()).map((slot) => slot.startsAt));
    expect(first.text).toContain('value="Marco &lt;i&gt;Bianchi&lt;/i&gt;"');

    // Confirmed too fast: the page comes back, nothing stored.
    const before = await count();
    const hurried = await request(ENDPOINT, { form: { ...form, pass: pass!, slot: offered[2]! } });
    expect(hurried.status).toBe(200);
    expect(hurried.text).toContain('Hai confermato molto in fretta');
    expect(await count()).toBe(before);
    const again = /name="pass" value="([^"]+)"/.exec(hurried.text)![1]!;
    await new Promise((resolve) => setTimeout(resolve, 3_200));
    const done = await request(ENDPOINT, { form: { ...form, pass: again, slot: offered[2]! } });
    expect(done.status, done.text).toBe(303);
    expect(done.headers.get('location')).toBe('/cremona/prenota/richiesta-inviata/');
    const [row] = await queryStored<{ name: string; mode: string; starts_at: unknown }>(
      cms,
      "SELECT name, mode, starts_at FROM bookings WHERE email = 'marco.bianchi@example.it'",
    );
    expect(row).toMatchObject({ name: 'Marco Bianchi', mode: 'online' });
    expect(new Date(row!.starts_at as string).toISOString()).toBe(offered[2]);
  });

  it('lets the operator confirm or move a booking of their territory only, and tells the person each time', async () => {
    const cremona = await loginAdmin(cms.url, 'operatore.cremona@sitogiovani.test', DEV_ADMIN.password);
    const crema = await loginAdmin(cms.url, 'operatore.crema@sitogiovani.test', DEV_ADMIN.password);
    const slots = await free();
    const created = await book({
      ...valid(slots[0]!.startsAt, { email: 'anna.verdi@example.it', name: 'Anna Verdi' }),
      altcha: await proof(),
    });
    expect(created.status).toBe(201);
    const other = await book({
      ...valid(slots[1]!.startsAt, { email: 'luca.neri@example.it' }),
      altcha: await proof(),
    });
    expect(other.status).toBe(201);
    const [{ document_id: documentId }] = (await queryStored<{ document_id: string }>(
      cms,
      "SELECT document_id FROM bookings WHERE email = 'anna.verdi@example.it'",
    )) as [{ document_id: string }];
    await mail.waitFor((m) => m.to.includes('anna.verdi@example.it'));

    // The other territory's operator neither sees nor changes it, however the request is spelled.
    const listed = await crema.request('GET', `${BOOKINGS}?pageSize=100`);
    expect(JSON.stringify(listed.body)).not.toContain('anna.verdi');
    expect([403, 404]).toContain((await crema.request('GET', `${BOOKINGS}/${documentId}`)).status);
    for (const attempt of [
      () => crema.request('PUT', `${BOOKINGS}/${documentId}`, { state: 'cancelled' }),
      () => crema.request('DELETE', `${BOOKINGS}/${documentId}`),
      () => crema.request('POST', `${BOOKINGS}/actions/bulkDelete`, { documentIds: [documentId] }),
      () => cremona.request('POST', BOOKINGS, { ...valid(slots[5]!.startsAt), startsAt: slots[5]!.startsAt }),
    ])
      expect((await attempt()).status).toBeGreaterThanOrEqual(400);
    expect(await count("email = 'anna.verdi@example.it' AND state = 'requested'")).toBe(1);

    // Their own operator: who booked, for what and where stay; the territory stays.
    const moved = slots[3]!;
    const crema_id = (
      await queryStored<{ document_id: string }>(
        cms,
        "SELECT document_id FROM territories WHERE slug = 'crema' LIMIT 1",
      )
    )[0]!.document_id;
    const answer = await cremona.request('PUT', `${BOOKINGS}/${documentId}`, {
      state: 'confirmed',
      startsAt: moved.startsAt,
      endsAt: moved.endsAt,
      operatorMessage: 'Porta il curriculum stampato, se ce l’hai.',
      email: 'altro@example.it',
      name: 'Cambiato',
      territory: { connect: [crema_id] },
    });
    expect(answer.status, JSON.stringify(answer.body)).toBe(200);
    const [stored] = await queryStored<Record<string, unknown>>(
      cms,
      `SELECT b.state, b.email, b.name, b.operator_message, t.slug FROM bookings b
         JOIN bookings_territory_lnk l ON l.booking_id = b.id JOIN territories t ON t.id = l.territory_id
        WHERE b.document_id = '${documentId}'`,
    );
    expect(stored).toEqual({
      state: 'confirmed',
      email: 'anna.verdi@example.it',
      name: 'Anna Verdi',
      operator_message: 'Porta il curriculum stampato, se ce l’hai.',
      slug: 'cremona',
    });
    const told = await mail.waitFor(
      (m) => m.to.includes('anna.verdi@example.it') && m.subject.startsWith('Ti proponiamo'),
    );
    expect(told.text).toContain('Porta il curriculum stampato');
    expect(told.attachments[0]?.content).toContain('STATUS:CONFIRMED');
    expect(told.attachments[0]?.content).toContain(
      `DTSTART:${moved.startsAt.replace(/[-:]/g, '').replace(/\.\d{3}/, '')}`,
    );
    // The old slot is free again, the new one taken.
    const now = (await free()).map((slot) => slot.startsAt);
    expect(now).toContain(slots[0]!.startsAt);
    expect(now).not.toContain(moved.startsAt);

    // Moving it onto another person's slot is refused, with the field named; nothing changes.
    const clash = await cremona.request('PUT', `${BOOKINGS}/${documentId}`, {
      startsAt: slots[1]!.startsAt,
      endsAt: slots[1]!.endsAt,
    });
    expect(clash.status).toBe(400);
    expect(JSON.stringify(clash.body)).toContain('startsAt');
    const [still] = await queryStored<{ starts_at: unknown }>(
      cms,
      `SELECT starts_at FROM bookings WHERE document_id = '${documentId}'`,
    );
    expect(new Date(still!.starts_at as string).toISOString()).toBe(moved.startsAt);
    expect((await free()).map((slot) => slot.startsAt)).not.toContain(slots[1]!.startsAt);

    // Moved by its start alone, or with the end sent unchanged as the admin's form sends it, it
    // keeps its length: the end moves with the start.
    const [first, second] = (await free()).slice(-2);
    const storedTimes = async () => {
      const [row] = await queryStored<{ starts_at: unknown; ends_at: unknown }>(
        cms,
        `SELECT starts_at, ends_at FROM bookings WHERE document_id = '${documentId}'`,
      );
      return [row!.starts_at, row!.ends_at].map((value) => new Date(value as string).toISOString());
    };
    expect((await cremona.request('PUT', `${BOOKINGS}/${documentId}`, { startsAt: first!.startsAt })).status).toBe(200);
    expect(await storedTimes()).toEqual([first!.startsAt, first!.endsAt]);
    const form = { startsAt: second!.startsAt, endsAt: first!.endsAt, state: 'confirmed' };
    expect((await cremona.request('PUT', `${BOOKINGS}/${documentId}`, form)).status).toBe(200);
    expect(await storedTimes()).toEqual([second!.startsAt, second!.endsAt]);
  });

  it('cancels from the link in the mail only with its signature, after a click, freeing the slot', async () => {
    const [slot] = await free();
    expect(
      (await book({ ...valid(slot!.startsAt, { email: 'sara.blu@example.it' }), altcha: await proof() })).status,
    ).toBe(201);
    const told = await mail.waitFor((m) => m.to.includes('sara.blu@example.it'));
    const link = new URL(/http:\/\/localhost:4321\/api\/sito\/submissions\/bookings\/cancel\?\S+/.exec(told.text)![0]);
    const booking = link.searchParams.get('booking')!;
    const token = link.searchParams.get('token')!;
    const path = `${link.pathname}`;

    for (const forged of [
      `booking=${booking}&token=${token.slice(0, -2)}xx`,
      `booking=${booking}`,
      `booking=${booking}&token=${token}&token=${token}`,
      `booking=other&token=${token}`,
    ]) {
      const page = await request(`${path}?${forged}`);
      expect(page.status, forged).toBe(404);
      expect(page.text).toContain('Questo link non è valido');
      const posted = await request(path, { form: forged });
      expect(posted.status, forged).toBe(404);
    }
    // The same forgeries as JSON, where the framework hands over arrays and objects as they are;
    // and the path spelled otherwise: nothing is cancelled by any of them.
    for (const body of [
      { booking: [booking], token },
      { booking, token: [token] },
      { booking: { $ne: '' }, token },
      { booking, token: { $gt: '' } },
      { booking: booking.toUpperCase(), token },
      { booking: `${booking} `, token },
      { booking, token: null },
    ]) {
      const posted = await request(path, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Forwarded-For': nextAddress() },
        body: JSON.stringify(body),
      });
      expect(posted.status, JSON.stringify(body)).toBe(404);
    }
    for (const spelling of [`${path}/`, path.toUpperCase(), path.replace('/cancel', '/Cancel')]) {
      const posted = await request(spelling, { form: { booking, token: `${token.slice(0, -2)}xx`, lang: 'it' } });
      expect([404, 405], spelling).toContain(posted.status);
    }
    expect(await count(`document_id = '${booking}' AND state = 'requested'`)).toBe(1);
    // Following the link changes nothing (mail scanners follow links): it shows a button.
    const page = await request(`${path}${link.search}`);
    expect(page.status).toBe(200);
    expect(page.text).toContain('Annulla l’appuntamento');
    expect(await count(`document_id = '${booking}' AND state = 'requested'`)).toBe(1);

    const cancelled = await request(path, { form: { booking, token, lang: 'it' } });
    expect(cancelled.status).toBe(200);
    expect(cancelled.text).toContain('L’appuntamento è annullato');
    expect(await count(`document_id = '${booking}' AND state = 'cancelled'`)).toBe(1);
    expect((await free()).map((candidate) => candidate.startsAt)).toContain(slot!.startsAt);
    const toOperators = await mail.waitFor((m) =>
      m.subject.startsWith('Prenotazione annullata da chi l’aveva chiesta'),
    );
    expect(toOperators.to).toEqual(['operatore.cremona@sitogiovani.test']);
    // The person is not mailed about what they did themselves.
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(mail.messages.filter((m) => m.to.includes('sara.blu@example.it'))).toHaveLength(1);
    // Twice: still cancelled, nothing else happens.
    expect((await request(path, { form: { booking, token, lang: 'it' } })).status).toBe(200);
  });

  it('erases bookings once their appointment is past or they were cancelled, after the days configured', async () => {
    const total = await count();
    const cancelled = await count("state = 'cancelled'");
    expect(cancelled).toBeGreaterThan(0);
    await cms.restart({ SITO_BOOKING_DAYS_AFTER: '0' });
    expect(await count()).toBe(total - cancelled);
    expect(await count("state = 'cancelled'")).toBe(0);
  });
});
