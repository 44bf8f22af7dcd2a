import type { Core } from '@strapi/strapi';

/**
 * Submissions counted per address and per territory in the CMS database (`sito_submission_events`),
 * so that every CMS process sees the same counts and a restart forgets nothing.
 */
export const RATE_TABLE = 'sito_submission_events';

/**
 * At most so many submissions in so many minutes: per address 5 in 10 minutes, per territory 100
 * in an hour, unless SITO_SUBMISSIONS_PER_ADDRESS and SITO_SUBMISSIONS_PER_TERRITORY say otherwise.
 */
export const rateLimits = (env: { SITO_SUBMISSIONS_PER_ADDRESS: number; SITO_SUBMISSIONS_PER_TERRITORY: number }) =>
  ({
    address: { limit: env.SITO_SUBMISSIONS_PER_ADDRESS, minutes: 10 },
    territory: { limit: env.SITO_SUBMISSIONS_PER_TERRITORY, minutes: 60 },
  }) as const;

export function createRateStore(strapi: Core.Strapi, now: () => number = Date.now) {
  const table = () => strapi.db.getConnection(RATE_TABLE);

  async function ensureTable(): Promise<void> {
    const schema = strapi.db.getSchemaConnection();
    if (await schema.hasTable(RATE_TABLE)) return;
    await schema.createTable(RATE_TABLE, (t) => {
      t.increments('id');
      t.string('rate_key', 200).notNullable();
      t.bigInteger('at').notNullable();
      t.index(['rate_key', 'at'], 'sito_submission_events_key_at');
    });
  }

  /**
   * Counts one submission under each key; answers the first limit it would exceed (in which case
   * nothing is counted), or null.
   */
  async function take(keys: Array<{ key: string; limit: number; minutes: number }>): Promise<string | null> {
    const t = now();
    for (const { key, limit, minutes } of keys) {
      const row = (await table()
        .where('rate_key', key)
        .andWhere('at', '>', t - minutes * 60_000)
        .count({ n: '*' })
        .first()) as { n: number | string } | undefined;
      if (Number(row?.n ?? 0) >= limit) return key;
    }
    await table().insert(keys.map(({ key }) => ({ rate_key: key, at: t })));
    // Older events count for nothing: forget them now and then.
    if (Math.random() < 0.05)
      await table()
        .where('at', '<', t - 24 * 60 * 60_000)
        .delete();
    return null;
  }

  return { ensureTable, take };
}

let instance: ReturnType<typeof createRateStore> | undefined;
export function rateStore(strapi: Core.Strapi) {
  instance ??= createRateStore(strapi);
  return instance;
}
