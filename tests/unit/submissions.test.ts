import { describe, expect, it } from 'vitest';
import { checkQuestionSubmission, countLinks, plainText } from '@sito/shared';

describe('what a question sent from a hub may hold', () => {
  it('keeps text only: tags go, their words stay, blank lines are folded', () => {
    expect(plainText('<p>Ciao <b>operatore</b></p>\n\n\n\n<img src=x onerror=alert(1)>Grazie')).toBe(
      'Ciao operatore\n\nGrazie',
    );
    expect(plainText('se guadagno < 5000 euro e a > b')).toBe('se guadagno < 5000 euro e a > b');
    expect(plainText('\u0000\u0007testo\u001b')).toBe('testo');
  });

  it('counts web addresses with or without the scheme', () => {
    expect(countLinks('vedi https://a.it, www.b.it e http://c.it/x?y=1')).toBe(3);
    expect(countLinks('scrivi a info@comune.it')).toBe(0);
  });

  it('names each bad field in the form’s language, and accepts a plain form’s strings', () => {
    expect(checkQuestionSubmission({ hub: 'cremona', question: 'breve', consent: 'on' })).toEqual({
      lang: 'it',
      problems: { question: 'Scrivi la domanda in almeno 20 caratteri e al massimo 2000.' },
    });
    const english = checkQuestionSubmission({ hub: 'cremona', question: 'x'.repeat(30), lang: 'en' });
    expect(english).toEqual({
      lang: 'en',
      problems: { consent: 'To send your question, confirm that you have read the privacy notice.' },
    });
    expect(
      checkQuestionSubmission({
        hub: 'crema',
        question: '  Posso iscrivermi a Garanzia Giovani a 29 anni?  ',
        age: '29',
        email: '',
        area: '',
        consent: 'on',
      }),
    ).toEqual({
      data: {
        hub: 'crema',
        question: 'Posso iscrivermi a Garanzia Giovani a 29 anni?',
        age: 29,
        consent: true,
        lang: 'it',
      },
    });
  });
});
