import { expect, it } from 'vitest';
import { forms } from './env.ts';
import type { Page } from 'playwright-core';
import { axeCollector, withoutSiteScripts } from '../../helpers/axe.ts';
import { queryStored } from '../../helpers/stored-state.ts';

/**
 * «Pubblica un'offerta» as a company meets it: Cremona's hub built from a live CMS, the form sent
 * through the hub's own address, with JavaScript (the proof of work) and without it (the CMS's page
 * to check and confirm); after each send, the draft opportunity and its contact as stored.
 */
/** «Pubblica un’offerta» on a built hub with a live CMS. */
export function offerTests(): void {
  const form = () => `${forms.live.origin}/cremona/pubblica-offerta/`;

  const stored = async (title: string) =>
    (
      await queryStored<{
        published_at: unknown;
        from_submission: unknown;
        slug: string;
        email: string;
        vat_number: string;
      }>(
        forms.live.cms,
        `SELECT o.published_at, o.from_submission, t.slug, c.email, c.vat_number
           FROM opportunities o
           JOIN opportunities_territory_lnk l ON l.opportunity_id = o.id
           JOIN territories t ON t.id = l.territory_id
           JOIN personal_contacts_opportunity_lnk cl ON cl.opportunity_id = o.id
           JOIN personal_contacts c ON c.id = cl.personal_contact_id
          WHERE o.title = '${title.replace(/'/g, "''")}'`,
      )
    )[0];

  /** The fields a company fills in, by their visible label. */
  const fill = async (page: Page, values: Record<string, string>) => {
    for (const [label, value] of Object.entries(values)) await page.getByLabel(label, { exact: true }).fill(value);
  };
  const offer = (title: string, vat: string) => ({
    Titolo: title,
    'In breve':
      'Cerchiamo due persone per il servizio in sala nei fine settimana di primavera, anche alla prima esperienza.',
    'Email per le candidature (facoltativa)': 'lavoro@trattoria-example.it',
    'Azienda o ente': 'Trattoria del Po',
    'Partita IVA': vat,
    'Persona di riferimento': 'Giorgio Sala',
    'Email della persona di riferimento': 'giorgio@trattoria-example.it',
  });

  it('is linked from the opportunities', async () => {
    const page = await forms.live.browser.newPage();
    await page.goto(`${forms.live.origin}/cremona/opportunita/`);
    await page.getByRole('link', { name: 'Pubblica un’offerta' }).click();
    await page.waitForURL('**/cremona/pubblica-offerta/');
    expect(await page.locator('h1').textContent()).toBe('Pubblica un’offerta');
    await page.close();
  });

  it('with JavaScript: each problem next to its field, the VAT number checked, then a draft of Cremona', async () => {
    const context = await forms.live.browser.newContext();
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(error.message));
    await page.goto(form());
    const title = 'Cameriere o cameriera nei fine settimana';
    await fill(page, offer(title, '00297960196'));
    await page.getByRole('button', { name: 'Invia l’offerta' }).click();
    const vat = page.locator('#vatNumber-error');
    await vat.waitFor({ state: 'visible', timeout: 60_000 });
    expect(await vat.textContent()).toBe('La partita IVA non è valida: sono 11 cifre e l’ultima è di controllo.');
    expect(await page.getByLabel('Partita IVA').getAttribute('aria-invalid')).toBe('true');
    expect(await page.getByLabel('Partita IVA').getAttribute('aria-describedby')).toBe(
      'vatNumber-hint vatNumber-error',
    );
    expect(await page.locator('#consent-error').isVisible()).toBe(true);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('role'))).toBe('alert');
    expect(await page.locator('[data-summary] li').allTextContents()).toHaveLength(2);
    expect(await stored(title)).toBeUndefined();

    await page.getByLabel('Partita IVA').fill('IT 00297960197');
    await page.getByLabel('Ho letto l’informativa sulla privacy').check();
    await page.getByRole('button', { name: 'Invia l’offerta' }).click();
    await page.waitForURL('**/cremona/pubblica-offerta/offerta-inviata/', { timeout: 60_000 });
    expect(await page.locator('h1').textContent()).toBe('Offerta inviata');
    const row = await stored(title);
    expect(row).toMatchObject({
      published_at: null,
      slug: 'cremona',
      email: 'giorgio@trattoria-example.it',
      vat_number: '00297960197',
    });
    expect(Boolean(row!.from_submission)).toBe(true);
    const told = await forms.mail.waitFor((m) => m.text.includes(`«${title}»`));
    expect(told.to).toEqual(['operatore.cremona@sitogiovani.test']);
    // Not on the hub nor in the public API until an operator publishes it.
    expect(
      await (await fetch(`${forms.live.cms.url}/api/opportunities?pagination[pageSize]=100`)).text(),
    ).not.toContain(title);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('without JavaScript: a page to check and confirm on the hub’s address, then the offer is stored', async () => {
    const context = await forms.live.browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(form());
    const title = 'Tirocinio in cucina per la stagione';
    await fill(page, offer(title, '01114601006'));
    await page.getByLabel('Ho letto l’informativa sulla privacy').check();
    await page.getByRole('button', { name: 'Invia l’offerta' }).click();
    expect(new URL(page.url()).origin).toBe(forms.live.origin);
    expect(await page.locator('h1').textContent()).toBe('Controlla e conferma l’offerta');
    expect(await page.getByLabel('Titolo').inputValue()).toBe(title);
    expect(await stored(title)).toBeUndefined();
    await page.waitForTimeout(3_200);
    await page.getByRole('button', { name: 'Conferma e invia' }).click();
    await page.waitForURL('**/cremona/pubblica-offerta/offerta-inviata/');
    expect(await stored(title)).toMatchObject({ slug: 'cremona', vat_number: '01114601006' });
    await context.close();
  });

  it('in English, with the messages in English', async () => {
    const page = await forms.live.browser.newPage();
    await page.goto(`${forms.live.origin}/cremona/en/post-an-offer/`);
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    await page.getByRole('button', { name: 'Send the offer' }).click();
    await page.locator('#vatNumber-error').waitFor({ state: 'visible', timeout: 60_000 });
    expect(await page.locator('#vatNumber-error').textContent()).toBe(
      'The VAT number is not valid: an Italian one has 11 digits, the last a check digit.',
    );
    await page.close();
  });

  it('has no axe-core violation (WCAG 2.1 A and AA) on the form, its errors, the confirmation and the sent page', async () => {
    const { failures, check } = axeCollector();
    const context = await forms.live.browser.newContext();
    const page = await context.newPage();
    for (const path of [
      'pubblica-offerta/',
      'pubblica-offerta/offerta-inviata/',
      'en/post-an-offer/',
      'opportunita/',
    ]) {
      await page.goto(`${forms.live.origin}/cremona/${path}`);
      await check(page, path);
    }
    await page.goto(form());
    await page.getByRole('button', { name: 'Invia l’offerta' }).click();
    await page.locator('#title-error').waitFor({ state: 'visible', timeout: 60_000 });
    await check(page, 'the form with its errors');
    await context.close();

    await withoutSiteScripts(forms.live.browser, async (plain) => {
      await plain.goto(form());
      await plain.getByRole('button', { name: 'Invia l’offerta' }).click();
      await check(plain, 'the form sent without JavaScript, with its errors');
      await fill(plain, offer('Offerta per il controllo di accessibilità', '12345678903'));
      await plain.getByLabel('Ho letto l’informativa sulla privacy').check();
      await plain.getByRole('button', { name: 'Invia l’offerta' }).click();
      await check(plain, 'the page to confirm');
    });
    expect(failures).toEqual([]);
  });
}
