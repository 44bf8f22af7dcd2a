import type { Core } from '@strapi/strapi';
import { REPLAY_WINDOW_MS } from '@sito/shared/signing';
import { isUniqueViolation } from './store';

/**
 * The message ids of the workers' signed requests, remembered in the CMS database
 * (`sito_seen_messages`) so that a request replayed to another CMS process, or after a restart,
 * is refused as surely as one replayed to the same process. The primary key decides: of two
 * processes receiving the same message, only one inserts it. Ids are forgotten once their
 * timestamp is too old to pass the signature check anyway.
 */
export const SEEN_TABLE = 'sito_seen_messages';

export function createReplayStore(strapi: Core.Strapi, now: () => number = Date.now) {
  const table = () => strapi.db.getConnection(SEEN_TABLE);
  let lastPrune = 0;

  async function ensureTable(): Promise<void> {
    const schema = strapi.db.getSchemaConnection();
    if (await schema.hasTable(SEEN_TABLE)) return;
    await schema.createTable(SEEN_TABLE, (t) => {
      t.string('id', 200).primary();
      t.bigInteger('seen_at').notNullable();
      t.index(['seen_at'], 'sito_seen_messages_seen_at');
    });
  }

  /** True the first time a message id is presented, false for every replay. */
  async function firstSeen(id: string): Promise<boolean> {
    const t = now();
    if (t - lastPrune > 60_000) {
      lastPrune = t;
      await table()
        .where('seen_at', '<', t - REPLAY_WINDOW_MS)
        .delete();
    }
    try {
      await table().insert({ id, seen_at: t });
      return true;
    } catch (error) {
      if (isUniqueViolation(error)) return false;
      throw error;
    }
  }

  return { ensureTable, firstSeen };
}

let instance: ReturnType<typeof createReplayStore> | undefined;
export function replayStore(strapi: Core.Strapi) {
  instance ??= createReplayStore(strapi);
  return instance;
}
