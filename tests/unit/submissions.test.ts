import { describe, expect, it } from 'vitest';
import { checkQuestionSubmission, countLinks, plainText, sameSitePath } from '@sito/shared';
import { clientAddress, trustedProxies } from '../../cms/src/submissions/client-address.ts';

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
      problems: { question: 'Scrivi la domanda in almeno 20 caratteri e al massimo 500.' },
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

describe('where a form sent without JavaScript leads once stored', () => {
  it('is a path of the same site, or the hub’s home: never another site', () => {
    expect(sameSitePath('/cremona/esperto-risponde/domanda-inviata/', '/cremona/')).toBe(
      '/cremona/esperto-risponde/domanda-inviata/',
    );
    for (const hostile of [
      '//evil.example/x',
      '/\\evil.example',
      '/cremona\\..\\x',
      'https://evil.example/',
      'javascript:alert(1)',
      ' /cremona/',
      '/cremona/\nLocation: x',
      '',
      ['/cremona/'],
      null,
    ])
      expect(sameSitePath(hostile, '/cremona/'), JSON.stringify(hostile)).toBe('/cremona/');
  });
});

describe('the address a submission is counted under', () => {
  const loopback = trustedProxies('127.0.0.0/8,::1');

  it('believes X-Forwarded-For only from a trusted proxy, and only its last entry', () => {
    expect(clientAddress('127.0.0.1', '203.0.113.9', loopback)).toBe('203.0.113.9');
    expect(clientAddress('::ffff:127.0.0.1', '198.51.100.1, 203.0.113.9', loopback)).toBe('203.0.113.9');
    expect(clientAddress('::1', ['10.0.0.1', '203.0.113.9'], loopback)).toBe('203.0.113.9');
    // A client that writes the header itself, straight to the CMS: its own address counts.
    expect(clientAddress('198.51.100.7', '203.0.113.9', loopback)).toBe('198.51.100.7');
    expect(clientAddress('::ffff:198.51.100.7', '127.0.0.1', loopback)).toBe('198.51.100.7');
    // From the proxy, but with no usable header: the proxy's address.
    expect(clientAddress('127.0.0.1', 'not an address', loopback)).toBe('127.0.0.1');
    expect(clientAddress('127.0.0.1', undefined, loopback)).toBe('127.0.0.1');
    const lan = trustedProxies('10.0.0.0/8, 2001:db8::/32');
    expect(clientAddress('10.1.2.3', '203.0.113.9', lan)).toBe('203.0.113.9');
    expect(clientAddress('127.0.0.1', '203.0.113.9', lan)).toBe('127.0.0.1');
  });

  it('refuses a configuration that is not addresses or ranges, naming the entry', () => {
    expect(() => trustedProxies('10.0.0.0/33')).toThrow(/"10.0.0.0\/33"/);
    expect(() => trustedProxies('localhost')).toThrow(/SITO_TRUSTED_PROXIES: "localhost"/);
    expect(() => trustedProxies('127.0.0.1,*')).toThrow(/"\*"/);
  });
});
