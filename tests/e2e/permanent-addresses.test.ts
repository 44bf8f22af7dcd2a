import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { isExpired } from '@sito/shared';
import { axeViolations } from '../helpers/axe.ts';
import { startLiveHubs, type LiveHubs } from '../helpers/live-hubs.ts';

const CM = '/content-manager/collection-types/api::opportunity.opportunity';

/**
 * What a reader meets at an address that is not (or no longer) a page, in Chromium on a hub built
 * from a live CMS: an old address leads to the page, a withdrawn entry's says what it was and
 * offers what is open, an unknown one is the hub's own 404 page, in the reader's language.
 */
describe('addresses that do not break, as a reader meets them', () => {
  let hubs: LiveHubs;
  let page: Page;
  const run = Date.now().toString(36);
  const renamed = { old: '', current: '', title: `Tirocinio in biblioteca ${run}` };
  const withdrawn = { slug: '', title: '', kind: '' };

  beforeAll(async () => {
    hubs = await startLiveHubs(['cremona'], async (cms) => {
      const admin = await cms.admin();
      const territories = await admin.request(
        'GET',
        '/content-manager/collection-types/api::territory.territory?pageSize=100',
      );
      const cremona = (territories.body.results as Array<{ slug: string; documentId: string }>).find(
        (t) => t.slug === 'cremona',
      )!;
      // Published, then renamed: its first address is an old one.
      const created = await admin.request('POST', `${CM}?locale=it`, {
        title: renamed.title,
        summary: 'Sei mesi in biblioteca a Cremona: catalogo, prestiti e laboratori per ragazzi.',
        kind: 'internship',
        territory: { connect: [{ documentId: cremona.documentId }] },
      });
      const { documentId, slug } = created.body.data as { documentId: string; slug: string };
      renamed.old = slug;
      renamed.current = `${slug}-2027`;
      await admin.request('POST', `${CM}/${documentId}/actions/publish?locale=it`, {});
      await admin.request('PUT', `${CM}/${documentId}?locale=it`, { slug: renamed.current });
      await admin.request('POST', `${CM}/${documentId}/actions/publish?locale=it`, {});
      // One of Cremona's open demo opportunities, taken off the site.
      const list = await admin.request('GET', `${CM}?locale=it&pageSize=100&filters[territory][slug][$eq]=cremona`);
      const open = (list.body.results as Array<Record<string, string | null>>).find(
        (entry) =>
          entry.status === 'published' && entry.kind === 'job' && (!entry.deadline || !isExpired(entry.deadline)),
      )!;
      Object.assign(withdrawn, { slug: open.slug, title: open.title, kind: open.kind });
      const res = await admin.request('POST', `${CM}/${open.documentId}/actions/unpublish?locale=it`, {});
      expect(res.status, JSON.stringify(res.body)).toBe(200);
    });
    page = await (await hubs.browser.newContext({ viewport: { width: 390, height: 844 } })).newPage();
  }, 600_000);

  afterAll(async () => {
    await hubs?.close();
  });

  it('an old address leads to the page as it is now', async () => {
    const response = await page.goto(`${hubs.origin}/cremona/opportunita/${renamed.old}/`);
    expect(response?.status()).toBe(200);
    expect(new URL(page.url()).pathname).toBe(`/cremona/opportunita/${renamed.current}/`);
    expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe(renamed.title);
    // The first answer was the redirect itself.
    expect(response?.request().redirectedFrom()?.url()).toBe(`${hubs.origin}/cremona/opportunita/${renamed.old}/`);
  });

  it("a withdrawn entry's address answers 410: what it was, open opportunities like it, the search box", async () => {
    const response = await page.goto(`${hubs.origin}/cremona/opportunita/${withdrawn.slug}/`);
    expect(response?.status()).toBe(410);
    expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe('Non più disponibile');
    const main = page.locator('main');
    expect(await main.innerText()).toContain(withdrawn.title);
    expect(await page.locator('meta[name="robots"]').getAttribute('content')).toMatch(/noindex/);
    // What is suggested is open, and is a page of the hub.
    const suggestions = main.getByRole('region', { name: 'Opportunità aperte simili' }).getByRole('link');
    const links = await suggestions.evaluateAll((items) => items.map((a) => (a as HTMLAnchorElement).pathname));
    expect(links.length).toBeGreaterThan(0);
    expect(links).not.toContain(`/cremona/opportunita/${withdrawn.slug}/`);
    for (const link of links) expect((await page.request.get(`${hubs.origin}${link}`)).status(), link).toBe(200);
    expect(await axeViolations(page, 'the withdrawn entry’s page')).toEqual([]);
    // The search box opens the hub's search with the words, and finds.
    await main.getByRole('searchbox').fill('tirocinio');
    await main.getByRole('button', { name: 'Cerca' }).click();
    await page.waitForURL(/\/cremona\/cerca\/\?q=tirocinio/);
    await expect.poll(() => page.locator('.search__results a').count(), { timeout: 15_000 }).toBeGreaterThan(0);
  });

  it('an unknown address is the hub’s own 404 page, in the reader’s language', async () => {
    const italian = await page.goto(`${hubs.origin}/cremona/opportunita/non-esiste-${run}/`);
    expect(italian?.status()).toBe(404);
    expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe('Pagina non trovata');
    expect(await page.locator('header').first().innerText(), 'in the hub’s look').toMatch(/Cremona/i);
    const latest = await page.locator('main a[href*="/cremona/opportunita/"]').count();
    expect(latest, 'the latest opportunities').toBeGreaterThan(0);
    expect(await axeViolations(page, 'the 404 page')).toEqual([]);

    const english = await page.goto(`${hubs.origin}/cremona/en/opportunities/never-${run}/`);
    expect(english?.status()).toBe(404);
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe('Page not found');
    expect(await axeViolations(page, 'the English 404 page')).toEqual([]);
  });
});
