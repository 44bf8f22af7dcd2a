import { describe, expect, it } from 'vitest';
import {
  addDays,
  brandColourProblem,
  contrastRatio,
  daysUntil,
  isExpired,
  needsReview,
  romeDate,
  slugify,
} from '@sito/shared';

describe('deadlines on Italian time', () => {
  // 23:30 UTC on 30 November is already 1 December in Rome (UTC+1 in winter).
  const lateEvening = new Date('2026-11-30T23:30:00Z');

  it('reads today in Europe/Rome, not in UTC', () => {
    expect(romeDate(lateEvening)).toBe('2026-12-01');
  });

  it('counts the days left, zero on the last day', () => {
    expect(daysUntil('2026-12-01', lateEvening)).toBe(0);
    expect(daysUntil('2026-12-08', lateEvening)).toBe(7);
    expect(daysUntil('2026-11-30', lateEvening)).toBe(-1);
  });

  it('expires an opportunity the day after its deadline, never one without a deadline', () => {
    expect(isExpired('2026-12-01', lateEvening)).toBe(false);
    expect(isExpired('2026-11-30', lateEvening)).toBe(true);
    expect(isExpired(null, lateEvening)).toBe(false);
  });

  it('shifts dates across month and year ends', () => {
    expect(addDays('2026-12-30', 3)).toBe('2027-01-02');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
  });
});

describe('slugs', () => {
  it('strips accents and punctuation from Italian titles', () => {
    expect(slugify("Tirocinio all'Ufficio Cultura: è aperta la selezione!")).toBe(
      'tirocinio-all-ufficio-cultura-e-aperta-la-selezione',
    );
  });

  it('never ends with a dash when cut to length', () => {
    expect(slugify('Servizio civile universale a Casalmaggiore', 17)).toBe('servizio-civile');
  });
});

describe('freshness', () => {
  const now = new Date('2026-11-25T10:00:00Z');

  it('flags an entry not verified for more than 180 days, or never verified', () => {
    expect(needsReview('2026-05-29', now)).toBe(false); // 180 days ago
    expect(needsReview('2026-05-28', now)).toBe(true); // 181 days ago
    expect(needsReview(null, now)).toBe(true);
  });

  it('takes a configured period', () => {
    expect(needsReview('2026-10-26', now, 30)).toBe(false);
    expect(needsReview('2026-10-25', now, 30)).toBe(true);
  });
});

describe('brand colours', () => {
  it('computes WCAG contrast', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#0066cc', '#ffffff')).toBeCloseTo(5.57, 2);
  });

  it('refuses a primary colour too light for white text, saying what to do', () => {
    expect(brandColourProblem('#0b4f8a')).toBeNull();
    expect(brandColourProblem('#ffcc00')).toMatch(
      /#ffcc00 has a contrast of 1\.\d\d:1 with white text; WCAG AA needs at least 4\.5:1/,
    );
    expect(brandColourProblem('blue')).toMatch(/not written as #rrggbb/);
  });
});
