import { describe, expect, it } from 'vitest';
import { checkOfferSubmission, offerMessage, offerPaths, partitaIva } from '@sito/shared';

/** «Pubblica un'offerta»: the VAT number's check digit and what an offer may hold (shared/src/offers.ts). */
describe('an Italian VAT number (partita IVA)', () => {
  it('takes 11 digits whose last is the check digit, written with IT, spaces or dots', () => {
    expect(partitaIva('00297960197')).toBe('00297960197'); // Comune di Cremona
    expect(partitaIva('IT 00297960197')).toBe('00297960197');
    expect(partitaIva('it00297960197')).toBe('00297960197');
    expect(partitaIva('002.979.601.97')).toBe('00297960197');
    expect(partitaIva('12345678903')).toBe('12345678903');
  });

  it('refuses a wrong check digit, the wrong length, letters and all zeros', () => {
    for (const wrong of ['00297960196', '00297960198', '0029796019', '002979601970', '0029796019A', '00000000000', ''])
      expect(partitaIva(wrong), wrong).toBeNull();
    // Every single-digit change of a valid number is caught.
    const valid = '00297960197';
    for (let index = 0; index < 11; index += 1)
      for (let digit = 0; digit < 10; digit += 1) {
        if (String(digit) === valid[index]) continue;
        const changed = `${valid.slice(0, index)}${digit}${valid.slice(index + 1)}`;
        expect(partitaIva(changed), changed).toBeNull();
      }
  });
});

describe('an offer sent from a hub', () => {
  const now = new Date('2026-12-02T10:00:00Z');
  const valid = (overrides: Record<string, unknown> = {}) => ({
    hub: 'cremona',
    kind: 'seasonal',
    title: 'Animatore/animatrice per il centro estivo',
    summary: 'Cerchiamo animatori per il centro estivo comunale di luglio, anche alla prima esperienza.',
    municipality: 'Cremona',
    deadline: '2027-03-31',
    applyEmail: 'Lavoro@Cooperativa.it',
    organisation: 'Cooperativa Sociale Il Cerchio',
    vatNumber: 'IT 00297960197',
    contactName: 'Anna Ferri',
    contactEmail: 'anna.ferri@cooperativa.it',
    consent: 'on',
    ...overrides,
  });

  it('keeps plain text, the VAT number as digits, the emails in lower case, a checkbox as a boolean', () => {
    const checked = checkOfferSubmission(valid({ title: 'Animatore <b>estivo</b>', remote: 'on' }), now);
    expect('data' in checked && checked.data).toMatchObject({
      title: 'Animatore estivo',
      vatNumber: '00297960197',
      applyEmail: 'lavoro@cooperativa.it',
      remote: true,
      lang: 'it',
    });
    const unchecked = checkOfferSubmission(valid(), now);
    expect('data' in unchecked && unchecked.data.remote).toBe(false);
  });

  it('names every wrong field, in the form’s language', () => {
    const checked = checkOfferSubmission(
      valid({
        kind: 'civil-service',
        title: 'Hi',
        vatNumber: '00297960196',
        deadline: '2026-12-01',
        applyEmail: '',
        applyUrl: 'http://insecure.example',
        contactEmail: 'anna@',
        consent: 'false',
        lang: 'en',
      }),
      now,
    );
    expect('problems' in checked && checked.problems).toEqual({
      kind: offerMessage('en', 'kind'),
      title: offerMessage('en', 'title'),
      vatNumber: offerMessage('en', 'vatNumber'),
      deadline: offerMessage('en', 'deadline'),
      applyUrl: offerMessage('en', 'applyUrl'),
      contactEmail: offerMessage('en', 'contactEmail'),
      consent: offerMessage('en', 'consent'),
    });
  });

  it('needs a way to apply, a deadline within a year, at most two links in the description', () => {
    const noWay = checkOfferSubmission(valid({ applyEmail: undefined }), now);
    expect('problems' in noWay && noWay.problems).toEqual({ applyEmail: offerMessage('it', 'applyEmail') });
    const byUrl = checkOfferSubmission(valid({ applyEmail: '', applyUrl: 'https://cooperativa.it/lavora' }), now);
    expect('data' in byUrl).toBe(true);
    const far = checkOfferSubmission(valid({ deadline: '2027-12-03' }), now);
    expect('problems' in far && far.problems).toEqual({ deadline: offerMessage('it', 'deadline') });
    expect('data' in checkOfferSubmission(valid({ deadline: '2026-12-02' }), now)).toBe(true);
    const links = checkOfferSubmission(valid({ description: 'www.a.it https://b.it http://c.it' }), now);
    expect('problems' in links && links.problems).toEqual({ description: offerMessage('it', 'description') });
  });

  it('has its pages on the hub in Italian and English', () => {
    expect(offerPaths('crema', 'it').form).toBe('/crema/pubblica-offerta/');
    expect(offerPaths('crema', 'en').sent).toBe('/crema/en/post-an-offer/sent/');
  });
});
