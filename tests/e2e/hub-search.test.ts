import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import AxeBuilder from '@axe-core/playwright';
import { XMLParser } from 'fast-xml-parser';
import ICAL from 'ical.js';
import type { Browser, Page } from 'playwright-core';
import { addDays, daysUntil, romeDate } from '@sito/shared';
import { seededDeadline } from '@sito/shared/seed';
import { startLiveHubs, type LiveHubs } from '../helpers/live-hubs.ts';
import type { TestCms } from '../helpers/test-cms.ts';
import { previewFolder } from '../../scripts/lib/publishing/releases.ts';
import { freePort } from '../../scripts/lib/net.ts';
import { createHubServer } from '../../scripts/serve-hubs.ts';

const seed = JSON.parse(
  fs.readFileSync(path.resolve(import.meta.dirname, '../../cms/seed/demo/opportunities.json'), 'utf8'),
) as Array<{
  territory: string | null;
  regional: boolean;
  slug: string;
  title: string;
  deadlineInDays: number | null;
  localizations?: { en?: { slug: string } };
}>;
/** Days from today to an opportunity's deadline as the seed stores it (seasonal calls move), or null. */
const daysLeft = (entry: { deadlineInDays: number | null }): number | null => {
  const deadline = seededDeadline(entry as Record<string, unknown>, romeDate());
  return deadline === null ? null : daysUntil(deadline);
};
const liutaio = seed.find((entry) => entry.territory === 'cremona' && entry.title.includes('liutaio'))!;
const firstSlug = (file: string) =>
  (
    JSON.parse(fs.readFileSync(path.resolve(import.meta.dirname, `../../cms/seed/demo/${file}`), 'utf8')) as Array<{
      slug: string;
    }>
  )[0]!.slug;

/** The demo projects, and the one Cremona publishes (its own or regional), which stands for the project pages. */
const projects = JSON.parse(
  fs.readFileSync(path.resolve(import.meta.dirname, '../../cms/seed/demo/projects.json'), 'utf8'),
) as Array<{
  territory: string | null;
  regional: boolean;
  slug: string;
  title: string;
  funding: string | null;
  startDateInDays: number;
  endDateInDays: number | null;
  partners: Array<{ name: string; lead?: boolean }>;
  relatedEvents: string[];
}>;
const cremonaProject = projects.find((project) => project.territory === 'cremona' || project.regional)!;

/**
 * An entry of Soresina, an antenna of Cremona (demo territories): an antenna has no site, so its
 * entries are published on its hub's. The demo content has none, so the test adds one.
 */
const antennaEntry = {
  title: "Colloqui di orientamento all'antenna di Soresina",
  summary: "Un martedì al mese gli operatori dell'antenna di Soresina aiutano a scrivere il CV e a cercare tirocini.",
  kind: 'internship',
};

/** Creates and publishes Soresina's entry through the admin API, as its operator would; returns its slug. */
async function publishAntennaEntry(cms: TestCms): Promise<string> {
  const admin = await cms.admin();
  const CM = '/content-manager/collection-types';
  const territories = await admin.request('GET', `${CM}/api::territory.territory?pageSize=100`);
  const soresina = (territories.body.results as Array<{ slug: string; documentId: string }>).find(
    (t) => t.slug === 'soresina',
  );
  if (!soresina) throw new Error('The demo content has no Soresina antenna.');
  const created = await admin.request('POST', `${CM}/api::opportunity.opportunity?locale=it`, {
    ...antennaEntry,
    territory: { connect: [{ documentId: soresina.documentId }] },
  });
  if (created.status !== 201) throw new Error(`Creating the antenna's entry: ${JSON.stringify(created.body)}`);
  const { documentId, slug } = created.body.data as { documentId: string; slug: string };
  const published = await admin.request(
    'POST',
    `${CM}/api::opportunity.opportunity/${documentId}/actions/publish?locale=it`,
    {},
  );
  if (published.status !== 200) throw new Error(`Publishing the antenna's entry: ${JSON.stringify(published.body)}`);
  return slug;
}

/** One page of every template of a hub (slugs from the demo seed, which every hub shows when regional). */
const TEMPLATES = [
  '',
  'opportunita/',
  `opportunita/${liutaio.slug}/`,
  'tutorial/',
  `tutorial/${firstSlug('tutorials.json')}/`,
  'professioni/',
  `professioni/${firstSlug('professions.json')}/`,
  'eventi/',
  `eventi/${firstSlug('events.json')}/`,
  'esperto-risponde/',
  `esperto-risponde/${firstSlug('questions.json')}/`,
  'news/',
  `news/${firstSlug('news.json')}/`,
  'risorse-operatori/',
  `risorse-operatori/${firstSlug('operator-resources.json')}/`,
  'siti-utili/',
  `siti-utili/${firstSlug('useful-links.json')}/`,
  'bibliografia/',
  `bibliografia/${firstSlug('readings.json')}/`,
  'progetti/',
  `progetti/${cremonaProject.slug}/`,
  'aree/',
  'aree/ricerca-lavoro/',
  'aree/ricerca-lavoro/cv-e-lettera-di-presentazione/',
  'aree/ricerca-lavoro/siti-utili/',
  'contatti/',
  'chi-siamo/',
  'accessibilita/',
  'dati/',
  'cerca/',
];

/**
 * Opens a search page, checks that nothing was downloaded to run it yet (the island hydrates on
 * the first interaction), then focuses the box and waits until the island is interactive.
 */
async function openSearch(page: Page, url: string) {
  const scripts: string[] = [];
  const onRequest = (request: { url(): string; resourceType(): string }) => {
    if (request.resourceType() === 'script' || request.url().includes('/pagefind/')) scripts.push(request.url());
  };
  page.on('request', onRequest);
  await page.goto(url);
  await page.waitForLoadState('networkidle');
  expect(scripts, 'no script or index is loaded before the reader interacts').toEqual([]);
  page.off('request', onRequest);
  await page.getByLabel('Cosa stai cercando?').focus();
  await page.locator('astro-island:not([ssr])').waitFor({ timeout: 15_000 });
}

/**
 * From a live CMS to a searchable hub: boot the CMS with the demo content, build two hubs with
 * Astro and Pagefind, serve them, and search them in Chromium like a reader would.
 */
describe('a hub built from the live CMS', () => {
  let hubs: LiveHubs;
  let browser: Browser;
  let origin: string;
  let antennaSlug: string;

  beforeAll(async () => {
    hubs = await startLiveHubs(['cremona', 'crema'], async (cms) => {
      antennaSlug = await publishAntennaEntry(cms);
    });
    ({ browser, origin } = hubs);
  });

  afterAll(async () => {
    await hubs?.close();
  });

  it("lists the hub's own, its antenna's and the regional open opportunities", async () => {
    const page = await browser.newPage();
    await page.goto(`${origin}/cremona/opportunita/`);
    await expect(page.locator('.hub-name').textContent()).resolves.toBe('Informagiovani Cremona');
    const titles = await page.locator('.card__title').allTextContents();
    // Follow the pagination to the last page.
    while ((await page.locator('a[rel="next"]').count()) > 0) {
      await page.locator('a[rel="next"]').click();
      titles.push(...(await page.locator('.card__title').allTextContents()));
    }
    const open = seed.filter((e) => (e.territory === 'cremona' || e.regional) && (daysLeft(e) ?? 0) >= 0);
    expect(titles.sort()).toEqual([...open.map((e) => e.title), antennaEntry.title].sort());
    await page.close();
  });

  it("brands each hub with its own territory's colour (the header as the reader sees it)", async () => {
    const territories = JSON.parse(
      fs.readFileSync(path.resolve(import.meta.dirname, '../../cms/seed/demo/territories.json'), 'utf8'),
    ) as Array<{ slug: string; primaryColor: string }>;
    const rgb = (hex: string) => `rgb(${[1, 3, 5].map((at) => Number.parseInt(hex.slice(at, at + 2), 16)).join(', ')})`;
    const page = await browser.newPage();
    const seen: string[] = [];
    for (const hub of ['cremona', 'crema']) {
      await page.goto(`${origin}/${hub}/`);
      const colour = await page.locator('.hub-header').evaluate((header) => getComputedStyle(header).backgroundColor);
      expect(colour, hub).toBe(rgb(territories.find((t) => t.slug === hub)!.primaryColor));
      seen.push(colour);
    }
    expect(new Set(seen).size, 'two territories, two colours').toBe(2);
    await page.close();
  });

  it('sends readers to the regional orientation platform from the home and the job-search pages of every hub', async () => {
    const links = JSON.parse(
      fs.readFileSync(path.resolve(import.meta.dirname, '../../cms/seed/demo/useful-links.json'), 'utf8'),
    ) as Array<{ title: string; url: string; featured: boolean; regional: boolean; thematicArea: string }>;
    const platform = links.find((link) => link.featured && link.regional)!;
    expect(platform.url).toBe('https://www.talenthub.coach/');
    const page = await browser.newPage();
    for (const pathname of [
      '/cremona/',
      '/crema/',
      `/crema/aree/${platform.thematicArea}/`,
      `/cremona/aree/${platform.thematicArea}/cv-e-lettera-di-presentazione/`,
    ]) {
      await page.goto(`${origin}${pathname}`);
      const aside = page.getByRole('complementary', { name: 'Strumenti della rete' });
      const link = aside.getByRole('link', { name: platform.title });
      await expect(link.getAttribute('href'), pathname).resolves.toBe(platform.url);
      // Set apart in the hub's own colour.
      const [border, header] = await Promise.all([
        aside.evaluate((element) => getComputedStyle(element).borderLeftColor),
        page.locator('.hub-header').evaluate((element) => getComputedStyle(element).backgroundColor),
      ]);
      expect(border, pathname).toBe(header);
    }
    // Not on an area it has nothing to do with.
    await page.goto(`${origin}/cremona/aree/aree-professionali/`);
    await expect(page.getByRole('complementary', { name: 'Strumenti della rete' }).count()).resolves.toBe(0);
    await page.close();
  });

  it('shows «Requisiti» and «Come candidarsi» once each on an opportunity, with what the office wrote', async () => {
    const page = await browser.newPage();
    await page.goto(`${origin}/cremona/opportunita/${liutaio.slug}/`);
    const headings = await page.locator('main h2, main h3').allTextContents();
    expect(headings.filter((text) => text.trim() === 'Requisiti')).toHaveLength(1);
    expect(headings.filter((text) => text.trim() === 'Come candidarsi')).toHaveLength(1);
    const apply = page.locator('section', { has: page.locator('h2', { hasText: 'Come candidarsi' }) });
    await expect(apply.textContent()).resolves.toContain('Invia il curriculum');
    await page.close();
  });

  it('lists upcoming events as a calendar, by start whoever organises them, and past ones apart', async () => {
    const page = await browser.newPage();
    await page.goto(`${origin}/cremona/eventi/`);
    const listAfter = (heading: string) =>
      page.locator('h2', { hasText: heading }).locator('xpath=following-sibling::*[1]').locator('li');
    const read = (heading: string) =>
      listAfter(heading).evaluateAll((items) =>
        items.map((item) => ({
          start: Date.parse(item.querySelector('time[datetime]')!.getAttribute('datetime')!),
          regional: item.querySelector('.tag') !== null,
        })),
      );
    const upcoming = await read('In programma');
    const past = await read('Eventi passati');
    // The demo content has both the hub's own and regional events coming up: they interleave by date.
    expect(upcoming.some((event) => event.regional) && upcoming.some((event) => !event.regional)).toBe(true);
    const starts = upcoming.map((event) => event.start);
    expect(starts).toEqual([...starts].sort((a, b) => a - b));
    // Past events apart, the most recent first.
    const pastStarts = past.map((event) => event.start);
    expect(pastStarts.length).toBeGreaterThan(0);
    expect(pastStarts).toEqual([...pastStarts].sort((a, b) => b - a));
    await page.close();
  });

  it('folds the menu into one "Menu" row on a phone, without JavaScript, and shows it whole on a wide screen', async () => {
    const phone = await browser.newContext({ viewport: { width: 375, height: 667 }, javaScriptEnabled: false });
    const page = await phone.newPage();
    await page.goto(`${origin}/cremona/`);
    const menu = page.locator('.main-nav summary');
    const firstLink = page
      .getByRole('navigation', { name: 'Menu principale' })
      .getByRole('link', { name: 'Opportunità' });
    await expect(menu.isVisible()).resolves.toBe(true);
    await expect(firstLink.isVisible()).resolves.toBe(false);
    const header = await page.locator('.hub-header').boundingBox();
    expect(header!.height, 'the header leaves most of the screen to the content').toBeLessThan(667 / 3);
    await menu.click();
    await expect(firstLink.isVisible()).resolves.toBe(true);
    await phone.close();

    const desktop = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const wide = await desktop.newPage();
    await wide.goto(`${origin}/cremona/`);
    await expect(wide.locator('.main-nav summary').isVisible()).resolves.toBe(false);
    const labels = await wide.getByRole('navigation', { name: 'Menu principale' }).getByRole('link').allTextContents();
    expect(labels.map((label) => label.trim())).toEqual(expect.arrayContaining(['Opportunità', 'Guide', 'Notizie']));
    for (const label of ['Opportunità', 'Notizie'])
      await expect(
        wide.getByRole('navigation', { name: 'Menu principale' }).getByRole('link', { name: label }).isVisible(),
      ).resolves.toBe(true);
    await desktop.close();
  });

  it('speaks to the reader in agreeing Italian: «Tutte» the thematic areas in the search', async () => {
    const page = await browser.newPage();
    await openSearch(page, `${origin}/cremona/cerca/`);
    const area = page.getByLabel('Area tematica');
    await area.waitFor({ timeout: 15_000 });
    await expect(area.locator('option').first().textContent()).resolves.toBe('Tutte');
    await expect(page.getByLabel('Tipo').locator('option').first().textContent()).resolves.toBe('Tutti');
    await page.close();
  });

  it("publishes an antenna's entries and sportelli on its hub: Soresina's on Cremona, not on Crema", async () => {
    const page = await browser.newPage();
    const entry = await page.goto(`${origin}/cremona/opportunita/${antennaSlug}/`);
    expect(entry?.status()).toBe(200);
    await expect(page.locator('h1').textContent()).resolves.toBe(antennaEntry.title);
    // The hub's own entries come first, and the antenna's are the hub's own: before any entry
    // that is there only because it is regional.
    await page.goto(`${origin}/cremona/opportunita/`);
    const titles = await page.locator('.card__title').allTextContents();
    while ((await page.locator('a[rel="next"]').count()) > 0) {
      await page.locator('a[rel="next"]').click();
      titles.push(...(await page.locator('.card__title').allTextContents()));
    }
    const firstRegional = titles.findIndex((title) => seed.some((e) => e.title === title && e.territory !== 'cremona'));
    expect(titles.indexOf(antennaEntry.title)).toBeGreaterThanOrEqual(0);
    expect(titles.indexOf(antennaEntry.title)).toBeLessThan(firstRegional);
    expect((await fetch(`${origin}/crema/opportunita/${antennaSlug}/`)).status).toBe(404);

    await page.goto(`${origin}/cremona/contatti/`);
    const antennas = page.locator('section.antennas');
    await expect(antennas.getByRole('heading', { level: 2 }).textContent()).resolves.toBe('Le antenne sul territorio');
    const soresina = antennas.locator('.contact-point', {
      has: page.getByRole('heading', { level: 3, name: 'Antenna Informagiovani Soresina' }),
    });
    await expect(soresina.locator('address').textContent()).resolves.toMatch(
      /Piazza Giuseppe Garibaldi 1, 26015 Soresina/,
    );
    const hours = Object.fromEntries(
      await soresina
        .locator('.hours tr')
        .evaluateAll((rows) =>
          rows.map((row) => [row.querySelector('th')?.textContent, row.querySelector('td')?.textContent]),
        ),
    );
    expect(hours).toMatchObject({ Martedì: '14:30–17:30', Venerdì: '09:30–12:30', Lunedì: 'chiuso' });
    await page.goto(`${origin}/crema/contatti/`);
    await expect(page.locator('section.antennas').count(), 'Crema has no antenna').resolves.toBe(0);
    await page.close();
  });

  it('lists answers newest first and guides alphabetically, the hub’s own before the regional ones', async () => {
    type Seeded = { territory: string | null; regional: boolean; question?: string; title?: string };
    const demo = (file: string) =>
      (
        JSON.parse(fs.readFileSync(path.resolve(import.meta.dirname, `../../cms/seed/demo/${file}`), 'utf8')) as Array<
          Seeded & { answeredOnInDays?: number }
        >
      ).filter((entry) => entry.territory === 'cremona' || entry.regional);
    const ownFirst = <T extends Seeded>(list: T[]) => [
      ...list.filter((e) => e.territory === 'cremona'),
      ...list.filter((e) => e.territory !== 'cremona'),
    ];
    const page = await browser.newPage();
    await page.goto(`${origin}/cremona/esperto-risponde/`);
    const questions = demo('questions.json').sort((a, b) => b.answeredOnInDays! - a.answeredOnInDays!);
    await expect(page.locator('.card__title').allTextContents()).resolves.toEqual(
      ownFirst(questions).map((q) => q.question),
    );
    await page.goto(`${origin}/cremona/tutorial/`);
    const tutorials = demo('tutorials.json').sort((a, b) => a.title!.localeCompare(b.title!, 'it'));
    await expect(page.locator('.card__title').allTextContents()).resolves.toEqual(
      ownFirst(tutorials).map((t) => t.title),
    );
    await page.close();
  });

  it('finds a seeded opportunity with Pagefind search and opens it', async () => {
    const page = await browser.newPage();
    await openSearch(page, `${origin}/cremona/cerca/`);
    await page.getByLabel('Cosa stai cercando?').fill('liutaio');
    const result = page.locator('.search__results a').first();
    await result.waitFor({ timeout: 15_000 });
    await expect(result.textContent()).resolves.toBe(liutaio.title);
    await result.click();
    await page.waitForURL(`**/cremona/opportunita/${liutaio.slug}/`);
    await expect(page.locator('h1').textContent()).resolves.toBe(liutaio.title);
    await page.close();
  });

  it('answers «ho 17 anni»: the age filter finds exactly the open calls a 17-year-old may apply for', async () => {
    const ages = JSON.parse(
      fs.readFileSync(path.resolve(import.meta.dirname, '../../cms/seed/demo/opportunities.json'), 'utf8'),
    ) as Array<{
      title: string;
      territory: string | null;
      regional: boolean;
      deadlineInDays: number | null;
      ageMin: number;
      ageMax: number;
    }>;
    const onCremona = ages.filter((e) => (e.territory === 'cremona' || e.regional) && (daysLeft(e) ?? 0) >= 0);
    const page = await browser.newPage();
    await openSearch(page, `${origin}/cremona/cerca/`);
    for (const age of [17, 30]) {
      const eligible = onCremona.filter((e) => e.ageMin <= age && age <= e.ageMax);
      // Soresina's entry, published by this file, takes the default ages (15 to 34).
      const expected = eligible.length + 1;
      expect(eligible.length, 'the demo content excludes some ages').toBeLessThan(onCremona.length);
      const select = page.getByLabel('La tua età');
      // The choices read as ages, in numeric order, with how many calls each finds.
      await expect(select.locator(`option[value="${age}"]`).textContent()).resolves.toBe(`${age} anni (${expected})`);
      const values = await select
        .locator('option')
        .evaluateAll((options) => options.map((option) => (option as HTMLOptionElement).value).filter(Boolean));
      expect(values).toEqual(
        values
          .map(Number)
          .sort((a, b) => a - b)
          .map(String),
      );
      await select.selectOption(String(age));
      await expect
        .poll(() => page.locator('.search__status p').textContent(), { timeout: 15_000 })
        .toBe(`${expected} risultati`);
      const titles = await page.locator('.search__results a').allTextContents();
      const tooYoungOrOld = onCremona.filter((e) => !eligible.includes(e)).map((e) => e.title);
      expect(titles.filter((title) => tooYoungOrOld.includes(title))).toEqual([]);
      expect(titles.length).toBe(Math.min(expected, 20));
    }
    await page.close();
  });

  it('filters by kind and sorts by deadline', async () => {
    const seedKinds = JSON.parse(
      fs.readFileSync(path.resolve(import.meta.dirname, '../../cms/seed/demo/opportunities.json'), 'utf8'),
    ) as Array<{
      title: string;
      kind: string;
      territory: string | null;
      regional: boolean;
      deadlineInDays: number | null;
    }>;
    const internships = seedKinds.filter((e) => e.kind === 'internship' && (e.territory === 'cremona' || e.regional));
    const page = await browser.newPage();
    await openSearch(page, `${origin}/cremona/cerca/`);
    await page.getByLabel('Tipo').selectOption('Tirocinio');
    await page.getByLabel('Ordina per').selectOption('deadline');
    await page.locator('.search__status p', { hasText: /risultat/ }).waitFor({ timeout: 15_000 });
    const titles = await page.locator('.search__results a').allTextContents();
    expect(titles.length).toBeGreaterThan(0);
    for (const title of titles) expect(internships.map((e) => e.title)).toContain(title);
    const days = titles.map((title) => daysLeft(internships.find((e) => e.title === title)!) ?? Infinity);
    expect(days).toEqual([...days].sort((a, b) => a - b));
    await page.close();
  });

  it('keeps each hub to its own territory: Crema neither lists nor finds a Cremona item', async () => {
    const page = await browser.newPage();
    await page.goto(`${origin}/crema/opportunita/`);
    const titles = await page.locator('.card__title').allTextContents();
    expect(titles.length).toBeGreaterThan(0);
    expect(titles).not.toContain(liutaio.title);
    await openSearch(page, `${origin}/crema/cerca/`);
    await page.getByLabel('Cosa stai cercando?').fill('liutaio');
    // Wait for the search to finish: "Nessun risultato…", "1 risultato" or "N risultati".
    await page.locator('.search__status p', { hasText: /risultat/ }).waitFor({ timeout: 15_000 });
    const found = await page.locator('.search__results a').allTextContents();
    expect(found).not.toContain(liutaio.title);
    const links = await page.locator('.search__results a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    expect(links.every((href) => href?.startsWith('/crema/'))).toBe(true);

    // Asked to search the whole network, Crema's search also finds Cremona's item, on Cremona's site.
    await page.getByLabel('Cerca in tutta la rete Informagiovani').check();
    const networkResult = page.locator('.search__results a', { hasText: liutaio.title });
    await networkResult.waitFor({ timeout: 15_000 });
    await expect(networkResult.getAttribute('href')).resolves.toBe(`/cremona/opportunita/${liutaio.slug}/`);
    const direct = await page.goto(`${origin}/crema/opportunita/${liutaio.slug}/`);
    expect(direct?.status()).toBe(404);
    await page.close();
  });

  it('finds each regional entry once when searching the whole network, on the own hub', async () => {
    const regional = seed.find((entry) => entry.regional && (daysLeft(entry) ?? 1) > 0)!;
    const page = await browser.newPage();
    await openSearch(page, `${origin}/crema/cerca/`);
    await page.getByLabel('Cerca in tutta la rete Informagiovani').check();
    await page.getByLabel('Cosa stai cercando?').fill(regional.title);
    const found = page.locator('.search__results a', { hasText: regional.title });
    await found.first().waitFor({ timeout: 15_000 });
    const hrefs = await found.evaluateAll((links) => links.map((link) => link.getAttribute('href')));
    // Cremona and Crema both publish it: one result, Crema's own copy.
    expect(hrefs).toEqual([`/crema/opportunita/${regional.slug}/`]);
    await page.close();
  });

  it('passes its Content-Security-Policy on every template, in both languages, searching and in a preview', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    // Violations as the page sees them, and as Chromium reports them (a blocked inline script).
    await page.addInitScript(() => {
      const seen: string[] = [];
      Object.assign(window, { cspViolations: seen });
      document.addEventListener('securitypolicyviolation', (event) =>
        seen.push(`${event.violatedDirective} blocked ${event.blockedURI || 'inline'} (${event.sample})`),
      );
    });
    const reported: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error' && /Content[- ]Security[- ]Policy/i.test(message.text()))
        reported.push(`${page.url()}: ${message.text()}`);
    });
    page.on('pageerror', (error) => reported.push(`${page.url()}: ${error.message}`));
    const violations = async (url: string) =>
      ((await page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations)) ?? []).map(
        (v) => `${url}: ${v}`,
      );
    const found: string[] = [];
    const open = async (pathname: string) => {
      const response = await page.goto(`${origin}${pathname}`);
      expect(response?.status(), pathname).toBe(200);
      const headers = response!.headers();
      expect(headers['content-security-policy'], pathname).toMatch(/script-src 'self' 'wasm-unsafe-eval' 'sha256-/);
      expect(headers['x-content-type-options'], pathname).toBe('nosniff');
      expect(headers['referrer-policy'], pathname).toBe('strict-origin-when-cross-origin');
      await page.waitForLoadState('networkidle');
      return headers;
    };

    for (const template of [...TEMPLATES, 'en/', `en/opportunities/${liutaio.localizations!.en!.slug}/`]) {
      const headers = await open(`/cremona/${template}`);
      expect(headers['x-frame-options'], template).toBe('SAMEORIGIN');
      found.push(...(await violations(template)));
    }

    // Searching runs the island, Pagefind's script and its WebAssembly, in both languages.
    for (const [pathname, box, query] of [
      ['/cremona/cerca/', 'Cosa stai cercando?', 'liutaio'],
      ['/cremona/en/search/', 'What are you looking for?', 'violin'],
    ] as const) {
      await open(pathname);
      await page.getByLabel(box).focus();
      await page.locator('astro-island:not([ssr])').waitFor({ timeout: 15_000 });
      await page.getByLabel(box).fill(query);
      await page.locator('.search__results a').first().waitFor({ timeout: 15_000 });
      found.push(...(await violations(pathname)));
    }

    // A draft preview is the hub built under /_anteprima/<id>/: here, Cremona's build copied there.
    const id = 'f'.repeat(32);
    fs.cpSync(path.join(hubs.root, 'cremona'), previewFolder(hubs.root, id), { recursive: true });
    const preview = `/_anteprima/${id}/cremona/opportunita/${liutaio.slug}/`;
    const headers = await open(preview);
    expect(headers['content-security-policy']).toContain(`frame-ancestors 'self' ${hubs.cms.url}`);
    expect(headers['x-frame-options'], 'frame-ancestors decides: the CMS may frame it').toBeUndefined();
    found.push(...(await violations(preview)));
    expect(found).toEqual([]);
    expect(reported).toEqual([]);
    await context.close();
  });

  it("lets the CMS's admin frame a draft preview, and no other site frame a page", async () => {
    // A stand-in for the admin, and a hub server that trusts its origin as it trusts the CMS's:
    // Chromium blocks every frame of a page that Playwright answers itself (route.fulfill).
    const id = 'a'.repeat(32);
    fs.cpSync(path.join(hubs.root, 'cremona'), previewFolder(hubs.root, id), { recursive: true });
    const preview = `/_anteprima/${id}/cremona/opportunita/${liutaio.slug}/`;
    const [adminPort, hubPort] = [await freePort(), await freePort()];
    const hubServer = createHubServer(hubs.root, { cmsOrigins: [`http://127.0.0.1:${adminPort}`] });
    const admin = http.createServer((_request, response) => {
      response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
      response.end(
        `<title>Anteprima</title><iframe id="anteprima" src="http://127.0.0.1:${hubPort}${preview}"></iframe>` +
          `<iframe id="pubblico" src="http://127.0.0.1:${hubPort}/cremona/"></iframe>`,
      );
    });
    await new Promise<void>((resolve) => hubServer.listen(hubPort, '127.0.0.1', resolve));
    await new Promise<void>((resolve) => admin.listen(adminPort, '127.0.0.1', resolve));
    const page = await browser.newPage();
    const refused: string[] = [];
    page.on('console', (message) => refused.push(message.text()));
    try {
      await page.goto(`http://127.0.0.1:${adminPort}/`);
      await expect
        .poll(() => page.frameLocator('#anteprima').locator('h1').textContent(), { timeout: 15_000 })
        .toBe(liutaio.title);
      await page.waitForLoadState('networkidle');
      await expect(
        page.frameLocator('#pubblico').locator('.hub-name').count(),
        'a live page is not framed',
      ).resolves.toBe(0);
      expect(refused.join('\n')).toMatch(/frame-ancestors 'self'"/);
    } finally {
      await page.close();
      hubServer.close();
      admin.close();
    }
  });

  it('has no axe-core violation (WCAG 2.1 A and AA) on any template', async () => {
    // axe-core's Playwright builder needs a page from an explicit context.
    const context = await browser.newContext();
    const page = await context.newPage();
    const failures: string[] = [];
    for (const template of TEMPLATES) {
      const response = await page.goto(`${origin}/cremona/${template}`);
      expect(response?.status(), `/cremona/${template}`).toBe(200);
      const { violations } = await new AxeBuilder({ page })
        .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
        .analyze();
      for (const v of violations) failures.push(`/cremona/${template}: ${v.id} (${v.nodes.length}) ${v.help}`);
    }
    expect(failures).toEqual([]);
    await context.close();
  });

  it('reads a page with JavaScript off, and reaches the content by keyboard', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${origin}/cremona/opportunita/${liutaio.slug}/`);
    await expect(page.locator('h1').textContent()).resolves.toBe(liutaio.title);
    await page.keyboard.press('Tab');
    const skip = page.locator('.skip-link').first();
    await expect(skip.evaluate((el) => el === document.activeElement)).resolves.toBe(true);
    await expect(skip.isVisible()).resolves.toBe(true);
    await page.keyboard.press('Enter');
    await expect(page.evaluate(() => location.hash)).resolves.toBe('#contenuto');
    await context.close();
  });

  it('closes opportunities between builds: under a clock moved past their deadline, listings hide them and badges say closed', async () => {
    const open = seed.filter((e) => e.territory === 'cremona' && (daysLeft(e) ?? -1) >= 0);
    const context = await browser.newContext();
    const page = await context.newPage();
    // A year from now every seeded deadline (at most 120 days ahead) has passed.
    await page.clock.setFixedTime(new Date(Date.now() + 365 * 86_400_000));
    await page.goto(`${origin}/cremona/opportunita/`);
    const visibleTitles = await page.locator('li[data-expires]:not([hidden]) .card__title').allTextContents();
    for (const entry of open) expect(visibleTitles).not.toContain(entry.title);
    // A year on, the page cannot know how many are still open: it says nothing rather than a wrong number.
    await expect(page.locator('p[data-open-count]').isHidden()).resolves.toBe(true);
    await page.goto(`${origin}/cremona/opportunita/${liutaio.slug}/`);
    await expect(page.locator('.deadline__label').first().textContent()).resolves.toBe('Chiusa');
    await expect(page.locator('[data-closed-notice]').isVisible()).resolves.toBe(true);
    await context.close();
  });

  it('publishes RSS per thematic area that an XML parser reads', async () => {
    const response = await fetch(`${origin}/cremona/rss/ricerca-lavoro.xml`);
    expect(response.status).toBe(200);
    const feed = new XMLParser().parse(await response.text());
    expect(feed.rss.channel.title).toMatch(/Ricerca lavoro · Informagiovani Cremona/);
    const items = [feed.rss.channel.item].flat().filter(Boolean);
    expect(items.length).toBeGreaterThan(0);
    for (const item of items) expect(item.link).toMatch(/^http:\/\/localhost:4321\/cremona\//);
  });

  it('publishes an RSS feed of all open opportunities and one per kind, linked from every page', async () => {
    const page = await browser.newPage();
    await page.goto(`${origin}/cremona/opportunita/`);
    const open = Number(await page.locator('p[data-open-count]').getAttribute('data-open-count'));
    const feedLink = page.locator('footer a', { hasText: 'Feed RSS delle opportunità' });
    await expect(feedLink.getAttribute('href')).resolves.toBe('/cremona/rss/opportunita.xml');
    await page.close();
    const parse = async (path: string) => {
      const response = await fetch(`${origin}/cremona/${path}`);
      expect(response.status, path).toBe(200);
      const feed = new XMLParser().parse(await response.text());
      return { title: feed.rss.channel.title as string, items: [feed.rss.channel.item].flat().filter(Boolean) };
    };
    const all = await parse('rss/opportunita.xml');
    expect(all.items).toHaveLength(open);
    const internships = await parse('rss/opportunita/tirocinio.xml');
    expect(internships.title).toBe('Tirocinio · Informagiovani Cremona');
    expect(internships.items.length).toBeGreaterThan(0);
    for (const item of internships.items) expect([item.category].flat()).toContain('Tirocinio');
    expect(internships.items.map((item: { title: string }) => item.title)).toContain(liutaio.title);
  });

  it("lists under «Siti utili» the hub's own and the regional links, opening the sites, and no other territory's", async () => {
    const links = JSON.parse(
      fs.readFileSync(path.resolve(import.meta.dirname, '../../cms/seed/demo/useful-links.json'), 'utf8'),
    ) as Array<{
      territory: string | null;
      regional: boolean;
      thematicArea: string;
      title: string;
      url: string;
      description: string;
    }>;
    const inSection = links.filter((link) => link.thematicArea === 'siti-utili');
    const own = inSection.filter((link) => link.territory === 'crema');
    const regional = inSection.filter((link) => link.regional);
    const others = inSection.filter((link) => link.territory !== null && link.territory !== 'crema');
    expect(own.length && regional.length && others.length, 'the demo content has all three').toBeGreaterThan(0);
    const byTitle = (a: { title: string }, b: { title: string }) => a.title.localeCompare(b.title, 'it');

    const page = await browser.newPage();
    await page.goto(`${origin}/crema/aree/ricerca-lavoro/siti-utili/`);
    await expect(page.locator('h1').textContent()).resolves.toBe('Siti utili');
    const cards = await page.locator('main .card').evaluateAll((articles) =>
      articles.map((article) => ({
        title: article.querySelector('.card__title a')!.textContent!.trim(),
        href: article.querySelector('.card__title a')!.getAttribute('href'),
        summary: article.querySelector('.card__summary')?.textContent?.trim() ?? null,
      })),
    );
    // Crema's own first, then the regional ones, each alphabetically; nothing of Cremona's or Lecco's.
    expect(cards.map((card) => card.title)).toEqual(
      [...own.sort(byTitle), ...regional.sort(byTitle)].map((l) => l.title),
    );
    for (const link of [...own, ...regional]) {
      const card = cards.find((candidate) => candidate.title === link.title)!;
      expect(card.href, link.title).toBe(link.url);
      expect(card.summary, link.title).toBe(link.description);
      await expect(page.getByRole('link', { name: link.title, exact: true }).isVisible()).resolves.toBe(true);
    }
    for (const link of others) expect(await page.getByText(link.title).count(), link.title).toBe(0);

    // The index of every useful link, by area: the same section first among the hub's own.
    await page.goto(`${origin}/crema/`);
    await page.locator('footer a', { hasText: 'Siti utili' }).click();
    await expect(page.locator('h1').textContent()).resolves.toBe('Siti utili');
    const group = page.locator('section', { has: page.locator('h2', { hasText: 'Siti utili' }) });
    await expect(group.locator('.card__title').first().textContent()).resolves.toContain(own[0]!.title);
    await expect(group.locator('.card__title a').first().getAttribute('rel')).resolves.toBe('external');
    for (const link of others) expect(await page.getByText(link.title).count(), link.title).toBe(0);
    await page.close();
  });

  it('finds a useful link and a reading with the search, each by its own kind, and shows the book as cited', async () => {
    const readings = JSON.parse(
      fs.readFileSync(path.resolve(import.meta.dirname, '../../cms/seed/demo/readings.json'), 'utf8'),
    ) as Array<{
      territory: string | null;
      regional: boolean;
      slug: string;
      title: string;
      authors: string;
      isbn: string | null;
    }>;
    const book = readings.find((reading) => reading.territory === 'cremona' && reading.isbn)!;
    const page = await browser.newPage();
    await openSearch(page, `${origin}/cremona/cerca/`);
    await page.getByLabel('Tipo').selectOption('Sito utile');
    await page.getByLabel('Cosa stai cercando?').fill('Europass');
    const found = page.locator('.search__results a', { hasText: 'Europass' });
    await found.first().waitFor({ timeout: 15_000 });
    await expect(found.first().getAttribute('href')).resolves.toBe('/cremona/siti-utili/europass/');

    await page.getByLabel('Tipo').selectOption('Libro o guida');
    await page.getByLabel('Cosa stai cercando?').fill(book.authors.split(',')[0]!);
    const result = page.locator('.search__results a', { hasText: book.title });
    await result.waitFor({ timeout: 15_000 });
    await result.click();
    await page.waitForURL(`**/cremona/bibliografia/${book.slug}/`);
    await expect(page.locator('h1').textContent()).resolves.toBe(book.title);
    await expect(page.locator('.facts').textContent()).resolves.toContain(book.isbn!);
    // Crema does not publish Cremona's book.
    expect((await page.goto(`${origin}/crema/bibliografia/${book.slug}/`))?.status()).toBe(404);
    await page.close();
  });

  it('links the operators’ resources from the footer as «Per gli operatori», saying whom they are for', async () => {
    const page = await browser.newPage();
    await page.goto(`${origin}/cremona/`);
    await page.locator('footer a', { hasText: 'Per gli operatori' }).click();
    await expect(page.locator('h1').textContent()).resolves.toBe('Risorse per operatori');
    await expect(page.locator('main .lead').textContent()).resolves.toMatch(/chi lavora negli sportelli/);
    await page.close();
  });

  it('shows a project with its period, partners and funding, links its next related event, and lists running projects before concluded ones', async () => {
    const events = JSON.parse(
      fs.readFileSync(path.resolve(import.meta.dirname, '../../cms/seed/demo/events.json'), 'utf8'),
    ) as Array<{ slug: string; title: string; startsAt: { inDays: number } }>;
    const project = cremonaProject;
    const page = await browser.newPage();
    // From every page's footer to the list, and from the list to the project.
    await page.goto(`${origin}/cremona/`);
    await page.locator('footer a', { hasText: 'Progetti' }).click();
    await expect(page.locator('h1').textContent()).resolves.toBe('Progetti');
    await page.locator('.card__title a', { hasText: project.title }).click();
    await page.waitForURL(`**/cremona/progetti/${project.slug}/`);
    await expect(page.locator('h1').textContent()).resolves.toBe(project.title);

    // The period in Italian words, counted from the day the seed ran.
    const italianDate = (inDays: number) =>
      new Intl.DateTimeFormat('it-IT', { dateStyle: 'long', timeZone: 'UTC' }).format(
        new Date(`${addDays(romeDate(), inDays)}T00:00:00Z`),
      );
    const start = italianDate(project.startDateInDays);
    const period =
      project.endDateInDays === null
        ? `Dal ${start}, in corso`
        : `Dal ${start} al ${italianDate(project.endDateInDays)}`;
    await expect(page.locator('[data-project-period]').textContent()).resolves.toContain(period);
    await expect(page.locator('.facts').textContent()).resolves.toContain(project.funding!);
    const partners = page.locator('section', { has: page.locator('h2', { hasText: 'Partner' }) }).locator('li');
    await expect(partners.evaluateAll((items) => items.map((item) => item.textContent!.trim()))).resolves.toEqual(
      project.partners.map((partner) => (partner.lead ? `${partner.name} (capofila)` : partner.name)),
    );

    // Its related events still to come are links to their pages; past ones are not offered.
    const upcoming = events.filter((event) => project.relatedEvents.includes(event.slug) && event.startsAt.inDays > 0);
    expect(upcoming.length, 'the demo project has an upcoming related event').toBeGreaterThan(0);
    const links = page
      .locator('section', { has: page.locator('h2', { hasText: 'Prossimi eventi collegati' }) })
      .locator('a');
    await expect(links.allTextContents().then((titles) => titles.sort())).resolves.toEqual(
      upcoming.map((event) => event.title).sort(),
    );
    const [next] = upcoming;
    await links.filter({ hasText: next!.title }).click();
    await page.waitForURL(`**/cremona/eventi/${next!.slug}/`);
    await expect(page.locator('h1').textContent()).resolves.toBe(next!.title);

    // On Crema's list, the running ones (an end to come, or none) before the concluded ones.
    await page.goto(`${origin}/crema/progetti/`);
    const titlesAfter = (heading: string) =>
      page
        .locator('h2', { hasText: heading })
        .locator('xpath=following-sibling::*[1]')
        .locator('.card__title')
        .allTextContents();
    const running = await titlesAfter('In corso');
    const concluded = await titlesAfter('Conclusi');
    const onCrema = projects.filter((p) => p.territory === 'crema' || p.regional);
    const isRunning = (p: (typeof projects)[number]) => p.endDateInDays === null || p.endDateInDays >= 0;
    expect(running.length, 'the demo content has running projects in Crema').toBeGreaterThan(0);
    expect(concluded.length, 'and concluded ones').toBeGreaterThan(0);
    const titlesOf = (list: typeof projects) => list.map((p) => p.title).sort();
    expect([...running].sort()).toEqual(titlesOf(onCrema.filter(isRunning)));
    expect([...concluded].sort()).toEqual(titlesOf(onCrema.filter((p) => !isRunning(p))));
    await expect(page.locator('.card__title').allTextContents()).resolves.toEqual([...running, ...concluded]);
    expect(running, "Cremona's project is not on Crema's site").not.toContain(project.title);
    await page.close();
  });

  it('indexes projects for search with their own kind, and describes them in schema.org JSON-LD', async () => {
    const page = await browser.newPage();
    await openSearch(page, `${origin}/cremona/cerca/`);
    await page.getByLabel('Tipo').selectOption('Progetto');
    await page.getByLabel('Cosa stai cercando?').fill(cremonaProject.title);
    await page.locator('.search__status p', { hasText: /risultat/ }).waitFor({ timeout: 15_000 });
    const found = await page.locator('.search__results a').allTextContents();
    expect(found).toContain(cremonaProject.title);
    expect(found.every((title) => projects.some((p) => p.title === title))).toBe(true);

    await page.goto(`${origin}/cremona/progetti/${cremonaProject.slug}/`);
    const blocks = (await page.locator('script[type="application/ld+json"]').allTextContents()).map(
      (text) => JSON.parse(text) as Record<string, any>,
    );
    const ld = blocks.find((block) => block['@type'] === 'Project');
    expect(ld).toMatchObject({
      '@context': 'https://schema.org',
      name: cremonaProject.title,
      foundingDate: addDays(romeDate(), cremonaProject.startDateInDays),
    });
    expect(ld?.member.map((m: { name: string }) => m.name)).toEqual(cremonaProject.partners.map((p) => p.name));
    expect(ld?.funding?.name).toBe(cremonaProject.funding);
    await page.close();
  });

  it('publishes iCalendar for events, deadlines and single entries that an iCalendar parser reads', async () => {
    const calendar = async (url: string) => {
      const response = await fetch(`${origin}${url}`);
      expect(response.status, url).toBe(200);
      expect(response.headers.get('content-type')).toMatch(/text\/calendar/);
      return new ICAL.Component(ICAL.parse(await response.text()))
        .getAllSubcomponents('vevent')
        .map((v) => new ICAL.Event(v));
    };
    const events = await calendar('/cremona/eventi.ics');
    const seededEvents = JSON.parse(
      fs.readFileSync(path.resolve(import.meta.dirname, '../../cms/seed/demo/events.json'), 'utf8'),
    ) as Array<{ territory: string | null; regional: boolean }>;
    expect(events).toHaveLength(seededEvents.filter((e) => e.territory === 'cremona' || e.regional).length);
    for (const event of events) expect(event.endDate.compare(event.startDate)).toBeGreaterThanOrEqual(0);
    const deadlines = await calendar('/cremona/scadenze.ics');
    expect(deadlines.map((d) => d.summary)).toContain(`Scadenza: ${liutaio.title}`);
    const single = await calendar(`/cremona/opportunita/${liutaio.slug}.ics`);
    expect(single).toHaveLength(1);
    expect(single[0]!.startDate.isDate).toBe(true);
  });

  it('embeds schema.org JSON-LD with the required fields', async () => {
    const jsonLd = async (url: string) => {
      const page = await browser.newPage();
      await page.goto(`${origin}${url}`);
      const blocks = await page.locator('script[type="application/ld+json"]').allTextContents();
      await page.close();
      return blocks.map((text) => JSON.parse(text) as Record<string, any>);
    };
    const job = (await jsonLd(`/cremona/opportunita/${liutaio.slug}/`)).find((d) => d['@type'] === 'JobPosting');
    expect(job).toMatchObject({
      '@context': 'https://schema.org',
      title: liutaio.title,
      hiringOrganization: { '@type': 'Organization' },
    });
    for (const field of ['description', 'datePosted', 'validThrough', 'employmentType'])
      expect(job?.[field], field).toBeTruthy();
    expect(job?.jobLocation ?? job?.jobLocationType).toBeTruthy();
    const breadcrumb = (await jsonLd(`/cremona/opportunita/${liutaio.slug}/`)).find(
      (d) => d['@type'] === 'BreadcrumbList',
    );
    expect(breadcrumb?.itemListElement.at(-1)).toMatchObject({ position: 3, name: liutaio.title });
    const event = (await jsonLd(`/cremona/eventi/${firstSlug('events.json')}/`)).find((d) => d['@type'] === 'Event');
    for (const field of ['name', 'startDate', 'endDate', 'location']) expect(event?.[field], field).toBeTruthy();
    const office = (await jsonLd('/cremona/contatti/')).find((d) => d['@type'] === 'GovernmentOffice');
    expect(office?.openingHoursSpecification.length).toBeGreaterThan(0);
    expect(office?.address).toMatchObject({ '@type': 'PostalAddress', addressCountry: 'IT' });
    const howTo = (await jsonLd(`/cremona/tutorial/${firstSlug('tutorials.json')}/`)).find(
      (d) => d['@type'] === 'HowTo',
    );
    expect(howTo?.step.length).toBeGreaterThan(0);
  });

  it('exports published opportunities as JSON and CSV, and lists pages in a sitemap', async () => {
    const json = (await (await fetch(`${origin}/cremona/dati/opportunita.json`)).json()) as Array<{
      slug: string;
      url: string;
    }>;
    expect(json.map((o) => o.slug)).toContain(liutaio.slug);
    const bytes = new Uint8Array(await (await fetch(`${origin}/cremona/dati/opportunita.csv`)).arrayBuffer());
    expect([...bytes.slice(0, 3)], 'a UTF-8 byte order mark, so spreadsheets read accents').toEqual([0xef, 0xbb, 0xbf]);
    const lines = new TextDecoder().decode(bytes).trim().split('\r\n');
    expect(lines[0]).toBe(
      'slug,titolo,tipo,tipo_codice,sintesi,ente,comune,a_distanza,eta_minima,eta_massima,apertura,scadenza,territorio,regionale,ultima_verifica,url',
    );
    // Kinds as an Italian reader says them, with the stable code beside.
    expect(lines.find((line) => line.startsWith(`${liutaio.slug},`))).toContain(',Tirocinio,internship,');
    expect(lines).toHaveLength(json.length + 1);
    const robots = await (await fetch(`${origin}/cremona/robots.txt`)).text();
    expect(robots).toMatch(/Sitemap: http:\/\/localhost:4321\/cremona\/sitemap-index\.xml/);
    const sitemap = await fetch(`${origin}/cremona/sitemap-0.xml`);
    expect(sitemap.status).toBe(200);
    expect(await sitemap.text()).toContain(`/cremona/opportunita/${liutaio.slug}/`);
  });

  it('describes its open data in DCAT-AP_IT under CC BY 4.0, with files that download, and says so to readers', async () => {
    const response = await fetch(`${origin}/cremona/dati/catalogo.jsonld`);
    expect(response.headers.get('content-type')).toMatch(/^application\/ld\+json/);
    const catalogue = (await response.json()) as Record<string, any>;
    expect(catalogue['@context'].dcatapit).toBe('http://dati.gov.it/onto/dcatapit#');
    expect(catalogue['@type']).toEqual(['dcat:Catalog', 'dcatapit:Catalog']);
    // The publisher is the municipality, by its code in the IPA index (the demo territory's).
    expect(catalogue['dct:publisher']).toMatchObject({ 'foaf:name': 'Comune di Cremona', 'dct:identifier': 'c_d150' });
    const datasets = catalogue['dcat:dataset'] as Array<Record<string, any>>;
    expect(datasets.map((dataset) => dataset['dct:identifier'])).toEqual([
      'c_d150:cremona-opportunita',
      'c_d150:cremona-eventi',
    ]);
    for (const dataset of datasets) {
      expect(dataset['dct:modified']['@value']).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(dataset['dct:rightsHolder']['dct:identifier']).toBe('c_d150');
      expect(dataset['dcat:theme'].length).toBeGreaterThan(0);
      expect(dataset['dcat:contactPoint']['vcard:hasEmail']['@id']).toMatch(/^mailto:.+@/);
      const distributions = dataset['dcat:distribution'] as Array<Record<string, any>>;
      expect(distributions.map((d) => d['dct:format']['@id'].split('/').at(-1))).toEqual(['JSON', 'CSV']);
      for (const distribution of distributions) {
        expect(distribution['dct:license']['@id']).toBe('https://creativecommons.org/licenses/by/4.0/');
        const file = await fetch(distribution['dcat:downloadURL']['@id'].replace('http://localhost:4321', origin));
        expect(file.status, distribution['@id']).toBe(200);
        expect(file.headers.get('content-type')).toContain(distribution['dcat:mediaType']);
      }
    }
    // The page a reader opens from the footer names the licence and the columns.
    const page = await browser.newPage();
    await page.goto(`${origin}/cremona/`);
    await page.locator('footer').getByRole('link', { name: 'Dati aperti' }).click();
    await page.waitForURL('**/cremona/dati/');
    await expect(page.getByRole('link', { name: /CC BY 4\.0/ }).getAttribute('href')).resolves.toBe(
      'https://creativecommons.org/licenses/by/4.0/',
    );
    await expect(page.locator('main').textContent()).resolves.toContain('Comune di Cremona');
    const columns = await page.locator('table').first().locator('tbody th').allTextContents();
    expect(columns[0]).toBe('slug');
    expect(columns).toContain('eta_minima');
    await page.close();
  });

  it('marks an expired opportunity as closed and leaves it out of the listing', async () => {
    const expired = seed.find((e) => e.territory === 'cremona' && (daysLeft(e) ?? 0) < 0);
    expect(expired, 'the demo content has an expired Cremona opportunity').toBeDefined();
    const page = await browser.newPage();
    await page.goto(`${origin}/cremona/opportunita/${expired!.slug}/`);
    await expect(page.locator('.notice--closed').textContent()).resolves.toMatch(/scaduta/);
    // Readable at its address, but no longer offered by the search.
    await openSearch(page, `${origin}/cremona/cerca/`);
    await page.getByLabel('Cosa stai cercando?').fill(expired!.title);
    await page.locator('.search__status p', { hasText: /risultat/ }).waitFor({ timeout: 15_000 });
    expect(await page.locator('.search__results a').allTextContents()).not.toContain(expired!.title);
    await page.close();
  });

  it('offers no closed call as open in the search, between builds too: closed ones come last and say so', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    // A week from now the demo calls closing in 2 to 6 days have closed; later ones are still open.
    await page.clock.setFixedTime(new Date(Date.now() + 7 * 86_400_000));
    // The listing's count follows: the calls that closed since the build are no longer counted.
    const stillOpen = seed.filter((e) => (e.territory === 'cremona' || e.regional) && (daysLeft(e) ?? 7) >= 7).length;
    await page.goto(`${origin}/cremona/opportunita/`);
    // Plus Soresina's entry (no deadline), which this test file publishes.
    await expect(page.locator('p[data-open-count]').textContent()).resolves.toBe(`${stillOpen + 1} opportunità aperte`);
    await openSearch(page, `${origin}/cremona/cerca/`);
    // Internships: the Museo del Violino's (4 days) has closed, the liutaio's (25 days) has not.
    await page.getByLabel('Cosa stai cercando?').fill('tirocinio');
    await page.getByLabel('Tipo').selectOption('Tirocinio');
    await page.getByLabel('Ordina per').selectOption('deadline');
    await page.locator('.search__status p', { hasText: /risultat/ }).waitFor({ timeout: 15_000 });
    const closedFlags = await page
      .locator('.search__results li')
      .evaluateAll((items) => items.map((item) => item.querySelector('.deadline--closed')?.textContent ?? ''));
    expect(closedFlags.length).toBeGreaterThan(2);
    expect(closedFlags.some((flag) => flag === 'Chiusa')).toBe(true);
    expect(closedFlags.some((flag) => flag === '')).toBe(true);
    // Every open one before every closed one.
    expect(closedFlags.indexOf('Chiusa')).toBeGreaterThan(closedFlags.lastIndexOf(''));
    await context.close();
  });
});
