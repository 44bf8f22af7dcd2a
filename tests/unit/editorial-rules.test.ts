import { describe, expect, it } from 'vitest';
import { checkEntry } from '@sito/shared';

const fields = (data: Record<string, unknown>) => checkEntry(data).map((problem) => problem.field);
const messages = (data: Record<string, unknown>) => checkEntry(data).map((problem) => problem.message);

describe('editorial rules, with a message an operator can act on', () => {
  it('accepts a well-formed opportunity', () => {
    expect(
      checkEntry({
        opensOn: '2026-12-01',
        deadline: '2026-12-31',
        ageMin: 18,
        ageMax: 29,
        applyUrl: 'https://www.comune.cremona.it/bandi',
        applyEmail: 'informagiovani@comune.cremona.it',
        body: [{ type: 'paragraph', children: [{ type: 'text', text: 'Candidature entro il 31 dicembre.' }] }],
      }),
    ).toEqual([]);
  });

  it('refuses a deadline before the opening date', () => {
    expect(checkEntry({ opensOn: '2026-12-10', deadline: '2026-12-01' })).toEqual([
      { field: 'deadline', message: 'La scadenza (01/12/2026) è precedente alla data di apertura (10/12/2026).' },
    ]);
  });

  it('refuses a minimum age above the maximum', () => {
    expect(messages({ ageMin: 35, ageMax: 30 })).toEqual(["L'età minima (35) è superiore all'età massima (30)."]);
  });

  it('refuses an event that ends before it starts', () => {
    expect(fields({ startsAt: '2026-12-10T15:00:00.000Z', endsAt: '2026-12-10T09:00:00.000Z' })).toEqual(['endsAt']);
  });

  it('refuses a project that ends before it starts, and accepts one with no end or ending the day it starts', () => {
    expect(checkEntry({ startDate: '2027-04-01', endDate: '2026-10-31' })).toEqual([
      {
        field: 'endDate',
        message:
          'La data di fine (31/10/2026) è precedente alla data di inizio (01/04/2027): controlla il periodo del progetto.',
      },
    ]);
    expect(checkEntry({ startDate: '2027-04-01', endDate: null })).toEqual([]);
    expect(checkEntry({ startDate: '2027-04-01', endDate: '2027-04-01' })).toEqual([]);
  });

  it("checks a project's partners' addresses and its outcomes like any rich text", () => {
    expect(
      fields({
        partners: [{ name: 'Comune di Viadana', url: 'www.comune.viadana.mn.it' }],
        outcomes: [{ type: 'paragraph', children: [{ type: 'text', text: '<script>alert(1)</script>' }] }],
      }),
    ).toEqual(['partners.0.url', 'outcomes']);
  });

  it.each([
    ['applyUrl', 'www.comune.cremona.it'],
    ['sourceUrl', 'javascript:alert(1)'],
    ['registrationUrl', 'ftp://files.example.org'],
  ])('refuses a malformed web address in %s', (field, value) => {
    expect(messages({ [field]: value })).toEqual([
      `«${value}» non è un indirizzo web valido: deve iniziare con https://.`,
    ]);
  });

  it('refuses a malformed email', () => {
    expect(fields({ applyEmail: 'informagiovani@' })).toEqual(['applyEmail']);
  });

  it('refuses malformed phone numbers and accepts Italian formats', () => {
    expect(fields({ contactPoints: [{ phone: 'chiamare in orario ufficio' }] })).toEqual(['contactPoints.0.phone']);
    expect(fields({ contactPoints: [{ phone: '12' }] })).toEqual(['contactPoints.0.phone']);
    expect(fields({ contactPoints: [{ phone: '+39 0372 407950' }, { phone: '0341/481111' }] })).toEqual([]);
  });

  it('refuses opening hours that end before they start', () => {
    expect(
      checkEntry({ contactPoints: [{ openingHours: [{ day: 'monday', opens: '14:30', closes: '12:30' }] }] }),
    ).toEqual([
      {
        field: 'contactPoints.0.openingHours.0.closes',
        message: "L'orario di chiusura (12:30) deve essere dopo quello di apertura (14:30).",
      },
    ]);
  });

  it('refuses opening hours that overlap on the same day, not on different days', () => {
    const hours = [
      { day: 'tuesday', opens: '09:00', closes: '12:30' },
      { day: 'tuesday', opens: '12:00', closes: '17:00' },
      { day: 'wednesday', opens: '12:00', closes: '17:00' },
    ];
    expect(messages({ contactPoints: [{ openingHours: hours }] })).toEqual([
      'Gli orari di martedì si sovrappongono (09:00–12:30 e 12:00–17:00).',
    ]);
  });

  it('refuses rich text carrying a script, an event handler or a javascript: link', () => {
    const paragraph = (child: object) => [{ type: 'paragraph', children: [child] }];
    expect(fields({ body: paragraph({ type: 'text', text: '<script>alert(1)</script>' }) })).toEqual(['body']);
    expect(fields({ requirements: paragraph({ type: 'text', text: '<img src=x onerror=alert(1)>' }) })).toEqual([
      'requirements',
    ]);
    expect(
      fields({
        answer: paragraph({ type: 'link', url: 'javascript:alert(1)', children: [{ type: 'text', text: 'clic' }] }),
      }),
    ).toEqual(['answer']);
    expect(
      fields({ steps: [{ title: 'Passo 1', body: paragraph({ type: 'text', text: 'onclick=rubare()' }) }] }),
    ).toEqual(['steps.0.body']);
  });

  it("refuses an opportunity's body that repeats «Requisiti» or «Come candidarsi», which have their own fields", () => {
    const heading = (text: string) => ({ type: 'heading', level: 2, children: [{ type: 'text', text }] });
    const opportunity = (body: object[]) => ({ requirements: null, body });
    expect(messages(opportunity([heading('Requisiti')]))).toEqual([
      'Il testo ripete la sezione «Requisiti»: scrivila nel campo «Requisiti», che la pagina mostra già sotto il testo.',
    ]);
    expect(fields(opportunity([heading('Come candidarsi:')]))).toEqual(['body']);
    expect(fields(opportunity([heading('How to apply')]))).toEqual(['body']);
    expect(fields(opportunity([heading('Il laboratorio')]))).toEqual([]);
    // News and guides have no such fields: a «Requisiti» heading in their text is theirs to write.
    expect(fields({ body: [heading('Requisiti')] })).toEqual([]);
  });

  describe('links in rich text', () => {
    const withLink = (url: string) => ({
      body: [{ type: 'paragraph', children: [{ type: 'link', url, children: [{ type: 'text', text: 'qui' }] }] }],
    });

    it.each([
      '/cremona/opportunita/tirocinio-in-comune/',
      '/cremona/cerca/?q=liutaio#risultati',
      '#contenuto',
      'https://www.comune.cremona.it/informagiovani',
      'http://www.museodelviolino.org',
      'mailto:informagiovani@comune.cremona.it',
      'tel:+39 0372 407950',
    ])('accepts %s', (url) => {
      expect(checkEntry(withLink(url))).toEqual([]);
    });

    // Each of these looks like a path on the hub to a reader of the editor, but a browser opens
    // another site: `//host` and `/\host` take the page's scheme and a new host.
    it.each([
      '//evil.example/bandi',
      '/\\evil.example/bandi',
      '\\\\evil.example/bandi',
      '\\/evil.example',
      '  //evil.example',
      '/%2Fevil.example',
      '/%5Cevil.example',
      '/%252F%252Fevil.example',
    ])('refuses %j, a link to another site that looks internal', (url) => {
      expect(messages(withLink(url))).toEqual([
        `Il testo contiene un link che sembra una pagina del sito ma porta a un altro sito («${url.trim()}»): per un altro sito scrivi l'indirizzo completo con https://, per una pagina del sito un percorso come /cremona/opportunita/.`,
      ]);
    });

    it.each(['/\t/evil.example', '\t//evil.example', 'java\nscript:alert(1)', '/bandi\u0000'])(
      'refuses %j, a link with invisible characters a browser would drop',
      (url) => {
        expect(messages(withLink(url))).toEqual([
          'Il testo contiene un link con caratteri invisibili (tabulazioni, a capo o caratteri di controllo): riscrivi il link a mano.',
        ]);
      },
    );
  });

  it('leaves plain words about scripts alone', () => {
    expect(
      fields({
        body: [{ type: 'paragraph', children: [{ type: 'text', text: 'Corso di scrittura di script per il teatro' }] }],
      }),
    ).toEqual([]);
  });
});
