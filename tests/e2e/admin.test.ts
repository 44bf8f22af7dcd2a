import fs from 'node:fs';
import type http from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { CODE_LABELS_EN, codeLabel, DEV_ADMIN, EDITORIAL_CONTENT_TYPES, romeDate } from '@sito/shared';
import { CMS_DIR } from '../../scripts/lib/paths.ts';
import { createHubServer } from '../../scripts/serve-hubs.ts';
import { launchChromium } from '../../scripts/lib/browser.ts';
import { freePort } from '../../scripts/lib/net.ts';
import { axeViolations } from '../helpers/axe.ts';
import { live, startWorker, waitFor, type TestWorker } from '../helpers/publishing.ts';
import { liveRelease } from '../../scripts/lib/publishing/releases.ts';
import { loginAdmin, startTestCms, type TestCms } from '../helpers/test-cms.ts';
import { solvedProof } from '../../scripts/lib/altcha-proof.ts';

const CM = '/content-manager/collection-types';
const OPP = 'api::opportunity.opportunity';
const OPERATOR = 'operatore.crema@sitogiovani.test';

/**
 * The admin panel as an operator meets it, in a real browser: the built Strapi admin served by a
 * real CMS, a real build worker and the hub server. The Pubblicazione page shows the operator's
 * own hub only and rebuilds it; an entry's "Open preview" shows its draft as built on its hub.
 */
describe('the admin panel, as the operator of Crema', () => {
  let cms: TestCms;
  let server: http.Server;
  let origin: string;
  let worker: TestWorker;
  let browser: Browser;
  let page: Page;
  let releases: string;
  // One API sign-in for the whole file: the admin's login is rate limited.
  let operatorClient: ReturnType<typeof loginAdmin> | undefined;
  const asOperator = () => (operatorClient ??= loginAdmin(cms.url, OPERATOR, DEV_ADMIN.password));

  beforeAll(async () => {
    // `pnpm test` builds the admin panel before any test; building it here would rewrite cms/dist/
    // while other test files boot CMSes from it.
    if (!fs.existsSync(path.join(CMS_DIR, 'dist', 'build', 'index.html')))
      throw new Error('The admin panel is not built: run the tests with `pnpm test`, or `pnpm cms:build` first.');
    const port = await freePort();
    origin = `http://127.0.0.1:${port}`;
    cms = await startTestCms({
      database: 'sqlite',
      seedDemo: true,
      env: { SERVE_ADMIN_PANEL: 'true', SITO_HUBS_URL: origin, SITO_BUILD_WINDOW_MS: '500' },
    });
    releases = path.join(cms.dir, 'releases');
    // The admin at cms.url frames the previews: the hub server's frame-ancestors must name it.
    server = createHubServer(releases, { cmsOrigins: [cms.url] });
    await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
    worker = startWorker(cms, releases, 'admin-e2e');
    browser = await launchChromium();
    page = await (
      await browser.newContext({ viewport: { width: 1400, height: 1000 }, acceptDownloads: true })
    ).newPage();

    await page.goto(`${cms.url}/admin/auth/login`);
    await page.locator('input[name="email"]').fill(OPERATOR);
    await page.locator('input[name="password"]').fill(DEV_ADMIN.password);
    await page.locator('button[type="submit"]').click();
    await page.waitForURL((url) => !url.pathname.includes('/auth/'), { timeout: 60_000 });
  });

  afterAll(async () => {
    await browser?.close();
    await worker?.stop();
    server?.close();
    await cms?.destroy();
  });

  it('«In arrivo» lists what came from the own territory’s site, oldest first, and opens it', async () => {
    const send = async (endpoint: string, data: Record<string, unknown>) => {
      const altcha = await solvedProof(cms.url);
      const response = await fetch(`${cms.url}/api/sito/submissions/${endpoint}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
        body: JSON.stringify({ ...data, consent: true, altcha }),
      });
      expect(response.status, await response.clone().text()).toBe(201);
    };
    const question = 'Dove posso fare il servizio civile a Crema nel 2027?';
    const offer = 'Commesso o commessa per le feste';
    await send('questions', { hub: 'crema', question });
    await send('questions', { hub: 'cremona', question: 'Una domanda per Cremona, che Crema non deve vedere.' });
    await send('offers', {
      hub: 'crema',
      kind: 'seasonal',
      title: offer,
      summary: 'Negozio del centro cerca un commesso o una commessa per il periodo delle feste natalizie.',
      applyEmail: 'negozio@crema.example',
      organisation: 'Bottega Cremasca',
      vatNumber: '12345678903',
      contactName: 'Rita Donati',
      contactEmail: 'rita@crema.example',
    });

    await page.goto(`${cms.url}/admin/in-arrivo`);
    await expect
      .poll(() => page.getByRole('heading', { level: 1, name: 'In arrivo' }).count(), { timeout: 30_000 })
      .toBe(1);
    const rows = page.getByRole('row');
    await expect.poll(() => rows.filter({ hasText: offer }).count(), { timeout: 30_000 }).toBe(1);
    const texts = await rows.allTextContents();
    // Oldest first: the question came before the offer; Cremona's is not there.
    expect(texts.findIndex((text) => text.includes(question))).toBeLessThan(
      texts.findIndex((text) => text.includes(offer)),
    );
    expect(texts.join('\n')).not.toContain('Cremona, che Crema');
    expect(texts.every((text, index) => index === 0 || text.includes('Orientagiovani Crema'))).toBe(true);
    // The menu's badge counts what is waiting in Crema: the rows listed, not Cremona's question.
    const badge = page.locator('nav a[href$="/in-arrivo"] [data-inbox-count]');
    await expect.poll(() => badge.textContent(), { timeout: 10_000 }).toBe(String(texts.length - 1));
    // Screen readers hear the count too: it is in the link's name.
    expect(await page.locator('nav a[href$="/in-arrivo"]').getAttribute('aria-label')).toBe(
      `In arrivo, ${texts.length - 1} in attesa`,
    );
    expect(await badge.evaluate((element) => getComputedStyle(element).backgroundColor)).toBe('rgb(39, 31, 224)');
    expect(await axeViolations(page, 'in arrivo')).toEqual([]);
    await page.getByRole('link', { name: question }).click();
    await page.waitForURL(/\/content-manager\/collection-types\/api::question\.question\/\w+/, { timeout: 30_000 });
  }, 120_000);

  it('«Dati personali» finds one person’s data in the own territory only, downloads it and erases it', async () => {
    // Giulia asked a question in Crema and one in Cremona.
    const ask = async (hub: string, question: string) => {
      const altcha = await solvedProof(cms.url);
      const response = await fetch(`${cms.url}/api/sito/submissions/questions`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
        body: JSON.stringify({ hub, question, email: 'giulia@example.it', consent: true, altcha }),
      });
      expect(response.status, await response.clone().text()).toBe(201);
    };
    await ask('crema', 'A Crema si può fare il servizio civile in biblioteca?');
    await ask('cremona', 'Ci sono corsi serali per diventare educatrice a Cremona?');

    await page.goto(`${cms.url}/admin/dati-personali`);
    await expect
      .poll(() => page.getByRole('heading', { level: 1, name: 'Dati personali' }).count(), { timeout: 30_000 })
      .toBe(1);
    await page.getByLabel('Email della persona').fill('sara@example');
    await page.getByRole('button', { name: 'Cerca' }).click();
    await expect.poll(() => page.getByText(/non è un indirizzo email valido/).count(), { timeout: 10_000 }).toBe(1);

    await page.getByLabel('Email della persona').fill('GIULIA@example.it');
    await page.getByRole('button', { name: 'Cerca' }).click();
    await expect
      .poll(() => page.getByRole('status').allTextContents(), { timeout: 10_000 })
      .toContain('1 contatto e 0 prenotazioni di giulia@example.it.');
    const rows = await page.getByRole('row').allTextContents();
    expect(rows.slice(1)).toEqual([expect.stringContaining('servizio civile in biblioteca')]);
    expect(rows[1]).toContain('Orientagiovani Crema');
    expect(rows.join('\n')).not.toContain('corsi serali');
    // At rest: Strapi's own hover colour on the button just clicked is lighter than AA asks.
    await page.mouse.move(0, 0);
    expect(await axeViolations(page, 'dati personali')).toEqual([]);

    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Scarica i dati (JSON)' }).click();
    const file = await (await download).path();
    const exported = JSON.parse(fs.readFileSync(file, 'utf8')) as { contacts: Array<{ question: string }> };
    expect(exported.contacts.map((contact) => contact.question)).toEqual([
      'A Crema si può fare il servizio civile in biblioteca?',
    ]);

    await page.getByRole('button', { name: 'Cancella tutti i dati' }).click();
    const dialog = page.getByRole('alertdialog');
    await expect.poll(() => dialog.getByText('Non si può annullare.', { exact: false }).count()).toBe(1);
    await dialog.getByRole('button', { name: 'Cancella', exact: true }).click();
    await expect
      .poll(() => page.getByRole('status').allTextContents(), { timeout: 10_000 })
      .toContain('Cancellati: 1 contatto e 0 prenotazioni di giulia@example.it.');
    // Stored: Crema's contact is gone, the one Cremona keeps is not.
    const editor = await loginAdmin(cms.url, 'redazione@sitogiovani.test', DEV_ADMIN.password);
    const left = await editor.request('GET', '/sito/personal-data?email=giulia@example.it');
    expect(
      (left.body.data.contacts as Array<{ territory: string; purpose: string }>).map((c) => [c.territory, c.purpose]),
    ).toEqual([['Informagiovani Cremona', 'question']]);
  }, 120_000);

  it('«Monitoraggio» shows the own territory’s figures as the API counts them, with the trend charts and their tables', async () => {
    const operator = await asOperator();
    const answer = await operator.request('GET', '/sito/monitoring');
    const [crema] = answer.body.data.territories as Array<Record<string, number | string>>;
    expect(answer.body.data.territories).toHaveLength(1);

    await page.goto(`${cms.url}/admin/monitoraggio`);
    const status = page.getByRole('grid', { name: 'Lo stato di ogni territorio oggi' });
    await expect.poll(() => status.getByRole('row').count(), { timeout: 30_000 }).toBe(2);
    const cells = (await status.getByRole('row').nth(1).getByRole('gridcell').allInnerTexts()).map(
      // The visible figure: the breakdown after it is for screen readers.
      (text) => text.split('\n')[0]!.trim(),
    );
    expect(cells.slice(0, 9)).toEqual([
      'Orientagiovani Crema',
      ...['openOpportunities', 'closingIn7Days', 'closingIn30Days', 'closedLast30Days', 'stale', 'toReview'].map(
        (key) => String(crema![key]),
      ),
      String(crema!.upcomingEvents),
      String(Number(crema!.waitingQuestions) + Number(crema!.waitingBookings) + Number(crema!.waitingOffers)),
    ]);
    expect(Number(crema!.openOpportunities)).toBeGreaterThan(0);

    // Per thematic area: the rows shown are the API's, area by area, in the same order.
    const areas = crema!.byArea as unknown as Array<Record<string, number | string>>;
    const perArea = page.getByRole('grid', { name: 'Orientagiovani Crema, per area tematica' });
    const areaRows = (await perArea.getByRole('row').allInnerTexts()).slice(1);
    expect(areaRows.map((text) => text.split(/\t|\n/).map((cell) => cell.trim()))).toEqual(
      areas.map((area) =>
        [
          area.name,
          area.published,
          area.openOpportunities,
          area.closingIn7Days,
          area.stale,
          area.toReview,
          area.upcomingEvents,
        ].map(String),
      ),
    );
    expect(areas.reduce((sum, area) => sum + Number(area.openOpportunities), 0)).toBeGreaterThan(0);
    // Who waits and how long it takes to answer: the own territory's row.
    const requests = page.getByRole('grid', {
      name: 'Richieste in attesa e tempo mediano di risposta negli ultimi 30 giorni',
    });
    expect((await requests.getByRole('row').nth(1).getByRole('gridcell').allInnerTexts()).slice(0, 4)).toEqual([
      'Orientagiovani Crema',
      String(crema!.waitingQuestions),
      String(crema!.waitingBookings),
      String(crema!.waitingOffers),
    ]);

    // Strapi's tables are ARIA grids. The trend: today's snapshot (recorded at boot) is a point drawn on the canvas and a row of its table.
    const chart = page.locator('[data-chart="openOpportunities"] canvas');
    await expect.poll(() => chart.count(), { timeout: 10_000 }).toBe(1);
    const painted = await chart.evaluate((canvas: HTMLCanvasElement) => {
      const pixels = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
      let count = 0;
      for (let index = 3; index < pixels.length; index += 4) if (pixels[index]! > 0) count += 1;
      return count;
    });
    expect(painted).toBeGreaterThan(0);
    const trend = page.getByRole('grid', { name: 'Opportunità aperte, per settimana' });
    const trendRows = await trend.getByRole('row').allInnerTexts();
    expect(trendRows[0]).toContain('Orientagiovani Crema');
    expect(trendRows.at(-1)!.split(/\s+/).at(-1)).toBe(String(crema!.openOpportunities));

    await page.mouse.move(0, 0);
    expect(await axeViolations(page, 'monitoraggio')).toEqual([]);
  }, 120_000);

  it('«Da verificare» lists the own territory’s entries to check again; «Verificato oggi» takes one off', async () => {
    const operator = await asOperator();
    const queue = async () =>
      (await operator.request('GET', '/sito/review-queue')).body.data.items as Array<{
        title: string;
        territory: string;
        reasons: string[];
      }>;
    const before = await queue();
    expect(before.length).toBeGreaterThan(1);
    expect(before.every((item) => item.territory === 'Orientagiovani Crema')).toBe(true);
    const target = before.find((item) => !item.reasons.includes('closing'))!;

    await page.goto(`${cms.url}/admin/da-verificare`);
    const rows = page.getByRole('row');
    await expect.poll(() => rows.count(), { timeout: 30_000 }).toBe(before.length + 1);
    // The page lists them in the API's order: oldest verification first.
    const titles = (await rows.allInnerTexts())
      .slice(1)
      .map((text) => before.find((item) => text.includes(item.title))?.title);
    expect(titles).toEqual(before.map((item) => item.title));
    await page.mouse.move(0, 0);
    expect(await axeViolations(page, 'da verificare')).toEqual([]);

    await rows
      .filter({ hasText: target.title })
      .getByRole('button', { name: /^Verificato oggi/ })
      .click();
    await expect
      .poll(() => page.getByRole('status').allInnerTexts(), { timeout: 10_000 })
      .toContain(`«${target.title}»: verificata oggi.`);
    await expect.poll(() => rows.filter({ hasText: target.title }).count(), { timeout: 10_000 }).toBe(0);
    expect((await queue()).map((item) => item.title)).not.toContain(target.title);

    // The weekly reminder: on by default, turned off and on again from the page.
    const reminder = page.getByRole('checkbox', { name: /^Ricevi ogni lunedì/ });
    expect(await reminder.isChecked()).toBe(true);
    await reminder.click();
    await expect
      .poll(() => page.getByRole('status').allInnerTexts(), { timeout: 10_000 })
      .toContain('Non riceverai più il promemoria settimanale.');
    expect((await operator.request('GET', '/sito/review-queue/reminder')).body.data).toEqual({ enabled: false });
    await reminder.click();
    await expect
      .poll(async () => (await operator.request('GET', '/sito/review-queue/reminder')).body.data, { timeout: 10_000 })
      .toEqual({ enabled: true });
    // Sending the round to the whole network is for the regional editors.
    expect(await page.getByRole('button', { name: /^Invia ora i promemoria/ }).count()).toBe(0);
  }, 120_000);

  it('Pubblicazione lists the own hub only, with what is live; "Ricostruisci ora" queues a build that goes live', async () => {
    // The worker builds every hub at start (reconciliation): wait until Crema is live.
    await waitFor('Crema live', () => live(releases, 'crema'), 240_000);
    await page.goto(`${cms.url}/admin/pubblicazione`);
    // The page's code loads on demand: the first poll waits for it.
    await expect
      .poll(() => page.getByRole('heading', { level: 1, name: 'Pubblicazione' }).count(), { timeout: 30_000 })
      .toBe(1);
    const hubs = page.getByRole('heading', { level: 2 });
    await expect.poll(() => hubs.allTextContents(), { timeout: 30_000 }).toEqual(['Orientagiovani Crema']);
    await expect.poll(() => page.getByText(/^Online: build #\d+/).count(), { timeout: 30_000 }).toBe(1);
    const liveBefore = live(releases, 'crema');

    await page.getByRole('button', { name: 'Ricostruisci ora' }).click();
    await expect
      .poll(() => page.getByText('Ricostruzione di Orientagiovani Crema in coda').count(), { timeout: 10_000 })
      .toBeGreaterThan(0);
    const manual = page.getByRole('row').filter({ hasText: 'Ricostruzione manuale' });
    await expect.poll(() => manual.count(), { timeout: 10_000 }).toBe(1);
    // The page follows the build while it runs, until it is live.
    await expect.poll(() => manual.getByText('Riuscita').count(), { timeout: 120_000, interval: 1_000 }).toBe(1);
    expect(live(releases, 'crema')).not.toBe(liveBefore);
    await expect
      .poll(() => page.getByText(new RegExp(`\\(${live(releases, 'crema')}\\)`)).count(), { timeout: 15_000 })
      .toBe(1);

    // «Monitoraggio» agrees with what the hub publishes: Crema's own open opportunities in its open data.
    const release = liveRelease(releases, 'crema')!.dir;
    const file = [
      path.join(release, 'dati', 'opportunita.json'),
      path.join(release, 'crema', 'dati', 'opportunita.json'),
    ].find((candidate) => fs.existsSync(candidate))!;
    const published = JSON.parse(fs.readFileSync(file, 'utf8')) as Array<{
      territorio: string | null;
      scadenza: string | null;
    }>;
    const today = romeDate();
    const open = published.filter((row) => row.territorio === 'crema' && (!row.scadenza || row.scadenza >= today));
    expect(open.length).toBeGreaterThan(0);
    const [crema] = (await (await asOperator()).request('GET', '/sito/monitoring')).body.data.territories as Array<
      Record<string, number>
    >;
    expect(crema!.openOpportunities).toBe(open.length);

    // The redirects the hub serves: an opportunity renamed after it was published.
    const operator = await asOperator();
    const territoryList = await operator.request('GET', `${CM}/api::territory.territory?pageSize=100`);
    const cremaId = (territoryList.body.results as Array<{ slug: string; documentId: string }>).find(
      (t) => t.slug === 'crema',
    )!.documentId;
    const slug = `stage-rinominato-${Date.now().toString(36)}`;
    const created = await operator.request('POST', `${CM}/${OPP}?locale=it`, {
      title: `Stage rinominato ${Date.now().toString(36)}`,
      slug,
      summary: 'Una voce pubblicata e poi rinominata, per vedere il reindirizzamento in Pubblicazione.',
      kind: 'internship',
      territory: { connect: [{ documentId: cremaId }] },
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const { documentId } = created.body.data as { documentId: string };
    const entry = `${CM}/${OPP}/${documentId}`;
    expect((await operator.request('POST', `${entry}/actions/publish?locale=it`, {})).status).toBe(200);
    expect((await operator.request('PUT', `${entry}?locale=it`, { slug: `${slug}-nuovo` })).status).toBe(200);
    expect((await operator.request('POST', `${entry}/actions/publish?locale=it`, {})).status).toBe(200);
    await page.reload();
    const summary = page.getByText(/^Indirizzi permanenti: 1 reindirizzamento, \d+ contenut[io] ritirat[io]$/);
    await expect.poll(() => summary.count(), { timeout: 30_000 }).toBe(1);
    const details = page.locator('details').filter({ has: summary });
    await summary.click();
    await expect.poll(() => details.evaluate((element) => (element as HTMLDetailsElement).open)).toBe(true);
    // Shown: the old address, and where it leads.
    await expect
      .poll(() => details.innerText(), { timeout: 10_000 })
      .toMatch(new RegExp(`/opportunita/${slug}/\\s+/opportunita/${slug}-nuovo/`));
    expect(await axeViolations(page, 'pubblicazione')).toEqual([]);
  }, 300_000);

  it('speaks Italian: the home page, and the opportunities’ list and edit views with the office’s columns and labels', async () => {
    // Words the admin showed in English before: none may be left on these pages.
    const ENGLISH = ['Hello', 'Create new entry', 'Filters', 'entries found', 'Last edited entries', 'Open preview'];
    const visibleText = () => page.locator('#main-content').innerText();

    await page.goto(`${cms.url}/admin`);
    await expect
      .poll(() => page.getByRole('heading', { level: 1 }).first().innerText(), { timeout: 30_000 })
      .toMatch(/^Ciao /);
    for (const word of ENGLISH) expect(await visibleText(), word).not.toContain(word);
    // «Il tuo territorio»: Crema's figures as the monitoring counts them; not the network's count of entries.
    const operator = await asOperator();
    const [crema] = (await operator.request('GET', '/sito/monitoring')).body.data.territories as Array<
      Record<string, number>
    >;
    const widget = page.getByRole('region', { name: 'Il tuo territorio' });
    const figure = (name: string) =>
      widget.locator(`[data-figure="${name}"]`).evaluate((item) => item.lastElementChild?.textContent ?? '');
    await expect.poll(() => figure('closing'), { timeout: 30_000 }).toBe(String(crema!.closingIn7Days));
    const { stale, toReview, waitingQuestions, waitingBookings, waitingOffers } = crema!;
    expect(await figure('to-verify')).toBe(String(stale! + toReview!));
    expect(await figure('waiting')).toBe(String(waitingQuestions! + waitingBookings! + waitingOffers!));
    // The operators' guide is one click away from the home page, and opens.
    const guideLink = widget.getByRole('link', { name: /^Guida per gli operatori/ });
    const guideUrl = await guideLink.getAttribute('href');
    expect(guideUrl).toBe(`${cms.url}/sito/guida`);
    const guide = await fetch(guideUrl!);
    expect(guide.status).toBe(200);
    expect(await guide.text()).toContain('<h1>Guida per gli operatori</h1>');
    expect(await page.getByRole('region', { name: 'Voci', exact: true }).count()).toBe(0);
    expect(await axeViolations(page, 'the home page with «Il tuo territorio»')).toEqual([]);

    // The list: the office's columns, in Italian, ordered by deadline as the CMS orders them.
    const byDeadline = await operator.request(
      'GET',
      `${CM}/${OPP}?page=1&pageSize=10&sort=deadline:ASC&plugins[i18n][locale]=it`,
    );
    const expected = byDeadline.body.results as Array<{
      title: string;
      documentId: string;
      deadline: string | null;
      kind: string;
    }>;
    expect(expected.length).toBeGreaterThan(2);
    await page.goto(`${cms.url}/admin${CM}/${OPP}?plugins[i18n][locale]=it`);
    const grid = page.getByRole('grid').first();
    await expect.poll(() => grid.getByRole('row').count(), { timeout: 30_000 }).toBe(expected.length + 1);
    // The header row's cells, as written (Strapi shows them in capitals with CSS).
    const headers = await grid
      .getByRole('row')
      .first()
      .evaluate((row) =>
        Array.from(row.children)
          .map((cell) => (cell.textContent ?? '').trim())
          .filter(Boolean),
      );
    expect(headers).toEqual(
      expect.arrayContaining(['Titolo', 'Tipo di opportunità', 'Scadenza', 'Territorio', 'Ultima verifica']),
    );
    expect(headers.join(' ')).not.toMatch(/KIND|THEMATICAREAS|DEADLINE/i);
    const shown = await grid.getByRole('row').evaluateAll((rows) => rows.slice(1).map((row) => row.textContent ?? ''));
    expect(shown.map((row, index) => row.includes(expected[index]!.title))).toEqual(expected.map(() => true));
    for (const word of ENGLISH) expect(await visibleText(), word).not.toContain(word);
    // Each kind shown in its Italian word, not its stored code.
    const kinds = await grid
      .locator('[data-code]')
      .evaluateAll((cells) => cells.map((cell) => [cell.getAttribute('data-code'), cell.textContent]));
    expect(kinds).toHaveLength(expected.length);
    expect(kinds).toEqual(kinds.map(([code]) => [code, codeLabel('kind', code!)]));
    expect(kinds.every(([code, text]) => code !== text)).toBe(true);

    // The edit view: Italian labels and the one-line help where an operator could hesitate.
    const withDeadline = expected.find((entry) => entry.deadline)!;
    await page.goto(`${cms.url}/admin${CM}/${OPP}/${withDeadline.documentId}?plugins[i18n][locale]=it`);
    await expect
      .poll(() => page.getByText('L’ultimo giorno utile per candidarsi', { exact: false }).count(), { timeout: 30_000 })
      .toBeGreaterThan(0);
    const edit = await visibleText();
    for (const label of ['Titolo', 'Sommario', 'Scadenza', 'Territorio', 'Regionale', 'Ultima verifica'])
      expect(edit, label).toContain(label);
    for (const word of ENGLISH) expect(edit, word).not.toContain(word);
    // The kind's drop-down list shows the chosen kind's Italian word, and offers the others in Italian.
    const kind = page.getByRole('combobox', { name: 'Tipo di opportunità' });
    expect((await kind.innerText()).trim()).toBe(codeLabel('kind', withDeadline.kind));
    await kind.click();
    const options = await page.getByRole('option').allInnerTexts();
    expect(options).toEqual(expect.arrayContaining(['Tirocinio', 'Lavoro stagionale', 'Servizio civile']));
    expect(options).not.toContain('seasonal');
    await page.keyboard.press('Escape');
  }, 120_000);

  it('every type’s list and edit views name their fields in Italian and show no stored code', async () => {
    const operator = await asOperator();
    const ENGLISH = ['Create new entry', 'Filters', 'entries found', 'Published', 'Modified', 'Draft'];
    const problems: string[] = [];
    for (const uid of Object.keys(EDITORIAL_CONTENT_TYPES)) {
      const { body: config } = await operator.request('GET', `/content-manager/content-types/${uid}/configuration`);
      // Every field has its metadata: their keys are the fields' names.
      const attributes = Object.keys((config.data?.contentType?.metadatas ?? {}) as Record<string, unknown>);
      expect(attributes.length, uid).toBeGreaterThan(2);
      const isFieldName = (text: string) => {
        const bare = text.replace(/\*$/, '').trim();
        // Strapi's default label is the field's name as written (`thematicAreas`; capitals are CSS);
        // «ISBN» for `isbn` is a word.
        return attributes.includes(bare);
      };
      // The list: its column headers are words, not field names, and its codes are words.
      await page.goto(`${cms.url}/admin${CM}/${uid}?plugins[i18n][locale]=it`);
      const grid = page.getByRole('grid').first();
      const empty = page.getByText(/Nessun contenuto|Nessuna voce/);
      await expect
        .poll(async () => (await grid.count()) + (await empty.count()), { timeout: 30_000 })
        .toBeGreaterThan(0);
      const main = await page.locator('#main-content').innerText();
      for (const word of ENGLISH) if (main.includes(word)) problems.push(`${uid} list: «${word}»`);
      if (await grid.count()) {
        const headers = await grid
          .getByRole('row')
          .first()
          .evaluate((row) => Array.from(row.children).map((cell) => (cell.textContent ?? '').trim()));
        for (const header of headers.filter(Boolean))
          if (isFieldName(header)) problems.push(`${uid} list: the column «${header}» is a field's name`);
        const codes = await grid
          .locator('[data-code]')
          .evaluateAll((cells) => cells.map((cell) => [cell.getAttribute('data-code'), cell.textContent]));
        for (const [code, text] of codes) if (code === text) problems.push(`${uid} list: the code «${code}»`);
      }
      // The edit view of one of the operator's entries (or a new one): every label is a word.
      const listed = await operator.request('GET', `${CM}/${uid}?page=1&pageSize=1&plugins[i18n][locale]=it`);
      const first = (listed.body.results as Array<{ documentId: string }>)[0];
      await page.goto(`${cms.url}/admin${CM}/${uid}/${first ? first.documentId : 'create'}?plugins[i18n][locale]=it`);
      const labels = page.locator('#main-content label');
      await expect.poll(() => labels.count(), { timeout: 30_000 }).toBeGreaterThan(1);
      for (const label of await labels.allInnerTexts())
        if (label.trim() && isFieldName(label))
          problems.push(`${uid} edit: the field «${label.trim()}» is a field's name`);
      const edit = await page.locator('#main-content').innerText();
      for (const word of ['Create new entry', 'Filters', 'entries found'])
        if (edit.includes(word)) problems.push(`${uid} edit: «${word}»`);
    }
    expect(problems).toEqual([]);
  }, 240_000);

  it("an entry's Open preview shows its draft as it will look on the hub, never on the public site", async () => {
    const operator = await asOperator();
    const territories = await operator.request('GET', `${CM}/api::territory.territory?pageSize=100`);
    const crema = (territories.body.results as Array<{ slug: string; documentId: string }>).find(
      (t) => t.slug === 'crema',
    )!;
    const title = `Bozza da vedere in anteprima ${Date.now().toString(36)}`;
    const created = await operator.request('POST', `${CM}/${OPP}?locale=it`, {
      title,
      summary: "Una bozza creata dal test dell'amministrazione per vederla in anteprima sul sito di Crema.",
      kind: 'internship',
      territory: { connect: [{ documentId: crema.documentId }] },
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const { documentId } = created.body.data as { documentId: string };

    await page.goto(`${cms.url}/admin${CM}/${OPP}/${documentId}?plugins[i18n][locale]=it`);
    await page.getByRole('link', { name: 'Apri l’anteprima' }).click();
    const frame = page.frameLocator('[data-testid="preview-iframe"]');
    // The draft's page, built by the worker; until then the frame shows a page that waits for it.
    await expect
      .poll(() => frame.getByRole('heading', { level: 1, name: title }).count(), { timeout: 120_000, interval: 1_000 })
      .toBe(1);
    await expect.poll(() => frame.getByText('Anteprima della bozza').count(), { timeout: 10_000 }).toBeGreaterThan(0);
    const src = new URL((await page.locator('[data-testid="preview-iframe"]').getAttribute('src'))!);
    const [, slug] = /^\/_anteprima\/[0-9a-f]{32}\/crema\/opportunita\/([a-z0-9-]+)\/$/.exec(src.pathname) ?? [];
    expect(slug, src.pathname).toMatch(/^bozza-da-vedere-in-anteprima-/);

    const published = await fetch(`${origin}/crema/opportunita/${slug}/`);
    expect(published.status, 'the draft is not on the public site').toBe(404);
  }, 240_000);

  it('speaks English to an operator who chose it in their profile: our own pages, their menu and «Il tuo territorio»', async () => {
    // Strapi applies the profile's language (`preferedLanguage`) at every load of the admin, over
    // the browser's stored one: the operator chooses English as the profile page saves it.
    const operator = await asOperator();
    const language = async (preferedLanguage: 'en' | 'it') =>
      expect((await operator.request('PUT', '/admin/users/me', { preferedLanguage })).status).toBe(200);
    const heading = (name: string) => page.getByRole('heading', { level: 1, name, exact: true });
    const PAGES = [
      { path: 'in-arrivo', english: 'Inbox', italian: 'In arrivo', shows: () => page.getByText(/^From the sites: /) },
      {
        path: 'monitoraggio',
        english: 'Monitoring',
        italian: 'Monitoraggio',
        shows: () => page.getByRole('button', { name: 'Download CSV' }),
      },
      {
        path: 'da-verificare',
        english: 'To verify',
        italian: 'Da verificare',
        shows: () => page.getByRole('button', { name: 'Verify the selected' }),
      },
      {
        path: 'dati-personali',
        english: 'Personal data',
        italian: 'Dati personali',
        shows: () => page.getByLabel('The person’s email'),
      },
      {
        path: 'pubblicazione',
        english: 'Publishing',
        italian: 'Pubblicazione',
        shows: () => page.getByRole('button', { name: 'Rebuild now' }),
      },
    ];
    await language('en');
    try {
      for (const { path: to, english, italian, shows } of PAGES) {
        await page.goto(`${cms.url}/admin/${to}`);
        await expect.poll(() => heading(english).count(), { timeout: 30_000 }).toBe(1);
        await expect.poll(() => shows().count(), { timeout: 10_000 }).toBeGreaterThan(0);
        expect(await heading(italian).count(), italian).toBe(0);
      }
      // The menu names them in English too (the links' names), the count of what waits included.
      const menuName = (to: string) => page.locator(`nav a[href$="/${to}"]`).getAttribute('aria-label');
      for (const { path: to, english } of PAGES.filter(({ path: to }) => to !== 'in-arrivo'))
        expect(await menuName(to), to).toBe(english);
      await expect.poll(() => menuName('in-arrivo'), { timeout: 10_000 }).toMatch(/^Inbox(, \d+ waiting)?$/);

      await page.goto(`${cms.url}/admin`);
      const widget = page.getByRole('region', { name: 'Your territory' });
      await expect
        .poll(() => widget.getByText('Closing within 7 days').count(), { timeout: 30_000 })
        .toBeGreaterThan(0);
      expect(await widget.getByRole('link', { name: /^Operators’ guide/ }).count()).toBe(1);
      expect(await page.getByRole('region', { name: 'Il tuo territorio' }).count()).toBe(0);

      // The content manager's list shows each kind's English word, never its stored code.
      await page.goto(`${cms.url}/admin${CM}/${OPP}?plugins[i18n][locale]=it`);
      const cells = page.getByRole('grid').locator('[data-code]');
      await expect.poll(() => cells.count(), { timeout: 30_000 }).toBeGreaterThan(0);
      const kinds = await cells.evaluateAll((found) =>
        found.map((cell) => [cell.getAttribute('data-code'), cell.textContent]),
      );
      expect(kinds).toEqual(kinds.map(([code]) => [code, CODE_LABELS_EN.kind![code!]]));
      expect(kinds.every(([code, text]) => text && code !== text)).toBe(true);
    } finally {
      // Back to Italian, as the other scenarios of this file expect the operator.
      await language('it');
      await page.goto(`${cms.url}/admin/in-arrivo`);
      await expect.poll(() => heading('In arrivo').count(), { timeout: 30_000 }).toBe(1);
    }
  }, 180_000);
});
