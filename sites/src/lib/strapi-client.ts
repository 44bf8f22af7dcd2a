import {
  errorResponseSchema,
  listingResponseSchema,
  listResponseSchema,
  type ListingResponse,
  type ListResponse,
} from '@sito/shared';

export interface StrapiClientOptions {
  baseUrl: string;
  token: string;
  /** Per-request timeout in milliseconds. */
  timeoutMs?: number;
  /** Attempts for network errors and 5xx answers. */
  attempts?: number;
  fetch?: typeof fetch;
}

/** A query string as Strapi reads it: flat bracketed keys, e.g. `filters[territory][slug][$eq]`. */
export type StrapiQuery = Record<string, string | number>;

/**
 * Flattens a nested query object into Strapi's bracket notation, as `qs` would:
 * `{ populate: { territory: { fields: ['slug'] } } }` → `populate[territory][fields][0]=slug`.
 */
export function toStrapiQuery(query: Record<string, unknown>, prefix = ''): StrapiQuery {
  const out: StrapiQuery = {};
  for (const [key, value] of Object.entries(query)) {
    const name = prefix ? `${prefix}[${key}]` : key;
    if (value === undefined) continue;
    if (value !== null && typeof value === 'object')
      Object.assign(out, toStrapiQuery(value as Record<string, unknown>, name));
    else out[name] = typeof value === 'boolean' ? String(value) : (value as string | number);
  }
  return out;
}

export interface PageOptions {
  /** Entries a request (Strapi's maximum is 100). */
  pageSize?: number;
  /** Pages asked at once after the first. */
  concurrency?: number;
  headers?: Record<string, string>;
}

export class CmsRequestError extends Error {
  readonly url: string;
  readonly status: number | undefined;
  constructor(message: string, url: string, status?: number) {
    super(message);
    this.name = 'CmsRequestError';
    this.url = url;
    this.status = status;
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The builder's read-only view of the CMS REST API. Every failure becomes an error that says
 * which URL failed and what to do about it.
 */
export function createStrapiClient(options: StrapiClientOptions) {
  const { baseUrl, token, timeoutMs = 30_000, attempts = 3, fetch: doFetch = fetch } = options;
  let requests = 0;

  async function getJson(pathname: string, query: StrapiQuery, headers: Record<string, string> = {}): Promise<unknown> {
    const url = new URL(pathname, baseUrl);
    for (const [key, value] of Object.entries(query)) url.searchParams.set(key, String(value));
    for (let attempt = 1; ; attempt += 1) {
      let response: Response;
      try {
        requests += 1;
        response = await doFetch(url, {
          headers: { ...headers, Authorization: `Bearer ${token}`, Accept: 'application/json' },
          signal: AbortSignal.timeout(timeoutMs),
        });
      } catch (cause) {
        if (attempt < attempts) {
          await sleep(250 * 2 ** attempt);
          continue;
        }
        throw new CmsRequestError(
          `Cannot reach the CMS at ${url.origin} (${(cause as Error).message}). Is it running? \`pnpm start\` starts it.`,
          url.href,
        );
      }
      if (response.status >= 500 && attempt < attempts) {
        await sleep(250 * 2 ** attempt);
        continue;
      }
      const text = await response.text();
      let body: unknown;
      try {
        body = JSON.parse(text);
      } catch {
        throw new CmsRequestError(
          `The CMS answered ${response.status} with something that is not JSON.`,
          url.href,
          response.status,
        );
      }
      if (!response.ok) {
        const parsed = errorResponseSchema.safeParse(body);
        const reason = parsed.success ? parsed.data.error.message : text.slice(0, 200);
        const hint =
          response.status === 401 || response.status === 403
            ? ' The builder token was refused: restart the CMS so it rewrites .sito/builder-token, or check SITO_CMS_TOKEN.'
            : '';
        throw new CmsRequestError(
          `The CMS answered ${response.status} for ${url.pathname}: ${reason}.${hint}`,
          url.href,
          response.status,
        );
      }
      return body;
    }
  }

  async function getPage(
    collection: string,
    query: StrapiQuery,
    page: number,
    { pageSize = 100, headers }: PageOptions,
  ): Promise<ListResponse> {
    const body = await getJson(
      `/api/${collection}`,
      { ...query, 'pagination[page]': page, 'pagination[pageSize]': pageSize },
      headers,
    );
    const parsed = listResponseSchema.safeParse(body);
    if (!parsed.success) {
      throw new CmsRequestError(
        `The CMS list answer for ${collection} is not in Strapi's shape.`,
        `/api/${collection}`,
      );
    }
    return parsed.data;
  }

  /**
   * Fetches every page of a collection, `pageSize` entries at a time, and returns the raw entries in
   * order. The first page says how many there are; the others are asked `concurrency` at a time.
   */
  async function getAll(collection: string, query: StrapiQuery, options: PageOptions = {}): Promise<unknown[]> {
    const { concurrency = 4 } = options;
    const first = await getPage(collection, query, 1, options);
    const pages: unknown[][] = [first.data];
    let next = 2;
    const fetchNext = async (): Promise<void> => {
      while (next <= first.meta.pagination.pageCount) {
        const page = next++;
        pages[page - 1] = (await getPage(collection, query, page, options)).data;
      }
    };
    await Promise.all(Array.from({ length: concurrency }, fetchNext));
    return pages.flat();
  }

  /**
   * The documentId and update time of every published entry of a collection matching `query`
   * (filters and locale only), in one request: the CMS's change listing for incremental builds.
   */
  async function listing(collection: string, query: StrapiQuery): Promise<ListingResponse['data']> {
    const pathname = `/api/sito/listing/${collection}`;
    const parsed = listingResponseSchema.safeParse(await getJson(pathname, query));
    if (!parsed.success)
      throw new CmsRequestError(`The CMS's change listing for ${collection} is not in the expected shape.`, pathname);
    return parsed.data.data;
  }

  return { getJson, getAll, listing, requestCount: () => requests };
}

export type StrapiClient = ReturnType<typeof createStrapiClient>;
