import type { Loader } from 'astro/loaders';
import { describeIssues, romeDate, ValidationError } from '@sito/shared';
import type { z } from 'zod';
import type { StrapiClient, StrapiQuery } from '../lib/strapi-client.ts';
import type { BuildReport } from '../lib/build-report.ts';

export interface StrapiLoaderOptions<S extends z.ZodType> {
  client: StrapiClient;
  /** REST collection name, e.g. `opportunities`. */
  collection: string;
  /** How the build report and the log name what this loader loads; the collection by default. */
  name?: string;
  /** Published shape of one entry (from @sito/shared). */
  schema: S;
  /** Filters, populate and sort for this hub; populate is always explicit. */
  query: StrapiQuery;
  /** How to name an entry in messages, e.g. `opportunity "stage-estivo" (documentId abc123)`. */
  describe: (raw: Record<string, unknown>) => string;
  /** Store id of a valid entry. */
  id: (entry: z.infer<S>) => string;
  /** Fail on the first invalid entry (tests) instead of skipping it and reporting it. */
  strict: boolean;
  /**
   * A draft preview of one document of this collection: its draft replaces its published version
   * (or joins the collection if it was never published). The grant is the preview's id, which the
   * CMS checks before it serves that one draft.
   */
  draft?: { documentId: string; grant: string } | undefined;
  report: BuildReport;
  /**
   * Fetch only what changed since the previous build (Astro keeps the content store in the cache
   * folder): first the documentIds and update times of the entries in the query, then the new and
   * changed entries in full. What entries embed from other collections (territory and
   * area names, from `references`), the query and the day (Rome) must be those of the previous
   * build; otherwise everything is fetched again, as the nightly rebuild does.
   */
  references?: (() => Promise<unknown>) | undefined;
}

/** What the previous build left in the loader's meta store: the entries it holds and how it got them. */
interface SyncIndex {
  fingerprint: string;
  /** documentId → [store id, updatedAt]. */
  entries: Record<string, [string, string]>;
}

function readIndex(text: string | undefined): SyncIndex | null {
  try {
    const index = JSON.parse(text ?? 'null') as SyncIndex | null;
    return index && typeof index.fingerprint === 'string' && typeof index.entries === 'object' ? index : null;
  } catch {
    return null;
  }
}

/** The query's filters and locale, without populate and order: which entries, not what of them. */
const selection = (query: StrapiQuery): StrapiQuery =>
  Object.fromEntries(Object.entries(query).filter(([key]) => key.startsWith('filters') || key === 'locale'));

const INDEX_KEY = 'sito-sync-index';

/**
 * An Astro content loader for one Strapi collection: pages through the REST API, validates every
 * entry with the shared zod schema, and stores the valid ones with a digest so unchanged entries
 * are cheap. An invalid entry is named with each wrong field; it fails the build in strict mode
 * and is skipped and reported otherwise.
 */
export function strapiLoader<S extends z.ZodType>(options: StrapiLoaderOptions<S>): Loader {
  const { client, collection, schema, query, describe, id, strict, report } = options;
  const name = options.name ?? collection;
  return {
    name: `strapi:${name}`,
    async load({ store, meta, logger, generateDigest }) {
      /** The published entries with the previewed document's draft in place of its published version. */
      const withDraft = async (published: unknown[], { documentId, grant }: { documentId: string; grant: string }) => {
        const drafts = await client.getAll(
          collection,
          { ...query, status: 'draft', 'filters[documentId][$eq]': documentId },
          { headers: { 'X-Sito-Preview': grant } },
        );
        if (drafts.length === 0)
          throw new Error(
            `The draft to preview (${name}, documentId ${documentId}) was not found: deleted, or not of this hub.`,
          );
        // A draft has no publication date yet: it is shown as if published now.
        const draft = { ...(drafts[0] as Record<string, unknown>) };
        draft.publishedAt ??= new Date().toISOString();
        const checked = schema.safeParse(draft);
        // The page an editor asked to see cannot be skipped: say what the draft still lacks.
        if (!checked.success)
          throw new ValidationError(`the draft of ${describe(draft)}`, describeIssues(checked.error));
        return [...published.filter((entry) => (entry as { documentId?: unknown }).documentId !== documentId), draft];
      };
      if (process.env.SITO_SKIP_FETCH === '1') {
        logger.info('SITO_SKIP_FETCH=1: not fetching (type checking only)');
        return;
      }
      const fingerprint = generateDigest(
        JSON.stringify([query, romeDate(), options.references ? await options.references() : null]),
      );
      const previous = options.references && !options.draft ? readIndex(meta.get(INDEX_KEY)) : null;
      const index: SyncIndex = { fingerprint, entries: {} };
      let raw: unknown[];
      if (previous?.fingerprint === fingerprint) {
        // One request, whatever the hub's size (cms/src/publishing/listing.ts).
        const listing = await client.listing(collection, selection(query));
        const current = new Map(listing.map((e) => [e.documentId, e.updatedAt]));
        const changed: string[] = [];
        for (const [documentId, updatedAt] of current) {
          const known = previous.entries[documentId];
          if (known && known[1] === updatedAt && store.has(known[0])) index.entries[documentId] = known;
          else changed.push(documentId);
        }
        // Unpublished, deleted, moved to another territory, or changed: out of the store.
        for (const [documentId, [storeId]] of Object.entries(previous.entries))
          if (!index.entries[documentId]) store.delete(storeId);
        raw = [];
        for (let i = 0; i < changed.length; i += 50) {
          const ids = Object.fromEntries(changed.slice(i, i + 50).map((d, n) => [`filters[documentId][$in][${n}]`, d]));
          raw.push(...(await client.getAll(collection, { ...query, ...ids })));
        }
        logger.info(`${changed.length} new or changed, ${listing.length - changed.length} unchanged`);
      } else {
        raw = await client.getAll(collection, query);
        if (options.draft) raw = await withDraft(raw, options.draft);
        store.clear();
      }
      let skipped = 0;
      for (const item of raw) {
        const record = (item ?? {}) as Record<string, unknown>;
        const result = schema.safeParse(item);
        if (!result.success) {
          const error = new ValidationError(describe(record), describeIssues(result.error));
          if (strict) throw error;
          logger.warn(`skipped ${error.message}`);
          report.skipped.push({ collection: name, entry: error.subject, problems: error.problems });
          skipped += 1;
          continue;
        }
        const data = result.data as Record<string, unknown>;
        const storeId = id(result.data);
        store.set({ id: storeId, data, digest: generateDigest(data) });
        index.entries[String(data.documentId)] = [storeId, String(data.updatedAt)];
      }
      for (const { data } of store.values()) {
        // The CMS keeps the flag (SITO_REVIEW_AFTER_DAYS); the report lists flagged entries per hub.
        if (data.toReview === true) {
          report.toReview.push({
            collection: name,
            entry: describe(data),
            lastVerifiedAt: (data.lastVerifiedAt as string | null) ?? null,
          });
        }
      }
      if (options.references && !options.draft) meta.set(INDEX_KEY, JSON.stringify(index));
      const valid = store.keys().length;
      report.entries[name] = valid;
      report.cmsRequests = client.requestCount();
      logger.info(`${valid} ${name} loaded${skipped ? `, ${skipped} skipped` : ''}`);
    },
  };
}
