import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime, t, ui, untranslated } from '../../sites/src/i18n/ui.ts';
import { alternateLinks, otherLanguageLinks } from '../../sites/src/lib/languages.ts';
import {
  calendarFileOf,
  languageHome,
  localizedEntryPath,
  localizedListPath,
  localizedSearchPath,
} from '../../sites/src/lib/paths.ts';

// Under vitest the site's base is `/`; in a build it is `/<hub>/`.
const site = new URL('https://giovani.example.org');

describe('pages in Italian and in English', () => {
  it('puts English pages under /en/ with English section names, and Italian ones where they always were', () => {
    expect(localizedEntryPath('it', 'opportunities', 'tirocinio')).toBe('/opportunita/tirocinio/');
    expect(localizedEntryPath('en', 'opportunities', 'internship')).toBe('/en/opportunities/internship/');
    expect(localizedEntryPath('en', 'tutorials', 'working-abroad')).toBe('/en/guides/working-abroad/');
    expect(localizedEntryPath('en', 'questions', 'can-i')).toBe('/en/ask-the-expert/can-i/');
    expect(languageHome('it')).toBe('/');
    expect(languageHome('en')).toBe('/en/');
    expect(localizedListPath('it', 'events')).toBe('/eventi/');
    expect(localizedListPath('en', 'events')).toBe('/en/#events');
    expect(localizedSearchPath('en')).toBe('/en/search/');
    expect(calendarFileOf('/cremona/eventi/job-day/')).toBe('/cremona/eventi/job-day.ics');
  });

  it('links the versions of a page with hreflang, Italian as x-default, and nothing for a page in one language', () => {
    expect(alternateLinks({ en: '/en/opportunities/internship/', it: '/opportunita/tirocinio/' }, site)).toEqual([
      { hreflang: 'it', href: 'https://giovani.example.org/opportunita/tirocinio/' },
      { hreflang: 'en', href: 'https://giovani.example.org/en/opportunities/internship/' },
      { hreflang: 'x-default', href: 'https://giovani.example.org/opportunita/tirocinio/' },
    ]);
    expect(alternateLinks({ it: '/opportunita/tirocinio/' }, site)).toEqual([]);
    expect(alternateLinks({ en: '/en/opportunities/internship/' }, site)).toEqual([]);
  });

  it("switches language to the page's other version, or to that language's home, only where the hub publishes it", () => {
    const versions = { it: '/opportunita/tirocinio/', en: '/en/opportunities/internship/' };
    expect(otherLanguageLinks('it', ['it', 'en'], versions)).toEqual([
      { lang: 'en', href: '/en/opportunities/internship/', samePage: true },
    ]);
    expect(otherLanguageLinks('en', ['it', 'en'], versions)).toEqual([
      { lang: 'it', href: '/opportunita/tirocinio/', samePage: true },
    ]);
    expect(otherLanguageLinks('it', ['it', 'en'], { it: '/opportunita/stagione/' })).toEqual([
      { lang: 'en', href: '/en/', samePage: false },
    ]);
    expect(otherLanguageLinks('it', ['it'], versions)).toEqual([]);
  });

  it('marks Italian-only text on pages in another language, and writes dates the way each language does', () => {
    expect(untranslated('it')).toBeUndefined();
    expect(untranslated('en')).toBe('it');
    expect(formatDate('2026-12-05', 'it')).toBe('5 dicembre 2026');
    expect(formatDate('2026-12-05', 'en')).toBe('5 December 2026');
    expect(formatDate('2026-12-05')).toBe('5 dicembre 2026');
    // 08:30 UTC is 09:30 in Rome in winter.
    expect(formatDateTime('2026-12-05T08:30:00Z', 'en')).toBe('Saturday, 5 December 2026 at 09:30');
  });

  it('has every Italian word in English too, and the link to each language written in that language', () => {
    const keys = (dictionary: object): string[] =>
      Object.entries(dictionary).flatMap(([key, value]) =>
        value && typeof value === 'object' ? keys(value).map((k) => `${key}.${k}`) : [key],
      );
    expect(keys(ui.en).sort()).toEqual(keys(ui.it).sort());
    expect(t('en').readInThisLanguage).toBe('Read in English');
    expect(t('it').readInThisLanguage).toBe('Leggi in italiano');
    expect(t('en').kinds.internship).toBe('Internship');
  });
});
