import { expect, it } from 'vitest';
import { forms } from './env.ts';
import type { BrowserContext, Page } from 'playwright-core';
import { axeCollector, withoutSiteScripts } from '../../helpers/axe.ts';
import { queryStored } from '../../helpers/stored-state.ts';

/**
 * «Fai una domanda» as a young person meets it: the hub built from a live CMS and served with its
 * security headers, the form sent through the hub's own address to the CMS, with JavaScript (the
 * ALTCHA widget solves the proof of work) and without it (a page to check and confirm). After each
 * send, what the database holds.
 */
/** «Fai una domanda» on a built hub with a live CMS. */
export function askTests(): void {
  const form = () => `${forms.live.origin}/cremona/esperto-risponde/fai-una-domanda/`;

  const latest = async () =>
    (
      await queryStored<{
        question: string;
        locale: string;
        published_at: unknown;
        slug: string;
        email: string | null;
      }>(
        forms.live.cms,
        `SELECT q.question, q.locale, q.published_at, t.slug, c.email
           FROM questions q
           JOIN questions_territory_lnk l ON l.question_id = q.id
           JOIN territories t ON t.id = l.territory_id
           LEFT JOIN personal_contacts_question_lnk cl ON cl.question_id = q.id
           LEFT JOIN personal_contacts c ON c.id = cl.personal_contact_id
          ORDER BY q.id DESC LIMIT 1`,
      )
    )[0];
  const count = async () =>
    Number((await queryStored<{ n: number | string }>(forms.live.cms, 'SELECT count(*) AS n FROM questions'))[0]!.n);

  /** A page that records every script error and Content-Security-Policy violation. */
  const watched = async (context: BrowserContext): Promise<{ page: Page; problems: string[] }> => {
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(`error: ${error.message}`));
    // A refused request (the 400 of a bad field) is logged by Chromium too: that is expected.
    page.on('console', (message) => {
      if (message.type() === 'error' && !/status of 400/.test(message.text()))
        problems.push(`console: ${message.text()}`);
    });
    return { page, problems };
  };

  it('with JavaScript: a problem is shown next to its field and announced; a good question is stored as a draft of Cremona', async () => {
    const context = await forms.live.browser.newContext();
    const { page, problems } = await watched(context);
    await page.goto(form());
    const before = await count();

    await page.getByLabel('La tua domanda').fill('Troppo corta');
    await page.getByRole('button', { name: 'Invia la domanda' }).click();
    const error = page.locator('#question-error');
    await error.waitFor({ state: 'visible', timeout: 60_000 });
    expect(await error.textContent()).toBe('Scrivi la domanda in almeno 20 caratteri e al massimo 500.');
    expect(await page.locator('#consent-error').textContent()).toBe(
      "Per inviare la domanda devi dichiarare di aver letto l'informativa sulla privacy.",
    );
    const question = page.getByLabel('La tua domanda');
    expect(await question.getAttribute('aria-invalid')).toBe('true');
    expect(await question.getAttribute('aria-describedby')).toBe('question-hint question-error');
    expect(await error.evaluate((node) => getComputedStyle(node).color)).toBe('rgb(166, 25, 25)');
    // The summary is announced (role=alert) and takes the focus, listing the two problems.
    expect(await page.evaluate(() => document.activeElement?.getAttribute('role'))).toBe('alert');
    expect(await page.locator('[data-summary] li').allTextContents()).toHaveLength(2);
    expect(await count()).toBe(before);

    const text = 'Ho 19 anni e vorrei lavorare in Germania per un anno: da dove comincio con EURES?';
    await question.fill(text);
    await page.getByLabel('Email (facoltativa)').fill('Marta.Bianchi@example.it');
    await page.getByLabel('Età (facoltativa)').fill('19');
    await page.getByLabel('Ho letto l’informativa sulla privacy').check();
    await page.getByRole('button', { name: 'Invia la domanda' }).click();
    await page.waitForURL('**/cremona/esperto-risponde/domanda-inviata/', { timeout: 60_000 });
    expect(await page.locator('h1').textContent()).toBe('Domanda inviata');

    expect(await count()).toBe(before + 1);
    expect(await latest()).toEqual({
      question: text,
      locale: 'it',
      published_at: null,
      slug: 'cremona',
      email: 'marta.bianchi@example.it',
    });
    // Not public: neither the question nor who asked.
    const api = await (await fetch(`${forms.live.cms.url}/api/questions?pagination[pageSize]=100`)).text();
    expect(api).not.toContain('Germania per un anno');
    // Cremona's operators are told, by mail, without who asked.
    const told = await forms.mail.waitFor((m) => m.text.includes(text));
    expect(told.to).toEqual(['operatore.cremona@sitogiovani.test']);
    expect(told.text).not.toContain('marta.bianchi');
    expect(problems.join('\n')).toBe('');
    await context.close();
  });

  it('an area page’s link chooses that area', async () => {
    const context = await forms.live.browser.newContext();
    const page = await context.newPage();
    await page.goto(`${forms.live.origin}/cremona/aree/`);
    const areaLink = page.locator('main a[href*="/cremona/aree/"]').first();
    await areaLink.click();
    await page.getByRole('link', { name: 'Fai una domanda' }).click();
    await page.waitForLoadState('load');
    const chosen = new URL(page.url()).searchParams.get('area');
    expect(chosen).toBeTruthy();
    expect(await page.getByLabel('Argomento (facoltativo)').inputValue()).toBe(chosen);
    await context.close();
  });

  it('without JavaScript: the form is checked and confirmed on a page of the hub’s address, then stored', async () => {
    const context = await forms.live.browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(form());
    const before = await count();

    // A mistake first: the form comes back with the message next to the field, nothing typed lost.
    const text = 'Senza JavaScript: quando apre il bando del Servizio civile universale in Lombardia?';
    await page.getByLabel('La tua domanda').fill(text);
    await page.getByLabel('Email (facoltativa)').fill('luca@');
    await page.getByRole('button', { name: 'Invia la domanda' }).click();
    expect(new URL(page.url()).origin).toBe(forms.live.origin);
    expect(await page.locator('#email-error').textContent()).toBe(
      "L'indirizzo email non è valido (per esempio nome@esempio.it).",
    );
    expect(await page.getByLabel('La tua domanda').inputValue()).toBe(text);
    expect(await page.locator('[role=alert] li').count()).toBe(2);

    await page.getByLabel('Email (facoltativa)').fill('luca.verdi@example.it');
    await page.getByLabel('Ho letto l’informativa sulla privacy').check();
    await page.getByRole('button', { name: 'Invia la domanda' }).click();
    expect(await page.locator('h1').textContent()).toBe('Controlla e conferma la domanda');
    expect(await count()).toBe(before);

    await page.waitForTimeout(3_200);
    await page.getByRole('button', { name: 'Conferma e invia' }).click();
    await page.waitForURL('**/cremona/esperto-risponde/domanda-inviata/');
    expect(await page.locator('h1').textContent()).toBe('Domanda inviata');
    expect(await count()).toBe(before + 1);
    expect(await latest()).toMatchObject({ question: text, slug: 'cremona', email: 'luca.verdi@example.it' });
    await context.close();
  });

  it('in English, with the messages in English', async () => {
    const context = await forms.live.browser.newContext();
    const page = await context.newPage();
    await page.goto(`${forms.live.origin}/cremona/en/ask/`);
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    await page.getByLabel('Your question').fill('Too short');
    await page.getByRole('button', { name: 'Send the question' }).click();
    await page.locator('#question-error').waitFor({ state: 'visible', timeout: 60_000 });
    expect(await page.locator('#question-error').textContent()).toBe(
      'Write your question in at least 20 characters and at most 500.',
    );
    expect(await page.getByRole('link', { name: 'Privacy notice', exact: true }).first().getAttribute('href')).toBe(
      '/cremona/en/privacy/',
    );
    await context.close();
  });

  it('names the hub’s territory as controller in its privacy notice', async () => {
    const context = await forms.live.browser.newContext();
    const page = await context.newPage();
    await page.goto(`${forms.live.origin}/cremona/privacy/`);
    expect(await page.locator('main').textContent()).toContain('Il titolare è Comune di Cremona');
    await context.close();
  });

  it('has no axe-core violation (WCAG 2.1 A and AA) on the form, its errors, the confirmation and the privacy notice', async () => {
    const { failures, check } = axeCollector();
    const context = await forms.live.browser.newContext();
    const page = await context.newPage();
    for (const path of [
      'esperto-risponde/fai-una-domanda/',
      'esperto-risponde/domanda-inviata/',
      'privacy/',
      'en/ask/',
    ]) {
      await page.goto(`${forms.live.origin}/cremona/${path}`);
      await check(page, path);
    }
    await page.goto(form());
    await page.getByRole('button', { name: 'Invia la domanda' }).click();
    await page.locator('#question-error').waitFor({ state: 'visible', timeout: 60_000 });
    await check(page, 'the form with its errors');
    await context.close();

    await withoutSiteScripts(forms.live.browser, async (plain) => {
      await plain.goto(form());
      await plain.getByRole('button', { name: 'Invia la domanda' }).click();
      await check(plain, 'the form sent without JavaScript, with its errors');
      await plain.getByLabel('La tua domanda').fill('Una domanda abbastanza lunga da essere accettata dal modulo.');
      await plain.getByLabel('Ho letto l’informativa sulla privacy').check();
      await plain.getByRole('button', { name: 'Invia la domanda' }).click();
      await check(plain, 'the page to confirm');
    });
    expect(failures).toEqual([]);
  });
}
