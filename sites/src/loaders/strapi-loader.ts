import type { Loader } from 'astro/loaders';
import { describeIssues, ValidationError } from '@sito/shared';
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
  report: BuildReport;
}

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
    async load({ store, logger, generateDigest }) {
      if (process.env.SITO_SKIP_FETCH === '1') {
        logger.info('SITO_SKIP_FETCH=1: not fetching (type checking only)');
        return;
      }
      const raw = await client.getAll(collection, query);
      store.clear();
      let valid = 0;
      for (const item of raw) {
        const record = (item ?? {}) as Record<string, unknown>;
        const result = schema.safeParse(item);
        if (!result.success) {
          const error = new ValidationError(describe(record), describeIssues(result.error));
          if (strict) throw error;
          logger.warn(`skipped ${error.message}`);
          report.skipped.push({ collection: name, entry: error.subject, problems: error.problems });
          continue;
        }
        const data = result.data as Record<string, unknown>;
        store.set({ id: id(result.data), data, digest: generateDigest(data) });
        // The CMS keeps the flag (SITO_REVIEW_AFTER_DAYS); the report lists flagged entries per hub.
        if (data.toReview === true) {
          report.toReview.push({
            collection: name,
            entry: describe(record),
            lastVerifiedAt: (data.lastVerifiedAt as string | null) ?? null,
          });
        }
        valid += 1;
      }
      report.entries[name] = valid;
      report.cmsRequests = client.requestCount();
      logger.info(`${valid} ${name} loaded${raw.length > valid ? `, ${raw.length - valid} skipped` : ''}`);
    },
  };
}
