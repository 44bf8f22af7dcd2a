import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CMS_DIR } from '../../scripts/lib/paths.ts';

/**
 * The words of our own admin pages live in two dictionaries (cms/src/admin/translations/sito.it.json
 * and sito.en.json, read through cms/src/admin/messages.ts). These tests fail when one language
 * lacks an id the other has, when a message would not format, when the two languages ask for
 * different values, or when the admin's code names an id neither dictionary has.
 */
const ADMIN_DIR = path.join(CMS_DIR, 'src', 'admin');
const dictionary = (language: 'it' | 'en') =>
  JSON.parse(fs.readFileSync(path.join(ADMIN_DIR, 'translations', `sito.${language}.json`), 'utf8')) as Record<
    string,
    string
  >;
const it_ = dictionary('it');
const en = dictionary('en');

// The admin's own ICU parser and formatter (react-intl's), as the CMS's dependencies install them.
type Element = { type: number; value?: unknown; options?: Record<string, { value: Element[] }>; children?: Element[] };
const fromReactIntl = createRequire(createRequire(path.join(CMS_DIR, 'package.json')).resolve('react-intl'));
const { parse } = fromReactIntl('@formatjs/icu-messageformat-parser') as { parse: (message: string) => Element[] };
const { IntlMessageFormat } = fromReactIntl('intl-messageformat') as {
  IntlMessageFormat: new (
    message: string,
    locale: string,
  ) => { format: (values?: Record<string, string | number>) => unknown };
};
const format = (language: 'it' | 'en', id: string, values?: Record<string, string | number>) =>
  new IntlMessageFormat((language === 'it' ? it_ : en)[id]!, language).format(values);

/** The values a message asks for, with how it uses each (`count:plural`, `email:text`...). */
const KINDS = ['literal', 'text', 'number', 'date', 'time', 'select', 'plural', 'pound', 'tag'];
const placeholders = (elements: Element[]): string[] =>
  elements.flatMap((element) => [
    ...(KINDS[element.type] === 'literal' || KINDS[element.type] === 'pound'
      ? []
      : [`${String(element.value)}:${KINDS[element.type]}`]),
    ...Object.values(element.options ?? {}).flatMap((option) => placeholders(option.value)),
    ...placeholders(element.children ?? []),
  ]);
const signature = (message: string) => [...new Set(placeholders(parse(message)))].sort();

/** Every `'sito.…'` string in the admin's code: the ids it asks for. */
const sourceFiles = (dir: string): string[] =>
  fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) =>
      entry.isDirectory()
        ? sourceFiles(path.join(dir, entry.name))
        : /\.tsx?$/.test(entry.name)
          ? [path.join(dir, entry.name)]
          : [],
    );
const idsInCode = () =>
  new Map(
    sourceFiles(ADMIN_DIR).flatMap((file) =>
      [...fs.readFileSync(file, 'utf8').matchAll(/['"`](sito\.[A-Za-z0-9.]+)['"`]/g)].map(
        (match) => [match[1]!, path.relative(CMS_DIR, file)] as const,
      ),
    ),
  );

describe('the admin’s own words, in Italian and in English (cms/src/admin/translations/sito.*.json)', () => {
  it('gives every id in both languages', () => {
    expect(Object.keys(it_).sort()).toEqual(Object.keys(en).sort());
    for (const [id, text] of [...Object.entries(it_), ...Object.entries(en)]) expect(text.trim(), id).not.toBe('');
  });

  it('writes each message in ICU syntax, asking for the same values in both languages', () => {
    for (const id of Object.keys(en)) {
      expect(() => signature(en[id]!), `en ${id}`).not.toThrow();
      expect(() => signature(it_[id]!), `it ${id}`).not.toThrow();
      expect(signature(it_[id]!), id).toEqual(signature(en[id]!));
    }
  });

  it('knows every id the admin’s pages, components and menu name, and keeps none they no longer use', () => {
    const used = idsInCode();
    expect(used.size).toBeGreaterThan(100);
    for (const [id, file] of used) {
      expect(Object.keys(it_), `${file}: ${id} (sito.it.json)`).toContain(id);
      expect(Object.keys(en), `${file}: ${id} (sito.en.json)`).toContain(id);
    }
    expect(Object.keys(en).filter((id) => !used.has(id))).toEqual([]);
  });

  it('counts in the singular and the plural: «1 contatto e 0 prenotazioni», “1 contact and 0 bookings”', () => {
    const found = { contacts: 1, bookings: 0, email: 'giulia@example.it' };
    expect(format('it', 'sito.personalData.found', found)).toBe('1 contatto e 0 prenotazioni di giulia@example.it.');
    expect(format('en', 'sito.personalData.found', found)).toBe('1 contact and 0 bookings of giulia@example.it.');
    expect(format('it', 'sito.publishing.addresses.summary', { redirects: 1, gone: 2 })).toBe(
      'Indirizzi permanenti: 1 reindirizzamento, 2 contenuti ritirati',
    );
    expect(format('en', 'sito.publishing.addresses.summary', { redirects: 2, gone: 1 })).toBe(
      'Permanent addresses: 2 redirects, 1 withdrawn entry',
    );
    expect(format('it', 'sito.inbox.age.hours', { hours: 1 })).toBe('1 ora');
    expect(format('it', 'sito.inbox.age.days', { days: 3 })).toBe('3 giorni');
  });

  it('says in Italian what the operators read before, word for word', () => {
    expect(format('it', 'sito.inbox.menu.waiting', { count: 3 })).toBe('In arrivo, 3 in attesa');
    expect(format('it', 'sito.publishing.rebuildQueued', { hub: 'Orientagiovani Crema' })).toBe(
      'Ricostruzione di Orientagiovani Crema in coda',
    );
    expect(format('it', 'sito.publishing.live', { build: 12, when: '03/12/26, 10:00:00', release: 'r1' })).toBe(
      'Online: build #12, pubblicata il 03/12/26, 10:00:00 (r1)',
    );
    expect(format('it', 'sito.review.verified.one', { title: 'Stage in biblioteca' })).toBe(
      '«Stage in biblioteca»: verificata oggi.',
    );
    expect(format('it', 'sito.monitoring.trend.caption', { title: 'Opportunità aperte' })).toBe(
      'Opportunità aperte, per settimana',
    );
    expect(format('it', 'sito.personalData.error.emailInvalid', { value: 'sara@example' })).toBe(
      'email: «sara@example» non è un indirizzo email valido',
    );
  });
});
