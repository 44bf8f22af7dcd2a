import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import AxeBuilder from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
import { romeDate } from '@sito/shared';
import { seededDeadline } from '@sito/shared/seed';
import { startLiveHubs, type LiveHubs } from '../helpers/live-hubs.ts';

interface SeedEntry {
  slug: string;
  title?: string;
  territory: string | null;
  regional: boolean;
  deadlineInDays?: number | null;
  localizations?: { en?: { slug: string; title?: string } };
}
const seedOf = (file: string) =>
  JSON.parse(fs.readFileSync(path.resolve(import.meta.dirname, `../../cms/seed/demo/${file}`), 'utf8')) as SeedEntry[];
const opportunities = seedOf('opportunities.json');
const shownOnCremona = (entry: SeedEntry) => entry.territory === 'cremona' || entry.regional;
/** Open on the day the seed runs: seasonal calls out of season are last season's, closed. */
const isOpen = (entry: SeedEntry) => {
  const deadline = seededDeadline(entry as unknown as Record<string, unknown>, romeDate());
  return deadline === null || deadline >= romeDate();
};

/** A regional opportunity with an English version: on every hub in Italian, on Cremona in English. */
const eures = opportunities.find((e) => e.regional && e.slug.startsWith('eures-stagione') && e.localizations?.en)!;
const euresEn = eures.localizations!.en!;
/** A Cremona opportunity in Italian only. */
const italianOnly = opportunities.find((e) => e.territory === 'cremona' && isOpen(e) && !e.localizations)!;

/** The English section of each translatable type, and the first seeded entry translated into English. */
const ENGLISH_TEMPLATES = (
  [
    ['opportunities', 'opportunities.json'],
    ['events', 'events.json'],
    ['guides', 'tutorials.json'],
    ['professions', 'professions.json'],
    ['ask-the-expert', 'questions.json'],
    ['news', 'news.json'],
  ] as const
).map(([section, file]) => {
  const entry = seedOf(file).find((e) => e.localizations?.en && shownOnCremona(e));
  if (!entry) throw new Error(`The demo content has no English ${section} entry shown on Cremona.`);
  return `en/${section}/${entry.localizations!.en!.slug}/`;
});

const alternates = (page: Page) =>
  page
    .locator('link[rel="alternate"][hreflang]')
    .evaluateAll((links) =>
      Object.fromEntries(links.map((l) => [l.getAttribute('hreflang'), new URL(l.getAttribute('href')!).pathname])),
    );

/** Opens a search page, waits for the island to wake up, searches and returns the result links. */
async function search(page: Page, url: string, label: string, query: string) {
  await page.goto(url);
  await page.getByLabel(label).focus();
  await page.locator('astro-island:not([ssr])').waitFor({ timeout: 15_000 });
  await page.getByLabel(label).fill(query);
  await page.locator('.search__status p').waitFor({ timeout: 15_000 });
  await page.waitForFunction(() => !document.querySelector('.search__status p')?.textContent?.includes('…'));
  return page
    .locator('.search__results a')
    .evaluateAll((as) => as.map((a) => ({ href: a.getAttribute('href')!, text: a.textContent ?? '' })));
}

/**
 * English where the content exists: Cremona publishes in Italian and English (its territory's
 * `languages`), Crema in Italian only. Both are built from a live CMS with the demo content, whose
 * English versions are translations of Italian entries.
 */
describe('English pages of a hub built from the live CMS', () => {
  let hubs: LiveHubs;
  let browser: Browser;
  let origin: string;

  beforeAll(async () => {
    hubs = await startLiveHubs(['cremona', 'crema']);
    ({ browser, origin } = hubs);
  });

  afterAll(async () => {
    await hubs?.close();
  });

  it('publishes an English page for an entry with English content, in English, linked both ways to the Italian one', async () => {
    const page = await browser.newPage();
    const italianPath = `/cremona/opportunita/${eures.slug}/`;
    const englishPath = `/cremona/en/opportunities/${euresEn.slug}/`;

    const response = await page.goto(`${origin}${englishPath}`);
    expect(response?.status()).toBe(200);
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('en');
    await expect(page.locator('h1').textContent()).resolves.toBe(euresEn.title);
    await expect(page.locator('.skip-link').first().textContent()).resolves.toBe('Skip to main content');
    const fromEnglish = await alternates(page);
    expect(fromEnglish).toEqual({ it: italianPath, en: englishPath, 'x-default': italianPath });

    // The visible way back, written in Italian and marked as such.
    const back = page.getByRole('link', { name: 'Leggi in italiano' });
    await expect(back.getAttribute('lang')).resolves.toBe('it');
    await expect(back.getAttribute('hreflang')).resolves.toBe('it');
    await back.click();
    await page.waitForURL(`**${italianPath}`);
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('it');
    expect(await alternates(page)).toEqual(fromEnglish);

    const readInEnglish = page.getByRole('link', { name: 'Read in English' });
    await expect(readInEnglish.getAttribute('lang')).resolves.toBe('en');
    await expect(readInEnglish.getAttribute('hreflang')).resolves.toBe('en');
    await readInEnglish.click();
    await page.waitForURL(`**${englishPath}`);
    await page.close();
  });

  it('marks the Italian text that English pages carry with lang="it"', async () => {
    const page = await browser.newPage();
    await page.goto(`${origin}/cremona/en/opportunities/${euresEn.slug}/`);
    // The hub's tagline, its office, the organisation: kept in Italian by the CMS.
    await expect(page.locator('.tagline').getAttribute('lang')).resolves.toBe('it');
    await expect(page.locator('address [lang="it"]').count()).resolves.toBe(1);
    await expect(page.locator('dl.facts dd[lang="it"]').count()).resolves.toBeGreaterThan(0);
    // Links to pages that exist in Italian only say so.
    await expect(page.locator('.main-nav a[href="/cremona/contatti/"]').getAttribute('hreflang')).resolves.toBe('it');
    await expect(page.locator('.language-switch a').getAttribute('lang')).resolves.toBe('it');
    await page.close();
  });

  it('has no English page for an entry without English content', async () => {
    const page = await browser.newPage();
    await page.goto(`${origin}/cremona/opportunita/${italianOnly.slug}/`);
    await expect(page.locator('link[rel="alternate"][hreflang]').count()).resolves.toBe(0);
    await expect(page.locator('.language-link').count()).resolves.toBe(0);
    // The language switch leads to the English home instead.
    await expect(page.locator('.language-switch a').getAttribute('href')).resolves.toBe('/cremona/en/');

    // The English pages are exactly the translated entries: the sitemap lists no other.
    const sitemap = await (await fetch(`${origin}/cremona/sitemap-0.xml`)).text();
    const englishEntryPages = [...sitemap.matchAll(/<loc>[^<]*\/cremona\/en\/[^/<]+\/([^/<]+)\/<\/loc>/g)].map(
      (m) => m[1],
    );
    expect(englishEntryPages).not.toContain(italianOnly.slug);
    expect(englishEntryPages).toContain(euresEn.slug);
    const translated = ['opportunities', 'events', 'tutorials', 'professions', 'questions', 'news']
      .flatMap((file) => seedOf(`${file}.json`))
      .filter((e) => e.localizations?.en && shownOnCremona(e));
    expect(englishEntryPages.sort()).toEqual(translated.map((e) => e.localizations!.en!.slug).sort());
    await page.close();
  });

  it('lists English content by type on the English home, with the Italian rules: open ones only, own entries first', async () => {
    const page = await browser.newPage();
    await page.goto(`${origin}/cremona/en/`);
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('en');
    const titles = await page.locator('#opportunities + ul .card__title').allTextContents();
    const expected = opportunities.filter((e) => e.localizations?.en && shownOnCremona(e) && isOpen(e));
    expect(titles.sort()).toEqual(expected.map((e) => e.localizations!.en!.title).sort());
    const owners = await page
      .locator('#opportunities + ul .card__eyebrow')
      .evaluateAll((eyebrows) => eyebrows.map((e) => (e.querySelector('.tag') ? 'regional' : 'own')));
    expect(owners).toContain('own');
    expect(owners.slice(owners.indexOf('regional'))).not.toContain('own');
    for (const heading of ['Upcoming events', 'Guides', 'Professions', 'Ask the expert', 'News'])
      await expect(page.getByRole('heading', { level: 2, name: heading }).count(), heading).resolves.toBe(1);
    await page.close();
  });

  it('gives a hub that publishes only in Italian no English pages and no language switch', async () => {
    expect((await fetch(`${origin}/crema/en/`)).status).toBe(404);
    const page = await browser.newPage();
    await page.goto(`${origin}/crema/opportunita/${eures.slug}/`);
    await expect(page.locator('h1').textContent()).resolves.toBe(eures.title);
    await expect(page.locator('.language-switch, .language-link').count()).resolves.toBe(0);
    await expect(page.locator('link[rel="alternate"][hreflang]').count()).resolves.toBe(0);
    await page.close();
  });

  it('searches Italian pages from the Italian search and English pages from the English one', async () => {
    const page = await browser.newPage();
    const italian = await search(page, `${origin}/cremona/cerca/`, 'Cosa stai cercando?', 'EURES');
    expect(italian.map((r) => r.text)).toContain(eures.title);
    expect(italian.every((r) => !r.href.includes('/en/'))).toBe(true);

    const english = await search(page, `${origin}/cremona/en/search/`, 'What are you looking for?', 'EURES');
    expect(english.map((r) => r.text)).toContain(euresEn.title);
    expect(english.every((r) => r.href.startsWith('/cremona/en/'))).toBe(true);
    await page.close();
  });

  it('has no axe-core violation (WCAG 2.1 A and AA) on the English templates', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const failures: string[] = [];
    for (const template of ['en/', 'en/search/', ...ENGLISH_TEMPLATES]) {
      const response = await page.goto(`${origin}/cremona/${template}`);
      expect(response?.status(), `/cremona/${template}`).toBe(200);
      await expect(page.locator('html').getAttribute('lang')).resolves.toBe('en');
      const { violations } = await new AxeBuilder({ page })
        .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
        .analyze();
      for (const v of violations) failures.push(`/cremona/${template}: ${v.id} (${v.nodes.length}) ${v.help}`);
    }
    expect(failures).toEqual([]);
    await context.close();
  });
});
