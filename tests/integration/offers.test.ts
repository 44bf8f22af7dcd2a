import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEV_ADMIN, offerMessage, romeDate, addDays } from '@sito/shared';
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
const OPPORTUNITIES = '/content-manager/collection-types/api::opportunity.opportunity';
const ENDPOINT = '/api/sito/submissions/offers';

/**
 * «Pubblica un'offerta»: the public endpoint, a real CMS and database, the proof of work solved as
 * the widget solves it, the mail in a real SMTP server; after every request, what is stored.
 */
describe.each(databasesUnderTest())('offers sent from a hub, on %s', (database) => {
  let cms: TestCms;
  let root: AdminClient;
  let mail: MailCatcher;
  let address = 0;
  const nextAddress = () => `198.51.100.${(address += 1)}`;

  const count = async (table: string, where = '1=1') =>
    Number((await queryStored<{ n: number | string }>(cms, `SELECT count(*) AS n FROM ${table} WHERE ${where}`))[0]!.n);
  const stored = async () => ({
    offers: await count('opportunities'),
    contacts: await count('personal_contacts'),
  });

  const proof = (): Promise<string> => solvedProof(cms.url);

  const send = async (data: Record<string, unknown>) => {
    const response = await fetch(`${cms.url}${ENDPOINT}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json', 'X-Forwarded-For': nextAddress() },
      body: JSON.stringify(data),
    });
    return {
      status: response.status,
      body: (await response.json().catch(() => null)) as {
        data?: Record<string, unknown>;
        error?: { message: string; details?: { fields?: Record<string, string> } };
      } | null,
    };
  };
  const post = async (form: Record<string, string>) => {
    const response = await fetch(`${cms.url}${ENDPOINT}`, {
      method: 'POST',
      redirect: 'manual',
      headers: {
        'Content-Type': 'application/x-www-form-urlencoded',
        Accept: 'text/html,application/xhtml+xml;q=0.9,*/*;q=0.8',
        'X-Forwarded-For': nextAddress(),
      },
      body: new URLSearchParams(form).toString(),
    });
    return { status: response.status, location: response.headers.get('location'), text: await response.text() };
  };

  const deadline = addDays(romeDate(new Date()), 30);
  const valid = (overrides: Record<string, unknown> = {}) => ({
    hub: 'cremona',
    kind: 'seasonal',
    title: 'Animatore o animatrice per il centro estivo',
    summary: 'Cerchiamo animatori per il centro estivo comunale di luglio, anche alla prima esperienza.',
    description: 'Dal 1 al 31 luglio, dal lunedì al venerdì.\n\nCorso di formazione iniziale pagato.',
    municipality: 'Cremona',
    deadline,
    applyEmail: 'Lavoro@Cooperativa-Cerchio.it',
    organisation: 'Cooperativa Sociale Il Cerchio',
    vatNumber: 'IT 00297960197',
    contactName: 'Anna Ferri',
    contactEmail: 'Anna.Ferri@Cooperativa-Cerchio.it',
    consent: true,
    ...overrides,
  });

  beforeAll(async () => {
    mail = await startMailCatcher({ smtpPort: await freePort() });
    cms = await startTestCms({
      database,
      env: {
        SMTP_HOST: '127.0.0.1',
        SMTP_PORT: String(mail.smtpPort),
        SITO_HUBS_URL: 'http://localhost:4321',
        SITO_SUBMISSIONS_PER_ADDRESS: '5',
        SITO_SUBMISSIONS_PER_TERRITORY: '1000',
      },
    });
    root = await cms.admin();
    await createEntry(root, TERRITORY, { name: 'Informagiovani Cremona', shortName: 'Cremona', slug: 'cremona' });
    await createEntry(root, TERRITORY, { name: 'Orientagiovani Crema', shortName: 'Crema', slug: 'crema' });
    await cms.restart();
    root = await cms.admin();
  });

  afterAll(async () => {
    await closeStoredReads();
    await cms?.destroy();
    await mail?.close();
  });

  it('stores a draft opportunity of the hub’s territory, marked as a submission, and who sent it apart, out of the public API', async () => {
    const before = await stored();
    const answer = await send({ ...valid(), altcha: await proof() });
    expect(answer.status, JSON.stringify(answer.body)).toBe(201);
    expect(await stored()).toEqual({ offers: before.offers + 1, contacts: before.contacts + 1 });

    const [offer] = await queryStored<Record<string, unknown>>(
      cms,
      `SELECT o.id, o.document_id, o.kind, o.title, o.organisation, o.published_at, o.from_submission, o.to_review, o.last_verified_at, o.regional,
              o.age_min, o.age_max, o.apply_email, o.locale, t.slug
         FROM opportunities o JOIN opportunities_territory_lnk l ON l.opportunity_id = o.id
         JOIN territories t ON t.id = l.territory_id ORDER BY o.id DESC LIMIT 1`,
    );
    expect(offer).toMatchObject({
      kind: 'seasonal',
      title: valid().title,
      organisation: 'Cooperativa Sociale Il Cerchio',
      published_at: null,
      locale: 'it',
      apply_email: 'lavoro@cooperativa-cerchio.it',
      age_min: 15,
      age_max: 34,
      slug: 'cremona',
    });
    expect(Boolean(offer!.from_submission)).toBe(true);
    // Nobody has verified it yet: it is flagged to review, with no date of verification.
    expect(Boolean(offer!.to_review)).toBe(true);
    expect(offer!.last_verified_at).toBeNull();
    expect(Boolean(offer!.regional)).toBe(false);
    const [contact] = await queryStored<Record<string, unknown>>(
      cms,
      `SELECT c.purpose, c.email, c.name, c.vat_number, c.organisation FROM personal_contacts c
         JOIN personal_contacts_opportunity_lnk l ON l.personal_contact_id = c.id
        WHERE l.opportunity_id = ${Number(offer!.id)}`,
    );
    expect(contact).toEqual({
      purpose: 'offer',
      email: 'anna.ferri@cooperativa-cerchio.it',
      name: 'Anna Ferri',
      vat_number: '00297960197',
      organisation: 'Cooperativa Sociale Il Cerchio',
    });

    // Not public: neither the draft, nor who sent it, nor the mark.
    const api = await (await fetch(`${cms.url}/api/opportunities?status=draft&pagination[pageSize]=100`)).text();
    expect(api).not.toContain('centro estivo');
    expect(api).not.toContain('fromSubmission');

    const told = await mail.waitFor((m) => m.subject === 'Nuova offerta da pubblicare per Informagiovani Cremona');
    expect(told.to).toEqual(['operatore.cremona@sitogiovani.test']);
    expect(told.text).toContain(`«${valid().title}»`);
    expect(told.text).toContain(
      `/admin/content-manager/collection-types/api::opportunity.opportunity/${String(offer!.document_id)}`,
    );
    expect(told.text).not.toContain('anna.ferri');
  });

  it('refuses every bad offer with the field named, and stores nothing of it', async () => {
    const before = await stored();
    const yesterday = addDays(romeDate(new Date()), -1);
    const cases: Array<[string, Record<string, unknown>, string]> = [
      ['VAT with a wrong check digit', valid({ vatNumber: '00297960196' }), 'vatNumber'],
      ['VAT as a number', valid({ vatNumber: 297960197 }), 'vatNumber'],
      ['no way to apply', valid({ applyEmail: '' }), 'applyEmail'],
      ['apply address over http', valid({ applyUrl: 'http://cerchio.example/lavora' }), 'applyUrl'],
      ['apply address as a script', valid({ applyUrl: 'javascript:alert(1)' }), 'applyUrl'],
      ['deadline yesterday', valid({ deadline: yesterday }), 'deadline'],
      ['a kind that is the offices’', valid({ kind: 'civil-service' }), 'kind'],
      ['kind as a list', valid({ kind: ['job'] }), 'kind'],
      ['remote «maybe»', valid({ remote: 'maybe' }), 'remote'],
      ['title of markup only', valid({ title: '<b><i></i></b>' }), 'title'],
      ['three links', valid({ description: 'www.a.it http://b.it https://c.it' }), 'description'],
      ['consent «false»', valid({ consent: 'false' }), 'consent'],
      ['unknown hub', valid({ hub: 'milano' }), 'hub'],
      ['honeypot', valid({ website: 'x' }), 'website'],
    ];
    for (const [what, data, field] of cases) {
      const answer = await send({ ...data, altcha: await proof() });
      expect(answer.status, `${what}: ${JSON.stringify(answer.body)}`).toBe(400);
      expect(Object.keys(answer.body?.error?.details?.fields ?? {}), what).toContain(field);
    }
    const noProof = await send(valid());
    expect(noProof.body?.error?.details?.fields?.altcha).toBe(offerMessage('it', 'altcha'));
    const once = await proof();
    expect((await send({ ...valid({ title: 'Offerta inviata una volta sola' }), altcha: once })).status).toBe(201);
    expect((await send({ ...valid({ title: 'Offerta inviata una volta sola' }), altcha: once })).status).toBe(400);
    const english = await send({ ...valid({ lang: 'en', vatNumber: '123' }), altcha: await proof() });
    expect(english.body?.error?.details?.fields?.vatNumber).toBe(offerMessage('en', 'vatNumber'));
    expect(await stored()).toEqual({ offers: before.offers + 1, contacts: before.contacts + 1 });
    expect(await count('opportunities', "title = 'Offerta inviata una volta sola'")).toBe(1);
  });

  it('works without JavaScript: problems come back next to their field, then a page to confirm, then the hub', async () => {
    const form = {
      hub: 'cremona',
      lang: 'it',
      done: '/cremona/pubblica-offerta/offerta-inviata/',
      kind: 'internship',
      title: 'Tirocinio in ufficio <b>grafico</b>',
      summary: 'Tirocinio di sei mesi nel nostro studio grafico, con rimborso spese mensile.',
      description: '',
      municipality: '',
      deadline: '',
      applyUrl: '',
      applyEmail: 'studio@grafica-example.it',
      organisation: 'Studio Grafico Esempio',
      vatNumber: '1234567890',
      contactName: 'Luca Neri',
      contactEmail: 'luca@grafica-example.it',
      consent: 'on',
      website: '',
    };
    const before = await stored();
    const wrong = await post(form);
    expect(wrong.status).toBe(400);
    expect(wrong.text).toContain('<p class="error" id="vatNumber-error">La partita IVA non è valida');
    expect(wrong.text).toContain('value="Tirocinio in ufficio &lt;b&gt;grafico&lt;/b&gt;"');
    expect(wrong.text).not.toContain('name="pass"');
    const confirm = await post({ ...form, vatNumber: '12345678903' });
    expect(confirm.status).toBe(200);
    expect(confirm.text).toContain('Controlla e conferma l’offerta');
    const pass = /name="pass" value="([^"]+)"/.exec(confirm.text)![1]!;
    expect(await stored()).toEqual(before);
    await new Promise((resolve) => setTimeout(resolve, 3_200));
    const done = await post({ ...form, vatNumber: '12345678903', pass });
    expect(done.status).toBe(303);
    expect(done.location).toBe('/cremona/pubblica-offerta/offerta-inviata/');
    expect(await count('opportunities', "title = 'Tirocinio in ufficio grafico'")).toBe(1);
  });

  it('tells who sent it once when it is published and once when it expires, then forgets them', async () => {
    const title = 'Barista per la stagione estiva al lago';
    expect(
      (
        await send({
          ...valid({ title, contactEmail: 'marta@bar-lago.example', vatNumber: '01114601006' }),
          altcha: await proof(),
        })
      ).status,
    ).toBe(201);
    const [row] = await queryStored<{ document_id: string }>(
      cms,
      `SELECT document_id FROM opportunities WHERE title = '${title}'`,
    );
    const documentId = row!.document_id;

    // The other territory's operator does not see it; Cremona's reviews and publishes it.
    const crema = await loginAdmin(cms.url, 'operatore.crema@sitogiovani.test', DEV_ADMIN.password);
    expect(JSON.stringify((await crema.request('GET', `${OPPORTUNITIES}?pageSize=100`)).body)).not.toContain(title);
    const cremona = await loginAdmin(cms.url, 'operatore.cremona@sitogiovani.test', DEV_ADMIN.password);
    const published = await cremona.request('POST', `${OPPORTUNITIES}/${documentId}/actions/publish?locale=it`, {});
    expect(published.status, JSON.stringify(published.body)).toBe(200);
    const [{ slug }] = (await queryStored<{ slug: string }>(
      cms,
      `SELECT slug FROM opportunities WHERE document_id = '${documentId}' AND published_at IS NOT NULL`,
    )) as [{ slug: string }];
    const online = await mail.waitFor((m) => m.to.includes('marta@bar-lago.example'));
    expect(online.subject).toBe('La tua offerta è online · Informagiovani Cremona');
    expect(online.text).toContain(`http://localhost:4321/cremona/opportunita/${slug}/`);
    const publicApi = await (await fetch(`${cms.url}/api/opportunities?filters[slug][$eq]=${slug}`)).text();
    expect(publicApi).toContain(title);
    expect(publicApi).not.toContain('fromSubmission');
    expect(publicApi).not.toContain('marta@bar-lago');
    // Published again: no second mail.
    await cremona.request('POST', `${OPPORTUNITIES}/${documentId}/actions/publish?locale=it`, {});
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(mail.messages.filter((m) => m.to.includes('marta@bar-lago.example'))).toHaveLength(1);

    // Its last day passes (the operator moves it to yesterday): at the next nightly run, one mail.
    const yesterday = addDays(romeDate(new Date()), -1);
    expect(
      (await cremona.request('PUT', `${OPPORTUNITIES}/${documentId}?locale=it`, { deadline: yesterday })).status,
    ).toBe(200);
    expect((await cremona.request('POST', `${OPPORTUNITIES}/${documentId}/actions/publish?locale=it`, {})).status).toBe(
      200,
    );
    await cms.restart();
    const expired = await mail.waitFor(
      (m) => m.to.includes('marta@bar-lago.example') && m.subject.startsWith('La tua offerta è scaduta'),
    );
    expect(expired.text).toContain(`«${title}»`);
    await cms.restart();
    expect(mail.messages.filter((m) => m.to.includes('marta@bar-lago.example'))).toHaveLength(2);
    // Then who sent it is erased (0 days after being told), the offer stays.
    expect(await count('personal_contacts', "email = 'marta@bar-lago.example'")).toBe(1);
    await cms.restart({ SITO_CONTACT_DAYS_AFTER_ANSWER: '0' });
    expect(await count('personal_contacts', "email = 'marta@bar-lago.example'")).toBe(0);
    expect(await count('opportunities', `document_id = '${documentId}'`)).toBeGreaterThan(0);
  });
});
