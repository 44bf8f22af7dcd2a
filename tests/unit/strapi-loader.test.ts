import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { opportunitySchema } from '@sito/shared';
import { strapiLoader, type StrapiLoaderOptions } from '../../sites/src/loaders/strapi-loader.ts';
import { createStrapiClient, type StrapiClient } from '../../sites/src/lib/strapi-client.ts';
import type { BuildReport } from '../../sites/src/lib/build-report.ts';

/** Answers recorded from a real CMS with the demo content: Lecco's own and the regional opportunities, 12 per page. */
const recorded = (page: number) =>
  JSON.parse(
    fs.readFileSync(
      path.resolve(import.meta.dirname, `../fixtures/strapi/lecco-opportunities-page${page}.json`),
      'utf8',
    ),
  );

/** A fetch that serves the recorded pages and remembers what was asked. */
function recordedFetch(edit: (page: number, body: any) => any = (_page, body) => body) {
  const urls: URL[] = [];
  const fetchImpl = (async (input: URL | RequestInfo) => {
    const url = new URL(String(input));
    urls.push(url);
    const page = Number(url.searchParams.get('pagination[page]'));
    return new Response(JSON.stringify(edit(page, recorded(page))), {
      status: 200,
      headers: { 'Content-Type': 'application/json' },
    });
  }) as typeof fetch;
  return { fetchImpl, urls };
}

/** The parts of Astro's loader context the loader uses, kept in memory (and kept between runs, as Astro does). */
function fakeContext() {
  type Entry = { id: string; data: Record<string, unknown>; digest?: string };
  const entries = new Map<string, Entry>();
  const metadata = new Map<string, string>();
  const logs: string[] = [];
  /** What the loader changed in the store, in order: `set <id>`, `delete <id>`, `clear`. */
  const changes: string[] = [];
  const store = {
    set: (entry: Entry) => (changes.push(`set ${entry.id}`), entries.set(entry.id, entry), true),
    get: (id: string) => entries.get(id),
    has: (id: string) => entries.has(id),
    delete: (id: string) => (changes.push(`delete ${id}`), entries.delete(id)),
    clear: () => (changes.push('clear'), entries.clear()),
    keys: () => [...entries.keys()],
    values: () => [...entries.values()],
  };
  const meta = {
    get: (key: string) => metadata.get(key),
    set: (key: string, value: string) => metadata.set(key, value),
    has: (key: string) => metadata.has(key),
    delete: (key: string) => metadata.delete(key),
  };
  const logger = { info: (m: string) => logs.push(`info ${m}`), warn: (m: string) => logs.push(`warn ${m}`) };
  return {
    context: { store, meta, logger, generateDigest: (data: unknown) => JSON.stringify(data).length.toString(16) },
    entries,
    logs,
    changes,
  };
}

/**
 * A CMS in memory, answering the loader's three kinds of list request as the CMS does: the full
 * entries, one page at a time; the change listing (`/api/sito/listing/<collection>`: documentId and
 * updatedAt of every entry, in one answer); and the entries of some documents
 * (`filters[documentId][$in]`).
 */
function memoryCms(initial: Array<Record<string, any>>) {
  const documents = initial.map((entry) => structuredClone(entry));
  const asked: Array<'full' | 'listing' | 'some'> = [];
  const pageSizes: Record<'full' | 'some', number[]> = { full: [], some: [] };
  /** The parameters of each listing request. */
  const listingParams: string[][] = [];
  const json = (body: unknown) =>
    new Response(JSON.stringify(body), { status: 200, headers: { 'Content-Type': 'application/json' } });
  const fetchImpl = (async (input: URL | RequestInfo) => {
    const url = new URL(String(input));
    if (url.pathname.startsWith('/api/sito/listing/')) {
      asked.push('listing');
      listingParams.push([...url.searchParams.keys()]);
      const data = documents.map((d) => ({ documentId: d.documentId, updatedAt: d.updatedAt }));
      return json({ data, meta: { total: data.length } });
    }
    const page = Number(url.searchParams.get('pagination[page]'));
    const size = Number(url.searchParams.get('pagination[pageSize]'));
    const wanted = [...url.searchParams.entries()]
      .filter(([key]) => key.startsWith('filters[documentId][$in]'))
      .map(([, value]) => value);
    const kind = wanted.length ? 'some' : 'full';
    asked.push(kind);
    pageSizes[kind].push(size);
    const selected = wanted.length ? documents.filter((d) => wanted.includes(d.documentId)) : documents;
    const data = selected.slice((page - 1) * size, page * size);
    const pagination = {
      page,
      pageSize: size,
      pageCount: Math.max(1, Math.ceil(selected.length / size)),
      total: selected.length,
    };
    return json({ data, meta: { pagination } });
  }) as typeof fetch;
  return {
    documents,
    asked,
    pageSizes,
    listingParams,
    client: createStrapiClient({ baseUrl: 'http://cms.test', token: 'x'.repeat(32), fetch: fetchImpl }),
  };
}

const emptyReport = (): BuildReport => ({
  hub: 'lecco',
  startedAt: '',
  entries: {},
  skipped: [],
  toReview: [],
  cmsRequests: 0,
});

function loaderFor(
  client: StrapiClient,
  strict: boolean,
  report = emptyReport(),
  overrides: Partial<StrapiLoaderOptions<typeof opportunitySchema>> = {},
) {
  return strapiLoader({
    client,
    collection: 'opportunities',
    schema: opportunitySchema,
    query: {
      locale: 'it',
      'filters[territory][slug][$eq]': 'lecco',
      sort: 'deadline:asc',
      'populate[territory][fields][0]': 'slug',
    },
    describe: (raw) => `opportunity "${String(raw.slug)}" (documentId ${String(raw.documentId)})`,
    id: (entry) => entry.slug,
    strict,
    report,
    ...overrides,
  });
}

const run = (loader: ReturnType<typeof loaderFor>, context: ReturnType<typeof fakeContext>['context']) =>
  loader.load(context as unknown as Parameters<typeof loader.load>[0]);

describe('the Strapi content loader', () => {
  it('pages through the collection and stores every valid entry with a digest', async () => {
    const { fetchImpl, urls } = recordedFetch();
    const client = createStrapiClient({ baseUrl: 'http://cms.test', token: 'x'.repeat(32), fetch: fetchImpl });
    const { context, entries } = fakeContext();
    const report = emptyReport();
    // The recorded answers were made with pageSize 12; the loader asks for 100 but follows pageCount.
    await run(loaderFor(client, true, report), context);
    expect(urls.map((u) => u.searchParams.get('pagination[page]'))).toEqual(['1', '2']);
    expect(urls[0]!.searchParams.get('filters[territory][slug][$eq]')).toBe('lecco');
    const total = recorded(1).meta.pagination.total;
    expect(total).toBeGreaterThan(12);
    expect(entries.size).toBe(total);
    expect([...entries.values()].every((entry) => entry.digest)).toBe(true);
    expect(report.entries.opportunities).toBe(total);
    expect([...entries.values()].some((entry) => entry.data.regional === true)).toBe(true);
  });

  it('keeps the Italian and the English entries of one collection apart in the report, under the names given', async () => {
    const { fetchImpl, urls } = recordedFetch();
    const client = createStrapiClient({ baseUrl: 'http://cms.test', token: 'x'.repeat(32), fetch: fetchImpl });
    const report = emptyReport();
    await run(loaderFor(client, true, report), fakeContext().context);
    await run(
      loaderFor(client, true, report, { name: 'opportunities (en)', query: { locale: 'en' } }),
      fakeContext().context,
    );
    expect(urls.at(-1)!.searchParams.get('locale')).toBe('en');
    const total = recorded(1).meta.pagination.total;
    expect(report.entries).toEqual({ opportunities: total, 'opportunities (en)': total });
  });

  it('fails in strict mode on an invalid entry, naming the entry and the field', async () => {
    const { fetchImpl } = recordedFetch((page, body) => {
      if (page === 2) body.data[1].deadline = '24/02/2027';
      return body;
    });
    const client = createStrapiClient({ baseUrl: 'http://cms.test', token: 'x'.repeat(32), fetch: fetchImpl });
    const victim = recorded(2).data[1];
    await expect(run(loaderFor(client, true), fakeContext().context)).rejects.toThrow(
      new RegExp(
        `opportunity "${victim.slug}" \\(documentId ${victim.documentId}\\) is invalid:\\n {2}- field "deadline": must be a date`,
      ),
    );
  });

  it('skips an invalid entry outside strict mode, and reports it', async () => {
    const { fetchImpl } = recordedFetch((page, body) => {
      if (page === 1) Object.assign(body.data[0], { territory: null, regional: false });
      return body;
    });
    const client = createStrapiClient({ baseUrl: 'http://cms.test', token: 'x'.repeat(32), fetch: fetchImpl });
    const { context, entries, logs } = fakeContext();
    const report = emptyReport();
    await run(loaderFor(client, false, report), context);
    expect(entries.size).toBe(recorded(1).meta.pagination.total - 1);
    expect(report.skipped).toEqual([
      expect.objectContaining({ collection: 'opportunities', problems: [expect.stringMatching(/^field "territory"/)] }),
    ]);
    expect(logs.some((line) => line.startsWith('warn skipped opportunity'))).toBe(true);
  });

  it('fetches only what changed since the previous build, and changes only that in the store', async () => {
    const cms = memoryCms([...recorded(1).data, ...recorded(2).data]);
    const { context, entries, logs, changes } = fakeContext();
    let areas = 'Lavoro';
    const loader = loaderFor(cms.client, true, emptyReport(), { references: async () => areas });
    await run(loader, context);
    expect(cms.asked).toEqual(['full']);
    expect([...entries.values()].map((e) => e.data.documentId)).toEqual(cms.documents.map((d) => d.documentId));

    // One changed, one unpublished, one new in the middle; a later updatedAt marks the change.
    const [first, second, third] = cms.documents;
    first!.title = 'Titolo cambiato dopo la prima build';
    first!.updatedAt = '2031-01-01T10:00:00.000Z';
    cms.documents.splice(cms.documents.indexOf(second!), 1);
    const added = {
      ...structuredClone(third!),
      id: 9999,
      documentId: 'nuovo1234567890',
      slug: 'nuova-voce',
      title: 'Nuova voce',
    };
    cms.documents.splice(2, 0, added);
    cms.asked.length = 0;
    changes.length = 0;
    const report = emptyReport();
    await run(loaderFor(cms.client, true, report, { references: async () => areas }), context);
    expect(cms.asked).toEqual(['listing', 'some']);
    // The listing is one request, whatever the number of entries, and asks only which entries:
    // the CMS refuses any other parameter (cms/src/publishing/listing.ts).
    expect(cms.listingParams).toHaveLength(1);
    expect(cms.listingParams[0]!.every((key) => key.startsWith('filters[') || key === 'locale')).toBe(true);
    expect(cms.pageSizes.full.every((size) => size === 100)).toBe(true);
    expect(logs.at(-2)).toBe(`info 2 new or changed, ${cms.documents.length - 2} unchanged`);
    expect(entries.get(first!.slug)!.data.title).toBe('Titolo cambiato dopo la prima build');
    expect(entries.has(second!.slug)).toBe(false);
    // Nothing else is rewritten (a changed entry goes out, and back in as it is now): the order is
    // the pages' business, since Astro keeps its store sorted by id.
    expect(changes.sort()).toEqual(
      [`delete ${first!.slug}`, `delete ${second!.slug}`, `set ${added.slug}`, `set ${first!.slug}`].sort(),
    );
    expect([...entries.values()].map((e) => e.data.documentId).sort()).toEqual(
      cms.documents.map((d) => d.documentId).sort(),
    );
    expect(report.entries.opportunities).toBe(cms.documents.length);

    // A renamed area changes no entry's update time: everything is fetched again.
    areas = 'Lavoro e stage';
    cms.asked.length = 0;
    await run(loaderFor(cms.client, true, emptyReport(), { references: async () => areas }), context);
    expect(cms.asked).toEqual(['full']);
  });

  it('says what to do when the CMS is down or refuses the token', async () => {
    const down = createStrapiClient({
      baseUrl: 'http://127.0.0.1:9',
      token: 'x'.repeat(32),
      attempts: 1,
      fetch: (async () => {
        throw new TypeError('fetch failed');
      }) as typeof fetch,
    });
    await expect(down.getAll('opportunities', {})).rejects.toThrow(
      /Cannot reach the CMS at http:\/\/127.0.0.1:9 .*pnpm start/,
    );
    const refused = createStrapiClient({
      baseUrl: 'http://cms.test',
      token: 'x'.repeat(32),
      fetch: (async () =>
        new Response(
          JSON.stringify({
            data: null,
            error: { status: 401, name: 'UnauthorizedError', message: 'Missing or invalid credentials' },
          }),
          {
            status: 401,
          },
        )) as typeof fetch,
    });
    await expect(refused.getAll('opportunities', {})).rejects.toThrow(
      /answered 401 .*Missing or invalid credentials.*builder token was refused/,
    );
  });
});
