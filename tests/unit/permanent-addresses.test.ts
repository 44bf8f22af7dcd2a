import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  ADDRESS_BOOK_FILE,
  addressBookSchema,
  hubAddressesSchema,
  type GoneAddress,
  type HubAddresses,
  type Opportunity,
} from '@sito/shared';
import { resolveAddresses, toAddressBook } from '../../sites/src/lib/address-book.ts';
import {
  isListed,
  isLongClosed,
  SITEMAP_EXCLUSIONS_FILE,
  sitemapExclusions,
  UNLISTED_AFTER_DAYS,
} from '../../sites/src/lib/sitemap-filter.ts';
import { movedPage } from '../../sites/src/lib/moved-page.ts';
import { latest, similarOpportunities } from '../../sites/src/lib/suggestions.ts';
import { kindLabel, sectionName } from '../../sites/src/i18n/ui.ts';
import { opportunityFixture } from '../fixtures/entries.ts';

const gone = (path: string, overrides: Partial<GoneAddress> = {}): GoneAddress => ({
  path,
  locale: 'it',
  section: 'opportunities',
  title: 'Tirocinio in biblioteca',
  kind: 'internship',
  areas: ['tirocini'],
  closedAt: '2026-10-31',
  withdrawnAt: '2026-11-20T10:00:00.000Z',
  ...overrides,
});

/** The CMS's answer, as `GET /api/sito/addresses/crema` sends it. */
const answer = {
  data: {
    redirects: [
      { from: 'opportunita/tirocinio-grafico/', to: 'opportunita/tirocinio-grafico-2027/' },
      { from: 'en/opportunities/graphic-design-internship/', to: 'en/opportunities/graphic-internship/' },
    ],
    gone: [gone('opportunita/stage-in-biblioteca/')],
  },
};

describe('the old addresses of a hub', () => {
  it('reads the CMS answer with the shared schema and turns it into the servers’ address book', () => {
    const addresses = hubAddressesSchema.parse(answer).data;
    const rendered = new Set(['opportunita/tirocinio-grafico-2027/', 'en/opportunities/graphic-internship/']);
    const resolved = resolveAddresses(addresses, rendered);
    const book = toAddressBook(resolved);
    expect(addressBookSchema.parse(book)).toEqual({
      redirects: {
        'en/opportunities/graphic-design-internship/': 'en/opportunities/graphic-internship/',
        'opportunita/tirocinio-grafico/': 'opportunita/tirocinio-grafico-2027/',
      },
      gone: ['opportunita/stage-in-biblioteca/'],
    });
    expect(resolved.skipped).toEqual([]);
    expect(resolved.dangling).toEqual([]);
  });

  it('gives an empty address book when the hub has no old addresses', () => {
    expect(toAddressBook(resolveAddresses({ redirects: [], gone: [] }, new Set()))).toEqual({
      redirects: {},
      gone: [],
    });
  });

  it('refuses an answer whose paths are not inside the hub', () => {
    const bad = { data: { redirects: [{ from: '/crema/opportunita/x/', to: 'opportunita/y' }], gone: [] } };
    expect(hubAddressesSchema.safeParse(bad).success).toBe(false);
  });

  it('never puts a redirect or a «no longer available» page where the hub has a page: a reused slug is the new entry’s', () => {
    const addresses: HubAddresses = {
      redirects: [{ from: 'opportunita/stage/', to: 'opportunita/stage-2026/' }],
      gone: [gone('eventi/job-day/', { section: 'events', kind: 'job-day' })],
    };
    const resolved = resolveAddresses(addresses, new Set(['opportunita/stage/', 'eventi/job-day/']));
    expect(toAddressBook(resolved)).toEqual({ redirects: {}, gone: [] });
    expect(resolved.skipped.map((skipped) => skipped.path)).toEqual(['opportunita/stage/', 'eventi/job-day/']);
    expect(resolved.skipped[0]!.reason).toMatch(/the hub has a page there/);
  });

  it('follows a slug renamed twice to the entry’s page in one redirect, and leaves out redirects that go round', () => {
    const addresses: HubAddresses = {
      redirects: [
        { from: 'news/a/', to: 'news/b/' },
        { from: 'news/b/', to: 'news/c/' },
        { from: 'news/x/', to: 'news/y/' },
        { from: 'news/y/', to: 'news/x/' },
        { from: 'news/same/', to: 'news/same/' },
      ],
      gone: [],
    };
    const resolved = resolveAddresses(addresses, new Set(['news/c/']));
    expect(resolved.redirects).toEqual([
      { from: 'news/a/', to: 'news/c/' },
      { from: 'news/b/', to: 'news/c/' },
    ]);
    expect(resolved.skipped.map((skipped) => skipped.path).sort()).toEqual(['news/same/', 'news/x/', 'news/y/']);
  });

  it('keeps the first meaning of an address listed twice, and redirects one both redirected and withdrawn', () => {
    const addresses: HubAddresses = {
      redirects: [
        { from: 'tutorial/cv/', to: 'tutorial/curriculum/' },
        { from: 'tutorial/cv/', to: 'tutorial/altro/' },
      ],
      gone: [gone('tutorial/cv/', { section: 'tutorials', kind: null }), gone('news/vecchia/'), gone('news/vecchia/')],
    };
    const resolved = resolveAddresses(addresses, new Set(['tutorial/curriculum/']));
    expect(toAddressBook(resolved)).toEqual({
      redirects: { 'tutorial/cv/': 'tutorial/curriculum/' },
      gone: ['news/vecchia/'],
    });
    expect(resolved.skipped.map((skipped) => skipped.path)).toEqual(['tutorial/cv/', 'news/vecchia/']);
  });

  it('keeps a redirect to a page this build does not have, and says so', () => {
    const resolved = resolveAddresses(
      { redirects: [{ from: 'opportunita/vecchia/', to: 'opportunita/nuova/' }], gone: [] },
      new Set(),
    );
    expect(resolved.redirects).toHaveLength(1);
    expect(resolved.dangling).toEqual([{ from: 'opportunita/vecchia/', to: 'opportunita/nuova/' }]);
  });

  it('leads an entry moved to another territory to its page there, in one redirect, even from an older slug', () => {
    const addresses: HubAddresses = {
      redirects: [
        { from: 'opportunita/a/', to: 'opportunita/b/' },
        { from: 'opportunita/b/', to: 'opportunita/c/', hub: 'lecco' },
        // The other hub's path is not this hub's: never followed here, even where the names meet.
        { from: 'opportunita/d/', to: 'opportunita/a/', hub: 'lecco' },
      ],
      gone: [],
    };
    const resolved = resolveAddresses(addresses, new Set());
    expect(resolved.redirects).toEqual([
      { from: 'opportunita/a/', to: 'opportunita/c/', hub: 'lecco' },
      { from: 'opportunita/b/', to: 'opportunita/c/', hub: 'lecco' },
      { from: 'opportunita/d/', to: 'opportunita/a/', hub: 'lecco' },
    ]);
    expect(resolved.dangling, 'another hub’s pages are not in this build').toEqual([]);
    const book = toAddressBook(resolved);
    expect(book.redirects).toEqual({
      'opportunita/a/': '/lecco/opportunita/c/',
      'opportunita/b/': '/lecco/opportunita/c/',
      'opportunita/d/': '/lecco/opportunita/a/',
    });
    expect(addressBookSchema.parse(book)).toEqual(book);
    for (const target of ['/LECCO/opportunita/c/', '//evil.example/x/', '/lecco/../x/', 'https://evil.example/x/'])
      expect(addressBookSchema.safeParse({ redirects: { 'x/': target }, gone: [] }).success, target).toBe(false);
    expect(
      hubAddressesSchema.safeParse({ data: { redirects: [{ from: 'x/', to: 'y/', hub: '../lecco' }], gone: [] } })
        .success,
    ).toBe(false);
  });

  it('is emitted by the pages under the names the servers and the sitemap read', () => {
    const pages = new URL('../../sites/src/pages/', import.meta.url);
    expect(fs.existsSync(new URL(`${ADDRESS_BOOK_FILE}.ts`, pages))).toBe(true);
    expect(fs.existsSync(new URL(`${SITEMAP_EXCLUSIONS_FILE}.ts`, pages))).toBe(true);
  });
});

describe('the page at an old address, for hosts that cannot send a 301', () => {
  it('sends the browser on at once, names the new address as canonical and links it, in the address’s language', () => {
    const html = movedPage('/cremona/en/opportunities/internship/', 'https://giovani.example.org', 'en');
    expect(html).toContain('<html lang="en">');
    expect(html).toContain('<meta http-equiv="refresh" content="0;url=/cremona/en/opportunities/internship/">');
    expect(html).toContain(
      '<link rel="canonical" href="https://giovani.example.org/cremona/en/opportunities/internship/">',
    );
    expect(html).toContain('<meta name="robots" content="noindex">');
    expect(html).toContain('This page has moved: <a href="/cremona/en/opportunities/internship/">');
    expect(movedPage('/cremona/opportunita/tirocinio/', 'https://giovani.example.org', 'it')).toContain(
      'Questa pagina si è spostata: <a href="/cremona/opportunita/tirocinio/">',
    );
  });

  it('cannot be made to run a script by the address it names', () => {
    expect(movedPage('/cremona/"><script>alert(1)</script>/', 'https://giovani.example.org', 'it')).not.toContain(
      '<script>',
    );
  });
});

describe('calls closed long ago leave search engines', () => {
  it('after more than 30 days past the deadline, counted in Rome', () => {
    expect(UNLISTED_AFTER_DAYS).toBe(30);
    // 1 April 2027 in Rome (00:30, 31 March 22:30 UTC).
    const now = new Date('2027-03-31T22:30:00Z');
    expect(isLongClosed('2027-03-02', now)).toBe(false); // closed 30 days ago
    expect(isLongClosed('2027-03-01', now)).toBe(true); // 31 days ago
    expect(isLongClosed('2027-03-31', now)).toBe(false);
    expect(isLongClosed(null, now)).toBe(false); // no deadline: never closes
    // At 23:30 in Rome on 31 March (21:30 UTC), 1 March is 30 days back, not 31.
    expect(isLongClosed('2027-03-01', new Date('2027-03-31T21:30:00Z'))).toBe(false);
  });
});

describe('the sitemap', () => {
  const book = {
    redirects: { 'opportunita/vecchia/': 'opportunita/nuova/' },
    gone: ['en/opportunities/withdrawn/'],
  };
  const excluded = sitemapExclusions(book, ['opportunita/chiusa-da-mesi/']);
  const listed = (path: string) => isListed(`https://giovani.example.org/crema/${path}`, '/crema/', excluded);

  it('leaves out old addresses, the not-found pages, pages marked noindex and confirmation pages', () => {
    expect(listed('opportunita/vecchia/')).toBe(false);
    expect(listed('en/opportunities/withdrawn/')).toBe(false);
    expect(listed('opportunita/chiusa-da-mesi/')).toBe(false);
    expect(listed('404/')).toBe(false);
    expect(listed('en/404/')).toBe(false);
    expect(listed('esperto-risponde/domanda-inviata/')).toBe(false);
  });

  it('lists every other page, the home included', () => {
    expect(listed('')).toBe(true);
    expect(listed('opportunita/nuova/')).toBe(true);
    expect(listed('opportunita/404/')).toBe(true);
    expect(listed('en/')).toBe(true);
  });
});

describe('open opportunities for a reader who did not find a page', () => {
  const opportunity = (slug: string, kind: string, areas: string[], publishedAt: string, deadline: string | null) =>
    opportunityFixture({
      documentId: `doc-${slug}`,
      slug,
      kind,
      thematicAreas: areas.map((area, index) => ({
        id: index + 1,
        documentId: `area-${area}`,
        name: area,
        slug: area,
      })),
      publishedAt,
      deadline,
    });
  const open = [
    opportunity('grafica-milano', 'internship', ['comunicazione'], '2026-11-01T10:00:00Z', '2026-12-20'),
    opportunity('museo', 'internship', ['cultura', 'comunicazione'], '2026-11-05T10:00:00Z', '2026-12-10'),
    opportunity('biblioteca', 'internship', ['cultura'], '2026-11-03T10:00:00Z', '2026-12-05'),
    opportunity('bar-estivo', 'seasonal', ['cultura'], '2026-11-06T10:00:00Z', '2027-01-10'),
    opportunity('cameriere', 'seasonal', ['turismo'], '2026-11-04T10:00:00Z', null),
    opportunity('servizio-civile', 'civil-service', ['volontariato'], '2026-11-07T10:00:00Z', '2027-01-02'),
  ];
  const slugs = (list: Opportunity[]) => list.map((o) => o.slug);
  const find = similarOpportunities(open);

  it('shows the latest published first on the not-found page', () => {
    expect(slugs(latest(open, 3))).toEqual(['servizio-civile', 'bar-estivo', 'museo']);
  });

  it('offers the same kind in a shared area first, then the same kind, then a shared area, then the latest', () => {
    expect(slugs(find({ kind: 'internship', areas: ['cultura'] }))).toEqual([
      'biblioteca',
      'museo',
      'grafica-milano',
      'bar-estivo',
      'servizio-civile',
    ]);
  });

  it('puts the calls closing soonest first within a rank, those without a deadline last', () => {
    expect(slugs(find({ kind: 'seasonal', areas: ['comunicazione'] }, 3))).toEqual([
      'bar-estivo',
      'cameriere',
      'museo',
    ]);
  });

  it('ranks by area an entry without an opportunity’s kind, and falls back to the latest when nothing is alike', () => {
    expect(slugs(find({ kind: null, areas: ['turismo', 'volontariato'] }, 3))).toEqual([
      'servizio-civile',
      'cameriere',
      'bar-estivo',
    ]);
    expect(slugs(find({ kind: 'job-day', areas: [] }, 2))).toEqual(['servizio-civile', 'bar-estivo']);
  });

  it('is not changed by a new call that closes after the ones it shows (a publish renders few of these pages)', () => {
    const withNew = similarOpportunities([
      ...open,
      opportunity('nuovo-tirocinio', 'internship', ['turismo'], '2026-12-01T10:00:00Z', '2027-03-01'),
    ]);
    expect(slugs(withNew({ kind: 'internship', areas: ['cultura'] }, 3))).toEqual([
      'biblioteca',
      'museo',
      'grafica-milano',
    ]);
  });

  it('never offers the same call twice, even when it shares several areas', () => {
    const result = find({ kind: 'internship', areas: ['cultura', 'comunicazione'] }, 10);
    expect(new Set(slugs(result)).size).toBe(result.length);
    expect(slugs(result).slice(0, 3)).toEqual(['biblioteca', 'museo', 'grafica-milano']);
    expect(result).toHaveLength(open.length);
  });
});

describe('what a withdrawn entry was, in words', () => {
  it('names kinds of every type and sections in both languages', () => {
    expect(kindLabel('internship', 'it')).toBe('Tirocinio');
    expect(kindLabel('internship', 'en')).toBe('Internship');
    expect(kindLabel('job-day', 'it')).toBe('Job day');
    expect(kindLabel('good-practice', 'it')).toBe('Buona pratica');
    expect(kindLabel('unknown-code', 'en')).toBe('unknown-code');
    expect(sectionName('opportunities', 'it')).toBe('Opportunità');
    expect(sectionName('questions', 'en')).toBe('Ask the expert');
    expect(sectionName('operatorResources', 'it')).toBe('Risorse per operatori');
  });
});
