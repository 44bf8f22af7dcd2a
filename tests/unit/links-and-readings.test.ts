import { describe, expect, it } from 'vitest';
import {
  checkEntry,
  describeIssues,
  EDITORIAL_CONTENT_TYPES,
  entryPagePath,
  isIsbn,
  readingSchema,
  usefulLinkSchema,
} from '@sito/shared';

const published = {
  id: 7,
  documentId: 'abc123',
  createdAt: '2026-11-02T09:00:00.000Z',
  updatedAt: '2026-11-02T09:00:00.000Z',
  publishedAt: '2026-11-02T09:00:00.000Z',
  locale: 'it',
  thematicArea: { id: 3, documentId: 'area1', slug: 'siti-utili', name: 'Siti utili' },
  territory: null,
  regional: true,
  lastVerifiedAt: '2026-10-20',
  toReview: false,
  verifiedBy: { id: 1, documentId: 'cr1', slug: 'cremona', name: 'Informagiovani Cremona' },
};

const usefulLink = (overrides: Record<string, unknown> = {}) => ({
  ...published,
  title: 'Europass: CV e lettera di presentazione',
  slug: 'europass',
  url: 'https://europass.europa.eu/it',
  description: "Lo strumento gratuito dell'Unione europea per scrivere il CV nel formato europeo.",
  featured: false,
  ...overrides,
});

const reading = (overrides: Record<string, unknown> = {}) => ({
  ...published,
  title: 'Designing Your Life',
  slug: 'designing-your-life',
  authors: 'Bill Burnett, Dave Evans',
  publisher: 'Knopf',
  year: 2016,
  isbn: '978-1-101-87532-2',
  url: null,
  note: 'Il metodo del design applicato alle scelte di studio e di lavoro.',
  ...overrides,
});

describe('ISBNs, checked to the last digit', () => {
  it.each([
    '978-0-306-40615-7',
    '9780306406157',
    'ISBN 978-0-306-40615-7',
    '0-306-40615-2',
    '0 8044 2957 X',
    '979-10-90636-07-1',
  ])('accepts %s', (isbn) => expect(isIsbn(isbn)).toBe(true));

  it.each([
    ['a wrong ISBN-13 check digit', '978-0-306-40615-8'],
    ['a wrong ISBN-10 check digit', '0-306-40615-3'],
    ['an X anywhere but last', '0-306-X0615-2'],
    ['a 13-digit number that is not a book (no 978/979)', '123-4-567-89012-8'],
    ['too few digits', '978-0-306'],
    ['letters', 'nove-sette-otto'],
  ])('refuses %s', (_what, isbn) => expect(isIsbn(isbn)).toBe(false));
});

describe('the published useful link', () => {
  it('accepts a link as Strapi publishes it', () => {
    expect(usefulLinkSchema.parse(usefulLink()).url).toBe('https://europass.europa.eu/it');
  });

  it.each(['javascript:alert(1)', 'ftp://files.example.org', 'europass.europa.eu', ''])(
    'refuses the address %j',
    (url) => {
      const result = usefulLinkSchema.safeParse(usefulLink({ url }));
      expect(result.success).toBe(false);
      expect(describeIssues(result.error!).join('\n')).toMatch(/field "url": must be a web address/);
    },
  );

  it('requires an address and belongs to a territory or the region, not both', () => {
    expect(usefulLinkSchema.safeParse(usefulLink({ url: null })).success).toBe(false);
    const both = usefulLinkSchema.safeParse(
      usefulLink({ territory: { id: 1, documentId: 'cr1', slug: 'cremona', name: 'Informagiovani Cremona' } }),
    );
    expect(describeIssues(both.error!)).toContainEqual(expect.stringMatching(/territory/));
  });
});

describe('the published reading', () => {
  it('accepts a book, and a guide online with no publisher, year or ISBN', () => {
    expect(readingSchema.parse(reading()).isbn).toBe('978-1-101-87532-2');
    expect(
      readingSchema.parse(reading({ publisher: null, year: null, isbn: null, url: 'https://europa.eu/youreurope/' }))
        .year,
    ).toBeNull();
  });

  it('refuses an ISBN with a wrong check digit', () => {
    const result = readingSchema.safeParse(reading({ isbn: '978-1-101-87532-3' }));
    expect(describeIssues(result.error!)).toContainEqual(
      expect.stringMatching(/^field "isbn": must be an ISBN-10 or ISBN-13/),
    );
  });
});

describe('the editorial rules on links and readings', () => {
  it("refuses a link's address that is not http(s), in the operator's words", () => {
    expect(checkEntry({ url: 'javascript:alert(1)' })).toEqual([
      { field: 'url', message: '«javascript:alert(1)» non è un indirizzo web valido: deve iniziare con https://.' },
    ]);
  });

  it('refuses a mistyped ISBN and accepts a right one or none', () => {
    expect(checkEntry({ isbn: '978-1-101-87532-3' })).toEqual([
      {
        field: 'isbn',
        message:
          "«978-1-101-87532-3» non è un ISBN valido: controlla le cifre (10 o 13, l'ultima è di controllo), per esempio 978-0-306-40615-7.",
      },
    ]);
    expect(checkEntry({ isbn: '978-1-101-87532-2' })).toEqual([]);
    expect(checkEntry({ isbn: null })).toEqual([]);
    expect(checkEntry({ isbn: '' })).toEqual([]);
  });
});

describe('where links and readings live on a hub', () => {
  it('are editorial types with Italian pages under «siti-utili» and «bibliografia», which previews open', () => {
    expect(EDITORIAL_CONTENT_TYPES['api::useful-link.useful-link'].collection).toBe('useful-links');
    expect(EDITORIAL_CONTENT_TYPES['api::reading.reading'].collection).toBe('readings');
    expect(entryPagePath('/crema', 'api::useful-link.useful-link', 'europass', 'it')).toBe(
      '/crema/siti-utili/europass/',
    );
    // Italian only: an English version of an entry still opens the Italian page.
    expect(entryPagePath('/lecco/', 'api::reading.reading', 'working-identity', 'en')).toBe(
      '/lecco/bibliografia/working-identity/',
    );
  });
});
