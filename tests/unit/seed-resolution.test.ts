import { describe, expect, it } from 'vitest';
import { resolveSeedEntry, splitLocalizations } from '@sito/shared/seed';

const known: Record<string, string> = {
  'api::territory.territory:cremona': 'doc-cremona',
  'api::thematic-area.thematic-area:tirocini': 'doc-tirocini',
  'api::thematic-area.thematic-area:eventi': 'doc-eventi',
};
const lookup = async (uid: string, slug: string) => known[`${uid}:${slug}`];

describe('seed entries, readable JSON resolved for the Document Service', () => {
  it('turns relative days into dates and slugs into documentIds', async () => {
    const data = await resolveSeedEntry(
      {
        slug: 'tirocinio',
        territory: 'cremona',
        verifiedBy: 'cremona',
        thematicAreas: ['tirocini', 'eventi'],
        deadlineInDays: 10,
        opensOnInDays: null,
        lastVerifiedAtInDays: -200,
      },
      '2026-11-25',
      lookup,
      'opportunities.json "tirocinio"',
    );
    expect(data).toEqual({
      slug: 'tirocinio',
      territory: 'doc-cremona',
      verifiedBy: 'doc-cremona',
      thematicAreas: ['doc-tirocini', 'doc-eventi'],
      deadline: '2026-12-05',
      opensOn: null,
      lastVerifiedAt: '2026-05-09',
    });
  });

  it('turns { inDays, time } into the UTC instant of that time in Rome, summer or winter', async () => {
    const data = await resolveSeedEntry(
      { startsAt: { inDays: 0, time: '09:30' }, endsAt: { inDays: 200, time: '18:00' } },
      '2026-11-25',
      lookup,
      'x',
    );
    expect(data).toEqual({ startsAt: '2026-11-25T08:30:00.000Z', endsAt: '2027-06-13T16:00:00.000Z' });
  });

  it('resolves relative dates inside components, and leaves rich text alone', async () => {
    const body = [{ type: 'paragraph', children: [{ type: 'text', text: 'Ciao' }] }];
    const data = await resolveSeedEntry(
      { contactPoints: [{ name: 'Sportello', exceptions: [{ dateInDays: 1, closed: true }] }], body },
      '2026-12-31',
      lookup,
      'x',
    );
    expect(data).toEqual({
      contactPoints: [{ name: 'Sportello', exceptions: [{ date: '2027-01-01', closed: true }] }],
      body,
    });
  });

  it('names the entry and the key when a slug points nowhere', async () => {
    await expect(resolveSeedEntry({ territory: 'bergamo' }, '2026-11-25', lookup, 'news.json "festa"')).rejects.toThrow(
      'Seed news.json "festa": "territory" points at "bergamo", which does not exist in api::territory.territory.',
    );
  });

  it('splits a translation off its entry; it keeps the owner and the areas, and names its own related entries', async () => {
    const { entry, translations } = splitLocalizations(
      {
        slug: 'lavorare-all-estero',
        title: "Lavorare all'estero",
        territory: null,
        regional: true,
        verifiedBy: 'cremona',
        thematicArea: 'tirocini',
        relatedOpportunities: ['eures-stagione'],
        readingMinutes: 7,
        localizations: { en: { slug: 'working-abroad', title: 'Working abroad' } },
      },
      'tutorials.json "lavorare-all-estero"',
    );
    expect(entry).not.toHaveProperty('localizations');
    expect(entry.relatedOpportunities).toEqual(['eures-stagione']);
    expect(translations).toEqual([
      [
        'en',
        {
          slug: 'working-abroad',
          title: 'Working abroad',
          territory: null,
          regional: true,
          verifiedBy: 'cremona',
          thematicArea: 'tirocini',
        },
      ],
    ]);
    // Resolved like any entry: the inherited slugs become documentIds.
    await expect(resolveSeedEntry(translations[0]![1], '2026-11-25', lookup, 'x')).resolves.toMatchObject({
      verifiedBy: 'doc-cremona',
      thematicArea: 'doc-tirocini',
    });
  });

  it('leaves an entry without translations as it is, and refuses a translation without its own slug', () => {
    expect(splitLocalizations({ slug: 'festa', title: 'Festa' }, 'x')).toEqual({
      entry: { slug: 'festa', title: 'Festa' },
      translations: [],
    });
    expect(() =>
      splitLocalizations({ slug: 'festa', localizations: { en: { title: 'Party' } } }, 'news.json "festa"'),
    ).toThrow('Seed news.json "festa": the "en" translation needs its own slug.');
  });
});
