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
import { freePort } from '../../scripts/lib/net.ts';
import { startMailCatcher, type MailCatcher } from '../../scripts/lib/mail-catcher.ts';
import { encodeProof } from '../../scripts/lib/altcha-proof.ts';

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
  /** The SMTP server the CMS sends its mail to. */
  let mail: MailCatcher;

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
    return encodeProof(fresh, solution!);
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
    mail = await startMailCatcher({ smtpPort: await freePort() });
    cms = await startTestCms({
      database,
      env: { SMTP_HOST: '127.0.0.1', SMTP_PORT: String(mail.smtpPort), SITO_HUBS_URL: 'http://localhost:4321' },
    });
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
    await mail?.close();
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

  /** What a stored question is linked to, by version: the rows the admin and the builds read. */
  const linksOf = async (questionId: number) => ({
    territory: await queryStored<{ slug: string; published: number | boolean }>(
      cms,
      `SELECT t.slug, t.published_at IS NOT NULL AS published FROM questions_territory_lnk l JOIN territories t ON t.id = l.territory_id WHERE l.question_id = ${questionId}`,
    ),
    area: await queryStored<{ slug: string; locale: string; published: number | boolean }>(
      cms,
      `SELECT a.slug, a.locale, a.published_at IS NOT NULL AS published FROM questions_thematic_area_lnk l JOIN thematic_areas a ON a.id = l.thematic_area_id WHERE l.question_id = ${questionId}`,
    ),
  });
  const questionRow = async (text: string) =>
    (
      await queryStored<Record<string, unknown> & { id: number; document_id: string; slug: string }>(
        cms,
        `SELECT id, document_id, locale, slug, published_at, to_review, last_verified_at, regional FROM questions WHERE question = '${text}'`,
      )
    ).map((row) => ({ ...row, to_review: Boolean(row.to_review), regional: Boolean(row.regional) }));

  it('writes the rows the Document Service writes: a draft linked to drafts in its language, its contact to every version', async () => {
    // The endpoint writes with the query engine (submissions/store-question.ts); the admin writes
    // the same question through the Document Service. Their rows must agree.
    const text = 'How can I prepare for a job interview for a summer internship?';
    const response = await send(
      { ...valid({ question: text, lang: 'en', email: 'ask.en@example.org', age: 20 }), altcha: await proof() },
      { 'X-Forwarded-For': '198.51.100.60' },
    );
    expect(response.status, JSON.stringify(response.body)).toBe(201);
    const [fromHub, ...more] = await questionRow(text);
    expect(more).toEqual([]);
    expect(fromHub).toMatchObject({
      locale: 'en',
      slug: 'how-can-i-prepare-for-a-job-interview-for-a-summer-internship',
      published_at: null,
      to_review: true,
      last_verified_at: null,
      regional: false,
    });

    const territories = await root.request(
      'GET',
      `/content-manager/collection-types/${TERRITORY}?filters[slug][$eq]=cremona`,
    );
    const [area] = await queryStored<{ document_id: string }>(
      cms,
      "SELECT document_id FROM thematic_areas WHERE slug = 'tirocini' AND locale = 'it' LIMIT 1",
    );
    const english = await queryStored<{ id: number }>(
      cms,
      `SELECT id FROM thematic_areas WHERE document_id = '${area!.document_id}' AND locale = 'en'`,
    );
    const areaId = english.length ? area!.document_id : undefined;
    expect(areaId, 'the area has an English version').toBeTruthy();
    const byAdmin = await root.request('POST', '/content-manager/collection-types/api::question.question?locale=en', {
      question: `${text} (admin)`,
      territory: { connect: [{ documentId: territories.body.results[0].documentId }] },
      thematicArea: { connect: [{ documentId: areaId, locale: 'en' }] },
      toReview: true,
    });
    expect(byAdmin.status, JSON.stringify(byAdmin.body)).toBe(201);
    const [fromAdmin] = await questionRow(`${text} (admin)`);

    const hubLinks = await linksOf(fromHub!.id);
    expect(hubLinks).toEqual(await linksOf(fromAdmin!.id));
    expect(hubLinks.area.map(({ locale }) => locale)).toEqual(['en']);
    expect(hubLinks.territory.map(({ published }) => Boolean(published))).toEqual([false]);

    // The contact: no draft and publish, so published, linked to the question's draft and, as the
    // Document Service links a type without drafts, to both versions of the territory.
    const [contact, ...others] = await queryStored<Record<string, unknown> & { id: number }>(
      cms,
      `SELECT c.id, c.email, c.age, c.language, c.purpose, c.published_at IS NOT NULL AS published FROM personal_contacts c JOIN personal_contacts_question_lnk l ON l.personal_contact_id = c.id WHERE l.question_id = ${fromHub!.id}`,
    );
    expect(others).toEqual([]);
    expect({ ...contact, id: undefined, published: Boolean(contact!.published) }).toEqual({
      id: undefined,
      email: 'ask.en@example.org',
      age: 20,
      language: 'en',
      purpose: 'question',
      published: true,
    });
    const contactTerritories = await queryStored<{ slug: string; published: number | boolean }>(
      cms,
      `SELECT t.slug, t.published_at IS NOT NULL AS published FROM personal_contacts_territory_lnk l JOIN territories t ON t.id = l.territory_id WHERE l.personal_contact_id = ${contact!.id} ORDER BY published`,
    );
    expect(contactTerritories.map((row) => [row.slug, Boolean(row.published)])).toEqual([
      ['cremona', false],
      ['cremona', true],
    ]);

    // And the operator's admin reads it as any other: the draft with its territory and area.
    const opened = await root.request(
      'GET',
      `/content-manager/collection-types/api::question.question/${fromHub!.document_id as string}?locale=en`,
    );
    expect(opened.status).toBe(200);
    expect(opened.body.data).toMatchObject({ question: text, locale: 'en', toReview: true });

    // A second question with the same words gets a slug of its own.
    const again = await send(
      { ...valid({ question: text, lang: 'en' }), altcha: await proof() },
      { 'X-Forwarded-For': '198.51.100.60' },
    );
    expect(again.status).toBe(201);
    expect((await questionRow(text)).map((row) => row.slug).sort()).toEqual([
      'how-can-i-prepare-for-a-job-interview-for-a-summer-internship',
      'how-can-i-prepare-for-a-job-interview-for-a-summer-internship-2',
    ]);
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
      ['question too long', { question: 'a'.repeat(501) }, 'question'],
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

  /** A browser's own post of the form, from a client behind the hub server (X-Forwarded-For). */
  const post = (form: Record<string, string>, address: string) =>
    fetch(`${cms.url}${ENDPOINT}`, {
      method: 'POST',
      redirect: 'manual',
      headers: {
        'Content-Type': 'application/x-www-form-urlencoded',
        Accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8',
        'X-Forwarded-For': address,
      },
      body: new URLSearchParams(form).toString(),
    });
  const DONE = '/cremona/esperto-risponde/domanda-inviata/';
  const plainForm = (overrides: Record<string, string> = {}) => ({
    hub: 'cremona',
    lang: 'it',
    done: DONE,
    question: 'Senza JavaScript: come mi iscrivo al Servizio civile universale a Cremona?',
    area: '',
    age: '22',
    email: '',
    consent: 'on',
    website: '',
    ...overrides,
  });
  const passOf = (html: string) => /name="pass" value="([^"]+)"/.exec(html)?.[1] ?? '';

  it('without JavaScript: a page to check and confirm, refused if confirmed at once or twice, then a redirect to the hub', async () => {
    const before = await stored();
    const first = await post(plainForm(), '203.0.113.10');
    expect(first.status).toBe(200);
    expect(first.headers.get('content-type')).toContain('text/html');
    expect(first.headers.get('content-security-policy')).toContain("default-src 'none'");
    const page = await first.text();
    expect(page).toContain('<h1>Controlla e conferma la domanda</h1>');
    expect(page).toContain('>Senza JavaScript: come mi iscrivo al Servizio civile universale a Cremona?</textarea>');
    expect(page).toContain('value="22"');
    expect(page).toMatch(/id="consent" name="consent" type="checkbox" checked/);
    expect(await stored()).toEqual(before);

    // A script that confirms as soon as it has the page: refused, the form given back.
    const hasty = await post({ ...plainForm(), pass: passOf(page) }, '203.0.113.10');
    expect(hasty.status).toBe(200);
    const hastyPage = await hasty.text();
    expect(hastyPage).toContain('Hai confermato molto in fretta');
    expect(await stored()).toEqual(before);

    // Forged or spent passes: the page again, nothing stored.
    const pass = passOf(hastyPage);
    await new Promise((resolve) => setTimeout(resolve, 3_200));
    const forged = `${pass.slice(0, -2)}${pass.endsWith('AA') ? 'BB' : 'AA'}`;
    const later = (Date.now() - 60_000).toString(36);
    for (const bad of [forged, `${later}.${pass.split('.')[1]}.${pass.split('.')[2]}`, 'x.y.z', '']) {
      const response = await post({ ...plainForm(), pass: bad }, '203.0.113.10');
      expect(response.status, bad).toBe(200);
      expect(await response.text(), bad).toContain('<h1>Controlla e conferma la domanda</h1>');
    }
    expect(await stored()).toEqual(before);

    const confirmed = await post({ ...plainForm(), pass }, '203.0.113.10');
    expect(confirmed.status).toBe(303);
    expect(confirmed.headers.get('location')).toBe(DONE);
    expect(await stored()).toEqual({ questions: before.questions + 1, contacts: before.contacts + 1 });
    const [question] = await queryStored<{ question: string; published_at: unknown }>(
      cms,
      'SELECT question, published_at FROM questions ORDER BY id DESC LIMIT 1',
    );
    expect(question).toEqual({ question: plainForm().question, published_at: null });

    const replayed = await post({ ...plainForm(), pass }, '203.0.113.10');
    expect(replayed.status).toBe(200);
    expect(await replayed.text()).toContain('La conferma è scaduta');
    expect(await stored()).toEqual({ questions: before.questions + 1, contacts: before.contacts + 1 });
  });

  it('without JavaScript: a bad field comes back as the form, the text kept and escaped, the message next to the field', async () => {
    const before = await stored();
    const response = await post(
      plainForm({ question: '<script>alert(1)</script>"corta"', email: 'giulia@', lang: 'en' }),
      '203.0.113.11',
    );
    expect(response.status).toBe(400);
    const page = await response.text();
    expect(page).toContain('<html lang="en">');
    expect(page).not.toContain('<script>alert(1)');
    expect(page).toContain('&lt;script&gt;alert(1)&lt;/script&gt;&quot;corta&quot;</textarea>');
    expect(page).toContain('<p class="error" id="question-error">Write your question in at least 20 characters');
    expect(page).toMatch(/name="question"[^>]*aria-describedby="question-hint question-error" aria-invalid="true"/);
    expect(page).toMatch(/name="email"[^>]*aria-describedby="email-hint email-error" aria-invalid="true"/);
    expect(page).toMatch(/class="summary" role="alert"/);
    const honeypot = await post(plainForm({ website: 'https://spam.example' }), '203.0.113.11');
    expect(honeypot.status).toBe(400);
    expect(await honeypot.text()).toContain('Questo campo deve restare vuoto.');
    expect(await stored()).toEqual(before);
  });

  it('with a proof, a plain form is stored and leads back to the hub, never to another site', async () => {
    const hostile = ['//evil.example/x', '/\\evil.example', 'https://evil.example/', 'javascript:alert(1)'];
    for (const [index, done] of hostile.entries()) {
      const response = await post({ ...plainForm({ done }), altcha: await proof() }, `203.0.113.${20 + index}`);
      expect(response.status, done).toBe(303);
      expect(response.headers.get('location'), done).toBe('/cremona/');
    }
    const own = await post({ ...plainForm(), altcha: await proof() }, '203.0.113.30');
    expect(own.headers.get('location')).toBe(DONE);
    // A proof that fails is not confirmed by hand instead: the form comes back with the reason.
    const bad = await post({ ...plainForm(), altcha: 'bm90IGpzb24=' }, '203.0.113.31');
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain('La verifica anti-spam non è riuscita');
  });

  it('counts a client behind the hub server by the address the proxy names', async () => {
    // Five from one reader behind the proxy fill that reader's quota, not the proxy's.
    for (let i = 0; i < 5; i++) {
      const response = await post({ ...plainForm(), altcha: await proof() }, '198.51.100.40');
      expect(response.status).toBe(303);
    }
    const before = await stored();
    const sixth = await post({ ...plainForm(), altcha: await proof() }, '198.51.100.40');
    expect(sixth.status).toBe(429);
    expect(await sixth.text()).toContain('Troppi messaggi in poco tempo');
    expect(await stored()).toEqual(before);
    const neighbour = await post({ ...plainForm(), altcha: await proof() }, '198.51.100.41');
    expect(neighbour.status).toBe(303);
  });

  it('mails a new question to its territory’s operators only, and who asked once, when the answer is published', async () => {
    const text = 'Vorrei fare il servizio civile all’estero: quando escono i bandi per il 2027?';
    const response = await post(
      { ...plainForm({ question: text, email: 'Sara.Neri@example.it' }), altcha: await proof() },
      '198.51.100.50',
    );
    expect(response.status).toBe(303);
    const toOperators = await mail.waitFor((m) => m.text.includes(text));
    expect(toOperators.subject).toBe('Nuova domanda per Informagiovani Cremona');
    expect(toOperators.to).toEqual(['operatore.cremona@sitogiovani.test']);
    expect(toOperators.text, 'who asked stays in the admin').not.toContain('sara.neri');
    const [row] = await queryStored<{ document_id: string }>(
      cms,
      `SELECT document_id FROM questions WHERE question = '${text.replace(/'/g, "''")}'`,
    );
    const documentId = row!.document_id;
    expect(toOperators.text).toContain(`/admin/content-manager/collection-types/api::question.question/${documentId}`);

    // The operator answers and publishes: who asked is told once, with the link to the answer.
    const base = '/content-manager/collection-types/api::question.question';
    const updated = await root.request('PUT', `${base}/${documentId}?locale=it`, {
      answeredOn: '2026-12-01',
      answer: [{ type: 'paragraph', children: [{ type: 'text', text: 'I bandi escono di solito a dicembre.' }] }],
    });
    expect(updated.status, JSON.stringify(updated.body)).toBe(200);
    const published = await root.request('POST', `${base}/${documentId}/actions/publish?locale=it`, {});
    expect(published.status, JSON.stringify(published.body)).toBe(200);
    const slug = (published.body.data as { slug: string }).slug;
    const answered = await mail.waitFor((m) => m.to.includes('sara.neri@example.it'));
    expect(answered.subject).toBe('La risposta alla tua domanda è online');
    expect(answered.text).toContain(`«${text}»`);
    expect(answered.text).toContain(`http://localhost:4321/cremona/esperto-risponde/${slug}/`);
    // Marked once the SMTP server has taken it.
    await expect
      .poll(
        async () =>
          (
            await queryStored<{ answer_notified_at: unknown }>(
              cms,
              "SELECT answer_notified_at FROM personal_contacts WHERE email = 'sara.neri@example.it'",
            )
          )[0]!.answer_notified_at,
        { timeout: 10_000 },
      )
      .not.toBeNull();

    // Published again after a correction: not a second mail.
    expect((await root.request('POST', `${base}/${documentId}/actions/publish?locale=it`, {})).status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(mail.messages.filter((m) => m.to.includes('sara.neri@example.it'))).toHaveLength(1);
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

  it('erases who asked once no longer needed: after the answer is out, and in any case after a while', async () => {
    const text = 'Dove trovo i corsi gratuiti per diventare educatore di un centro estivo?';
    const sent = await post(
      { ...plainForm({ question: text, email: 'piero.gialli@example.it' }), altcha: await proof() },
      '198.51.100.60',
    );
    expect(sent.status).toBe(303);
    const [row] = await queryStored<{ document_id: string }>(
      cms,
      `SELECT document_id FROM questions WHERE question = '${text}'`,
    );
    const base = '/content-manager/collection-types/api::question.question';
    await root.request('PUT', `${base}/${row!.document_id}?locale=it`, { answeredOn: '2026-12-01' });
    const published = await root.request('POST', `${base}/${row!.document_id}/actions/publish?locale=it`, {});
    expect(published.status, JSON.stringify(published.body)).toBe(200);

    const { questions, contacts } = await stored();
    const [answered] = await queryStored<{ n: number | string }>(
      cms,
      `SELECT count(DISTINCT c.id) AS n FROM personal_contacts c
         JOIN personal_contacts_question_lnk l ON l.personal_contact_id = c.id
         JOIN questions q ON q.document_id IN (SELECT document_id FROM questions WHERE id = l.question_id)
        WHERE q.published_at IS NOT NULL`,
    );
    expect(Number(answered!.n)).toBeGreaterThan(0);
    // «Erased 0 days after the answer»: the answered ones go at the next boot, the others stay.
    await cms.restart({ SITO_CONTACT_DAYS_AFTER_ANSWER: '0' });
    expect(await stored()).toEqual({ questions, contacts: contacts - Number(answered!.n) });
    const [left] = await queryStored<{ n: number | string }>(
      cms,
      "SELECT count(*) AS n FROM personal_contacts WHERE email = 'piero.gialli@example.it'",
    );
    expect(Number(left!.n)).toBe(0);
    // «At most 0 days after it arrived»: every contact goes, every question stays.
    await cms.restart({ SITO_CONTACT_MAX_DAYS: '0' });
    expect(await stored()).toEqual({ questions, contacts: 0 });
    await cms.restart();
    root = await cms.admin();
  });
});
