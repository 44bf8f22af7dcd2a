import { expect, it } from 'vitest';
import { forms } from './env.ts';
import { axeCollector, withoutSiteScripts } from '../../helpers/axe.ts';
import { queryStored } from '../../helpers/stored-state.ts';

/**
 * «Prenota» as a young person meets it: Cremona's hub built from a live CMS (the demo content, its
 * offices' real weekly hours), the form sent through the hub's own address, with JavaScript (the
 * free slots read from the CMS, the proof of work) and without it (the CMS's page to pick a slot
 * and confirm); the mail with its calendar event and the link to cancel, followed in the browser.
 */
/** «Prenota» on a built hub with a live CMS. */
export function bookingTests(): void {
  const form = () => `${forms.live.origin}/cremona/prenota/`;

  const bookings = async (where = '1=1') =>
    queryStored<{ state: string; name: string; email: string; mode: string; starts_at: unknown; slug: string }>(
      forms.live.cms,
      `SELECT b.state, b.name, b.email, b.mode, b.starts_at, t.slug
         FROM bookings b
         JOIN bookings_territory_lnk l ON l.booking_id = b.id
         JOIN territories t ON t.id = l.territory_id
        WHERE ${where} ORDER BY b.id`,
    );

  it('is linked from the contacts page', async () => {
    const page = await forms.live.browser.newPage();
    await page.goto(`${forms.live.origin}/cremona/contatti/`);
    await page.getByRole('link', { name: 'Prenota un appuntamento' }).click();
    await page.waitForURL('**/cremona/prenota/');
    expect(await page.locator('h1').textContent()).toBe('Prenota un appuntamento');
    await page.close();
  });

  it('with JavaScript: shows the free slots by day, names what is missing, books the chosen one and mails it', async () => {
    const context = await forms.live.browser.newContext();
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(error.message));
    await page.goto(form());
    // The slots the CMS offers, read by the page: grouped by day, in order.
    const slots = page.locator('input[name=slot]');
    await slots.first().waitFor({ timeout: 30_000 });
    const values = await slots.evaluateAll((inputs) => inputs.map((input) => (input as HTMLInputElement).value));
    expect(values).toEqual([...values].sort());
    const offered = (await (await fetch(`${forms.live.cms.url}/api/sito/submissions/slots?hub=cremona`)).json()) as {
      data: { points: Array<{ name: string; slots: Array<{ startsAt: string }> }> };
    };
    const point = await page.locator('select#point').inputValue();
    expect(values).toEqual(offered.data.points.find((p) => p.name === point)!.slots.map((slot) => slot.startsAt));
    expect(await page.locator('[data-slot-list] legend').first().textContent()).toMatch(
      /^(lunedì|martedì|mercoledì|giovedì|venerdì|sabato|domenica) \d{1,2} \w+$/,
    );

    // Sent with nothing chosen: each problem next to its field, announced.
    const before = (await bookings()).length;
    await page.getByRole('button', { name: 'Chiedi l’appuntamento' }).click();
    await page.locator('#slot-error').waitFor({ state: 'visible', timeout: 60_000 });
    expect(await page.locator('#slot-error').textContent()).toBe('Scegli un giorno e un orario tra quelli liberi.');
    expect(await page.locator('#name-error').textContent()).toBe('Scrivi il tuo nome, da 2 a 80 caratteri.');
    expect(await page.getByLabel('Nome').getAttribute('aria-invalid')).toBe('true');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('role'))).toBe('alert');
    expect((await bookings()).length).toBe(before);

    const chosen = values[1]!;
    await page.getByLabel('Orientamento', { exact: false }).first().check();
    await page.getByLabel('Online', { exact: false }).first().check();
    await page.locator(`input[name=slot][value="${chosen}"]`).check();
    await page.getByLabel('Nome').fill('Elena Ferrari');
    await page.getByLabel('Email').fill('Elena.Ferrari@example.it');
    await page.getByLabel('Ho letto l’informativa sulla privacy').check();
    await page.getByRole('button', { name: 'Chiedi l’appuntamento' }).click();
    await page.waitForURL('**/cremona/prenota/richiesta-inviata/', { timeout: 60_000 });
    expect(await page.locator('h1').textContent()).toBe('Richiesta inviata');

    const [stored] = await bookings("b.email = 'elena.ferrari@example.it'");
    expect(stored).toMatchObject({ state: 'requested', name: 'Elena Ferrari', mode: 'online', slug: 'cremona' });
    expect(new Date(stored!.starts_at as string).toISOString()).toBe(chosen);
    // The next reader is not offered it.
    await page.goto(form());
    await slots.first().waitFor({ timeout: 30_000 });
    expect(await page.locator(`input[name=slot][value="${chosen}"]`).count()).toBe(0);

    const told = await forms.mail.waitFor((m) => m.to.includes('elena.ferrari@example.it'));
    expect(told.subject).toContain('Abbiamo ricevuto la tua richiesta di appuntamento');
    expect(told.attachments[0]?.content).toContain(`DTSTART:${chosen.replace(/[-:]/g, '').replace(/\.\d{3}/, '')}`);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('without JavaScript: the next page lists the free slots to choose from and confirm, then the booking is stored', async () => {
    const context = await forms.live.browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(form());
    expect(await page.locator('input[name=slot]').count()).toBe(0);
    await page.getByLabel('Nome').fill('Paolo Conti');
    await page.getByLabel('Email').fill('paolo.conti@example.it');
    await page.getByLabel('Ho letto l’informativa sulla privacy').check();
    await page.getByRole('button', { name: 'Scegli l’orario' }).click();
    expect(new URL(page.url()).origin).toBe(forms.live.origin);
    expect(await page.locator('h1').textContent()).toBe('Scegli l’orario e conferma');
    // What was typed is kept.
    expect(await page.getByLabel('Nome').inputValue()).toBe('Paolo Conti');
    const slot = page.locator('input[name=slot]').nth(2);
    const chosen = await slot.inputValue();
    await slot.check();
    await page.waitForTimeout(3_200);
    await page.getByRole('button', { name: 'Conferma la richiesta' }).click();
    await page.waitForURL('**/cremona/prenota/richiesta-inviata/');
    expect(await page.locator('h1').textContent()).toBe('Richiesta inviata');
    const [stored] = await bookings("b.email = 'paolo.conti@example.it'");
    expect(stored).toMatchObject({ state: 'requested', name: 'Paolo Conti', mode: 'in-person', slug: 'cremona' });
    expect(new Date(stored!.starts_at as string).toISOString()).toBe(chosen);
    await context.close();
  });

  it('cancels from the mail’s link after a click on the hub’s address, and the slot is free again', async () => {
    const told = await forms.mail.waitFor((m) => m.to.includes('paolo.conti@example.it'));
    const link = new URL(/https?:\/\/\S+\/api\/sito\/submissions\/bookings\/cancel\?\S+/.exec(told.text)![0]);
    const page = await forms.live.browser.newPage();
    await page.goto(`${forms.live.origin}${link.pathname}${link.search}`);
    expect(await page.locator('h1').textContent()).toBe('Annulla l’appuntamento');
    expect((await bookings("b.email = 'paolo.conti@example.it'"))[0]!.state).toBe('requested');
    await page.getByRole('button', { name: 'Annulla l’appuntamento' }).click();
    expect(await page.locator('h1').textContent()).toBe('Appuntamento annullato');
    expect((await bookings("b.email = 'paolo.conti@example.it'"))[0]!.state).toBe('cancelled');
    await page.close();
  });

  it('in English, with the messages in English', async () => {
    const page = await forms.live.browser.newPage();
    await page.goto(`${forms.live.origin}/cremona/en/book/`);
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    await page.locator('input[name=slot]').first().waitFor({ timeout: 30_000 });
    await page.getByRole('button', { name: 'Request the appointment' }).click();
    await page.locator('#name-error').waitFor({ state: 'visible', timeout: 60_000 });
    expect(await page.locator('#name-error').textContent()).toBe('Write your name, from 2 to 80 characters.');
    await page.close();
  });

  it('has no axe-core violation (WCAG 2.1 A and AA) on the form, its errors, the slot page and the sent page', async () => {
    const { failures, check } = axeCollector();
    const context = await forms.live.browser.newContext();
    const page = await context.newPage();
    for (const path of ['prenota/', 'prenota/richiesta-inviata/', 'en/book/']) {
      await page.goto(`${forms.live.origin}/cremona/${path}`);
      await page.waitForLoadState('networkidle');
      await check(page, path);
    }
    await page.goto(form());
    await page.locator('input[name=slot]').first().waitFor({ timeout: 30_000 });
    await page.getByRole('button', { name: 'Chiedi l’appuntamento' }).click();
    await page.locator('#name-error').waitFor({ state: 'visible', timeout: 60_000 });
    await check(page, 'the form with its errors');
    await context.close();

    await withoutSiteScripts(forms.live.browser, async (plain) => {
      await plain.goto(form());
      await plain.getByRole('button', { name: 'Scegli l’orario' }).click();
      await check(plain, 'the slots to choose, with the problems');
    });
    expect(failures).toEqual([]);
  });
}
