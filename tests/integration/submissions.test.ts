import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createChallenge, solveChallenge, type Challenge } from 'altcha-lib';
import { deriveKey } from 'altcha-lib/algorithms/sha';
import { DEV_ADMIN } from '@sito/shared';
import {
  createEntry,
  databasesUnderTest,
  loginAdmin,
  startTestCms,
  type AdminClient,
  type TestCms,
} from '../helpers/test-cms.ts';
import { closeStoredReads, queryStored } from '../helpers/stored-state.ts';

const TERRITORY = 'api::territory.territory';
const ENDPOINT = '/api/sito/submissions/questions';

/**
 * «Fai una domanda»: the public endpoint a hub's form posts to. A real CMS, a real proof of work
 * solved as the widget solves it, and after every request what the database holds.
 */
describe.each(databasesUnderTest())('questions sent from a hub, on %s', (database) => {
  let cms: TestCms;
  let root: AdminClient;
  let accepted = 0;

  const stored = async () => {
    const [questions] = await queryStored<{ n: number | string }>(cms, 'SELECT count(*) AS n FROM questions');
    const [contacts] = await queryStored<{ n: number | string }>(cms, 'SELECT count(*) AS n FROM personal_contacts');
    return { questions: Number(questions!.n), contacts: Number(contacts!.n) };
  };

  /** A challenge from the CMS, solved: what the ALTCHA widget puts in the form's `altcha` field. */
  const proof = async (challenge?: Challenge): Promise<string> => {
    const fresh = challenge ?? ((await (await fetch(`${cms.url}/api/sito/submissions/challenge`)).json()) as Challenge);
    const solution = await solveChallenge({ challenge: fresh, deriveKey });
    expect(solution, 'the challenge is solvable').not.toBeNull();
    return Buffer.from(JSON.stringify({ challenge: fresh, solution })).toString('base64');
  };

  const send = async (body: Record<string, unknown> | string, headers: Record<string, string> = {}) => {
    const isForm = typeof body === 'string';
    const response = await fetch(`${cms.url}${ENDPOINT}`, {
      method: 'POST',
      headers: { 'Content-Type': isForm ? 'application/x-www-form-urlencoded' : 'application/json', ...headers },
      body: isForm ? body : JSON.stringify(body),
    });
    return {
      status: response.status,
      headers: response.headers,
      body: (await response.json().catch(() => null)) as {
        data?: Record<string, unknown>;
        error?: { message: string; details?: { fields?: Record<string, string> } };
      } | null,
    };
  };

  const valid = (overrides: Record<string, unknown> = {}) => ({
    hub: 'cremona',
    question: 'Ho 17 anni: posso fare un tirocinio estivo in un museo di Cremona?',
    area: 'tirocini',
    age: 17,
    email: 'Giulia.Rossi@example.it',
    consent: true,
    ...overrides,
  });

  beforeAll(async () => {
    cms = await startTestCms({ database });
    root = await cms.admin();
    await createEntry(root, TERRITORY, { name: 'Informagiovani Cremona', shortName: 'Cremona', slug: 'cremona' });
    await createEntry(root, TERRITORY, { name: 'Orientagiovani Crema', shortName: 'Crema', slug: 'crema' });
    // The demo operators are created for the territories that exist at boot.
    await cms.restart();
    root = await cms.admin();
  });

  afterAll(async () => {
    await closeStoredReads();
    await cms?.destroy();
  });

  it('stores a question as a draft of the hub’s territory, and who asked apart from it, out of the public API', async () => {
    const before = await stored();
    const response = await send({ ...valid(), altcha: await proof() });
    expect(response.status, JSON.stringify(response.body)).toBe(201);
    expect(response.body?.data).toEqual({ received: true, answerByEmail: true });
    accepted += 1;
    expect(await stored()).toEqual({ questions: before.questions + 1, contacts: before.contacts + 1 });

    const [question] = await queryStored<Record<string, unknown>>(
      cms,
      'SELECT id, question, locale, published_at, regional FROM questions ORDER BY id DESC LIMIT 1',
    );
    expect(question).toMatchObject({ question: valid().question, locale: 'it', published_at: null });
    const [owner] = await queryStored<{ slug: string }>(
      cms,
      `SELECT t.slug FROM questions_territory_lnk l JOIN territories t ON t.id = l.territory_id WHERE l.question_id = ${Number(question!.id)}`,
    );
    expect(owner?.slug).toBe('cremona');
    const [contact] = await queryStored<Record<string, unknown>>(
      cms,
      'SELECT email, age, language, purpose FROM personal_contacts ORDER BY id DESC LIMIT 1',
    );
    expect(contact).toEqual({ email: 'giulia.rossi@example.it', age: 17, language: 'it', purpose: 'question' });

    // Not readable by anyone outside: neither the draft, nor the contact by any route.
    const questions = await (await fetch(`${cms.url}/api/questions?status=draft&populate=*`)).text();
    expect(questions).not.toContain('tirocinio estivo in un museo');
    for (const path of ['/api/personal-contacts', '/api/personal-contact', '/api/personal-contacts?populate=*']) {
      const response = await fetch(`${cms.url}${path}`);
      expect([403, 404], path).toContain(response.status);
      expect(await response.text()).not.toContain('giulia.rossi');
    }
  });

  it('takes a plain HTML form (a checkbox sends «on», numbers come as text), keeping text only', async () => {
    const form = new URLSearchParams({
      hub: 'cremona',
      question: 'Come si scrive un <b>curriculum</b> <script>alert(1)</script>se non ho mai lavorato?',
      age: '19',
      consent: 'on',
      website: '',
      altcha: await proof(),
    });
    const response = await send(form.toString());
    expect(response.status, JSON.stringify(response.body)).toBe(201);
    accepted += 1;
    const [question] = await queryStored<{ question: string }>(
      cms,
      'SELECT question FROM questions ORDER BY id DESC LIMIT 1',
    );
    expect(question!.question).toBe('Come si scrive un curriculum alert(1) se non ho mai lavorato?');
  });

  it('refuses every bad field with a 400 naming it, in the form’s language, and stores nothing', async () => {
    const before = await stored();
    const cases: Array<[string, Record<string, unknown>, string]> = [
      ['question too short', { question: 'Aiuto' }, 'question'],
      ['question too long', { question: 'a'.repeat(2001) }, 'question'],
      ['question only markup', { question: '<b></b><i></i><script></script><p>ciao</p>' }, 'question'],
      [
        'three links',
        { question: 'Guardate https://a.example www.b.example e http://c.example per favore' },
        'question',
      ],
      ['question not text', { question: ['lista'] }, 'question'],
      ['email', { email: 'giulia@' }, 'email'],
      ['age too young', { age: 12 }, 'age'],
      ['age in words', { age: 'diciassette' }, 'age'],
      ['no consent', { consent: undefined }, 'consent'],
      ['consent false', { consent: 'false' }, 'consent'],
      ['consent false boolean', { consent: false }, 'consent'],
      ['hub not a slug', { hub: '../cremona' }, 'hub'],
      ['honeypot', { website: 'https://spam.example' }, 'website'],
      ['honeypot not text', { website: 1 }, 'website'],
    ];
    for (const [label, overrides, field] of cases) {
      const response = await send(valid(overrides));
      expect(response.status, label).toBe(400);
      expect(Object.keys(response.body?.error?.details?.fields ?? {}), label).toContain(field);
    }
    const english = await send(valid({ lang: 'en', email: 'nope' }));
    expect(english.body?.error?.details?.fields?.email).toBe(
      'The email address is not valid (for example name@example.com).',
    );
    const italian = await send(valid({ consent: undefined }));
    expect(italian.body?.error?.message).toBe(
      "Per inviare la domanda devi dichiarare di aver letto l'informativa sulla privacy.",
    );
    for (const body of ['[1,2]', '"una stringa"', 'null']) {
      const response = await fetch(`${cms.url}${ENDPOINT}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body,
      });
      expect(response.status, body).toBeGreaterThanOrEqual(400);
      expect(response.status, body).toBeLessThan(500);
    }
    const huge = await send(valid({ question: `${'Una domanda lunghissima. '.repeat(800)}` }));
    expect(huge.status).toBe(413);
    expect(await stored()).toEqual(before);
  });

  it('refuses a missing, unreadable, forged or replayed proof of work, and an unknown hub or area', async () => {
    const before = await stored();
    const used = await proof();
    expect((await send({ ...valid(), altcha: used })).status).toBe(201);
    accepted += 1;
    const afterOne = await stored();
    // A challenge signed with another key, solved honestly: forged.
    const foreign = await createChallenge({
      algorithm: 'SHA-256',
      cost: 1,
      counter: 10,
      deriveKey,
      hmacSignatureSecret: 'not-the-cms-key',
    });
    const genuine = (await (await fetch(`${cms.url}/api/sito/submissions/challenge`)).json()) as Challenge;
    const tampered = JSON.parse(Buffer.from(await proof(genuine), 'base64').toString('utf8')) as {
      challenge: Challenge;
      solution: { counter: number };
    };
    tampered.solution.counter += 1;
    const proofs: Array<[string, unknown]> = [
      ['no proof', undefined],
      ['empty', ''],
      ['not base64 JSON', 'bm90IGpzb24='],
      ['garbage', '%%%'],
      ['an object without a solution', { challenge: genuine }],
      ['forged challenge', await proof(foreign)],
      ['wrong solution', Buffer.from(JSON.stringify(tampered)).toString('base64')],
      ['replayed', used],
    ];
    for (const [label, altcha] of proofs) {
      const response = await send({ ...valid(), altcha });
      expect(response.status, label).toBe(400);
      expect(Object.keys(response.body?.error?.details?.fields ?? {}), label).toEqual(['altcha']);
    }
    expect(
      (await send({ ...valid({ hub: 'bergamo' }), altcha: await proof() })).body?.error?.details?.fields,
    ).toHaveProperty('hub');
    expect(
      (await send({ ...valid({ area: 'astrologia' }), altcha: await proof() })).body?.error?.details?.fields,
    ).toHaveProperty('area');
    expect(await stored()).toEqual({ questions: before.questions + 1, contacts: before.contacts + 1 });
    expect(afterOne).toEqual(await stored());
  });

  it('limits one address to five questions in ten minutes: the sixth is refused with 429 and not stored', async () => {
    while (accepted < 5) {
      expect((await send({ ...valid(), altcha: await proof() })).status).toBe(201);
      accepted += 1;
    }
    const before = await stored();
    const sixth = await send({ ...valid(), altcha: await proof() });
    expect(sixth.status).toBe(429);
    expect(sixth.headers.get('retry-after')).toBe('600');
    expect(sixth.body?.error?.message).toBe('Troppi messaggi in poco tempo: riprova tra 10 minuti.');
    expect(await stored()).toEqual(before);
  });

  it('shows who asked to the operators of the question’s territory only, who may erase it but not change it', async () => {
    const CONTACTS = '/content-manager/collection-types/api::personal-contact.personal-contact';
    const cremona = await loginAdmin(cms.url, 'operatore.cremona@sitogiovani.test', DEV_ADMIN.password);
    const crema = await loginAdmin(cms.url, 'operatore.crema@sitogiovani.test', DEV_ADMIN.password);
    const { contacts: total } = await stored();
    const own = await cremona.request('GET', `${CONTACTS}?pageSize=100`);
    expect(own.status).toBe(200);
    const listed = own.body.results as Array<{ documentId: string; email: string | null }>;
    expect(listed).toHaveLength(total);
    expect(listed.map((contact) => contact.email)).toContain('giulia.rossi@example.it');
    const target = listed[0]!.documentId;

    for (const path of [
      CONTACTS,
      CONTACTS.toUpperCase().replace(
        'API::PERSONAL-CONTACT.PERSONAL-CONTACT',
        'api::personal-contact.personal-contact',
      ),
      `${CONTACTS}/`,
    ]) {
      const other = await crema.request('GET', `${path}?pageSize=100`);
      expect(JSON.stringify(other.body), path).not.toContain('giulia.rossi');
    }
    expect([403, 404]).toContain((await crema.request('GET', `${CONTACTS}/${target}`)).status);
    const before = await stored();
    for (const attempt of [
      () => crema.request('DELETE', `${CONTACTS}/${target}`),
      () => crema.request('POST', `${CONTACTS}/actions/bulkDelete`, { documentIds: [target] }),
      () => cremona.request('PUT', `${CONTACTS}/${target}`, { email: 'cambiata@example.it' }),
      () => cremona.request('POST', CONTACTS, { purpose: 'question', consentAt: new Date().toISOString() }),
    ]) {
      const response = await attempt();
      expect(response.status).toBeGreaterThanOrEqual(400);
    }
    expect(await stored()).toEqual(before);
    const [unchanged] = await queryStored<{ n: number | string }>(
      cms,
      "SELECT count(*) AS n FROM personal_contacts WHERE email = 'cambiata@example.it'",
    );
    expect(Number(unchanged!.n)).toBe(0);

    // Erasing on request: the operator of the territory deletes the contact; the question stays.
    expect((await cremona.request('DELETE', `${CONTACTS}/${target}`)).status).toBe(200);
    expect(await stored()).toEqual({ questions: before.questions, contacts: before.contacts - 1 });
  });
});
