import { describe, expect, it } from 'vitest';
import { listOf, ui } from '../../sites/src/i18n/ui.ts';

describe('words as an Italian reader reads them', () => {
  it('writes a list in a sentence without capitals after the first word', () => {
    expect(listOf(['Giovani', 'Aziende', 'Scuole'], 'it')).toBe('Giovani, aziende e scuole');
    expect(listOf(['Giovani'], 'it')).toBe('Giovani');
    expect(listOf(['Young people', 'Companies'], 'en')).toBe('Young people and Companies');
  });

  it('offers "all" in agreement with each search filter: le aree tematiche, tutte', () => {
    expect(ui.it.searchAny.area).toBe('Tutte');
    expect(ui.it.searchAny.tipo).toBe('Tutti');
    for (const lang of ['it', 'en'] as const)
      for (const filter of Object.keys(ui[lang].searchFilters))
        expect(ui[lang].searchAny[filter], `${lang} ${filter}`).toBeTruthy();
  });

  it('names the sections as the Italian pages should: Notizie, Guide', () => {
    expect(ui.it.nav.news).toBe('Notizie');
    expect(ui.it.nav.tutorials).toBe('Guide');
  });
});
