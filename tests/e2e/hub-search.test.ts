import fs from 'node:fs';
import type http from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import AxeBuilder from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
import { buildHub } from '../../scripts/lib/hubs.ts';
import { createHubServer } from '../../scripts/serve-hubs.ts';
import { launchChromium } from '../helpers/browser.ts';
import { freePort } from '../helpers/net.ts';
import { startTestCms, type TestCms } from '../helpers/test-cms.ts';

const seed = JSON.parse(
  fs.readFileSync(path.resolve(import.meta.dirname, '../../cms/seed/demo/opportunities.json'), 'utf8'),
) as Array<{ territory: string | null; regional: boolean; slug: string; title: string; deadlineInDays: number | null }>;
const liutaio = seed.find((entry) => entry.territory === 'cremona' && entry.title.includes('liutaio'))!;
const firstSlug = (file: string) =>
  (
    JSON.parse(fs.readFileSync(path.resolve(import.meta.dirname, `../../cms/seed/demo/${file}`), 'utf8')) as Array<{
      slug: string;
    }>
  )[0]!.slug;

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
  'aree/',
  'aree/ricerca-lavoro/',
  'aree/ricerca-lavoro/cv-e-lettera-di-presentazione/',
  'contatti/',
  'chi-siamo/',
  'accessibilita/',
  'cerca/',
];

/** Opens a search page and waits until its island is interactive (Astro drops `ssr` once hydrated). */
async function openSearch(page: Page, url: string) {
  await page.goto(url);
  await page.locator('astro-island:not([ssr])').waitFor({ timeout: 15_000 });
}

/**
 * From a live CMS to a searchable hub: boot the CMS with the demo content, build two hubs with
 * Astro and Pagefind, serve them, and search them in Chromium like a reader would.
 */
describe('a hub built from the live CMS', () => {
  let cms: TestCms;
  let server: http.Server;
  let browser: Browser;
  let origin: string;

  beforeAll(async () => {
    cms = await startTestCms({ database: 'sqlite', seedDemo: true });
    const root = path.join(cms.dir, 'sites');
    for (const hub of ['cremona', 'crema']) {
      await buildHub({
        hub,
        cmsUrl: cms.url,
        tokenFile: cms.tokenFile,
        strict: true,
        outDir: path.join(root, hub),
        quiet: true,
      });
    }
    server = createHubServer(root);
    const port = await freePort();
    await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${port}`;
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    server?.close();
    await cms?.destroy();
  });

  it("lists the hub's open opportunities on its home page", async () => {
    const page = await browser.newPage();
    await page.goto(`${origin}/cremona/opportunita/`);
    await expect(page.locator('.hub-name').textContent()).resolves.toBe('Informagiovani Cremona');
    const titles = await page.locator('.card__title').allTextContents();
    const open = seed.filter(
      (e) => (e.territory === 'cremona' || e.regional) && (e.deadlineInDays === null || e.deadlineInDays >= 0),
    );
    expect(titles.sort()).toEqual(open.map((e) => e.title).sort());
    await page.close();
  });

  it('finds a seeded opportunity with Pagefind search and opens it', async () => {
    const page = await browser.newPage();
    const pagefindRequests: string[] = [];
    page.on('request', (request) => {
      if (request.url().includes('/pagefind/')) pagefindRequests.push(request.url());
    });
    await openSearch(page, `${origin}/cremona/cerca/`);
    expect(pagefindRequests, 'the index loads only once the reader types').toEqual([]);
    await page.getByLabel('Cosa stai cercando?').fill('liutaio');
    const result = page.locator('.search__results a').first();
    await result.waitFor({ timeout: 15_000 });
    await expect(result.textContent()).resolves.toBe(liutaio.title);
    await result.click();
    await page.waitForURL(`**/cremona/opportunita/${liutaio.slug}/`);
    await expect(page.locator('h1').textContent()).resolves.toBe(liutaio.title);
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
    const direct = await page.goto(`${origin}/crema/opportunita/${liutaio.slug}/`);
    expect(direct?.status()).toBe(404);
    await page.close();
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
    const open = seed.filter((e) => e.territory === 'cremona' && e.deadlineInDays !== null && e.deadlineInDays >= 0);
    const context = await browser.newContext();
    const page = await context.newPage();
    // A year from now every seeded deadline (at most 120 days ahead) has passed.
    await page.clock.setFixedTime(new Date(Date.now() + 365 * 86_400_000));
    await page.goto(`${origin}/cremona/opportunita/`);
    const visibleTitles = await page.locator('li[data-expires]:not([hidden]) .card__title').allTextContents();
    for (const entry of open) expect(visibleTitles).not.toContain(entry.title);
    await page.goto(`${origin}/cremona/opportunita/${liutaio.slug}/`);
    await expect(page.locator('.deadline__label').first().textContent()).resolves.toBe('Chiusa');
    await expect(page.locator('[data-closed-notice]').isVisible()).resolves.toBe(true);
    await context.close();
  });

  it('marks an expired opportunity as closed and leaves it out of the listing', async () => {
    const expired = seed.find((e) => e.territory === 'cremona' && e.deadlineInDays !== null && e.deadlineInDays < 0);
    expect(expired, 'the demo content has an expired Cremona opportunity').toBeDefined();
    const page = await browser.newPage();
    await page.goto(`${origin}/cremona/opportunita/${expired!.slug}/`);
    await expect(page.locator('.notice--closed').textContent()).resolves.toMatch(/scaduta/);
    await page.close();
  });
});
