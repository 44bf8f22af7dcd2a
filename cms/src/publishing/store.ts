import type { Core } from '@strapi/strapi';
import type { Build, BuildStatus } from '@sito/shared';

/**
 * Build requests, stored in the CMS database (SQLite or PostgreSQL) in a table of our own,
 * `sito_builds`, created at boot beside Strapi's tables (Strapi leaves tables it did not create
 * alone). One row is one build of one hub: queued, then running, then succeeded, failed or
 * cancelled. Two partial unique indexes make the rules hold whatever runs concurrently:
 * at most one queued row per hub (new events are coalesced into it) and at most one running row
 * per hub (two workers never build the same hub at once).
 */
export const TABLE = 'sito_builds';
const MAX_TRIGGERS = 12;

export interface Hub {
  /** The territory's documentId: stable when the slug changes. */
  id: string;
  slug: string;
}

export interface StoreSettings {
  windowMs: number;
  maxWaitMs: number;
  leaseMs: number;
  maxAttempts: number;
  retryBaseMs: number;
}

interface Row {
  id: number;
  hub_id: string;
  hub: string;
  status: BuildStatus;
  triggers: string;
  events: number | string;
  attempts: number | string;
  requested_at: number | string;
  not_before: number | string;
  deadline_at: number | string;
  started_at: number | string | null;
  heartbeat_at: number | string | null;
  finished_at: number | string | null;
  duration_ms: number | string | null;
  worker: string | null;
  release: string | null;
  error: string | null;
  log_tail: string | null;
}

const num = (value: number | string | null): number | null => (value === null ? null : Number(value));
const iso = (value: number | string | null) => (value === null ? null : new Date(Number(value)).toISOString());

export function toBuild(row: Row): Build {
  return {
    id: Number(row.id),
    hubId: row.hub_id,
    hub: row.hub,
    status: row.status,
    triggers: JSON.parse(row.triggers) as string[],
    events: Number(row.events),
    attempts: Number(row.attempts),
    requestedAt: iso(row.requested_at)!,
    notBefore: iso(row.not_before)!,
    startedAt: iso(row.started_at),
    finishedAt: iso(row.finished_at),
    durationMs: num(row.duration_ms),
    worker: row.worker,
    release: row.release,
    error: row.error,
    logTail: row.log_tail,
  };
}

/** A unique index refused the write: another process got there first. */
export function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: string; message?: string };
  return (
    e.code === '23505' || e.code === 'SQLITE_CONSTRAINT_UNIQUE' || /UNIQUE constraint failed/.test(e.message ?? '')
  );
}

const addTriggers = (json: string, trigger: string) => {
  const list = [...(JSON.parse(json) as string[]), trigger];
  return JSON.stringify(list.slice(-MAX_TRIGGERS));
};

export function createBuildStore(strapi: Core.Strapi, settings: StoreSettings, now: () => number = Date.now) {
  const table = () => strapi.db.getConnection(TABLE);

  async function ensureTable(): Promise<void> {
    const schema = strapi.db.getSchemaConnection();
    if (!(await schema.hasTable(TABLE))) {
      await schema.createTable(TABLE, (t) => {
        t.increments('id');
        t.string('hub_id', 64).notNullable();
        t.string('hub', 120).notNullable();
        t.string('status', 16).notNullable();
        t.text('triggers').notNullable();
        t.integer('events').notNullable().defaultTo(1);
        t.integer('attempts').notNullable().defaultTo(0);
        t.bigInteger('requested_at').notNullable();
        t.bigInteger('not_before').notNullable();
        t.bigInteger('deadline_at').notNullable();
        t.bigInteger('started_at');
        t.bigInteger('heartbeat_at');
        t.bigInteger('finished_at');
        t.integer('duration_ms');
        t.string('worker', 80);
        t.string('release', 100);
        t.text('error');
        t.text('log_tail');
        t.index(['hub_id', 'id'], 'sito_builds_hub');
        t.index(['status', 'not_before'], 'sito_builds_due');
      });
    }
    // Partial unique indexes: the same SQL works on SQLite and PostgreSQL.
    const qualified = strapi.db.getSchemaName() ? `"${strapi.db.getSchemaName()}"."${TABLE}"` : `"${TABLE}"`;
    for (const status of ['queued', 'running']) {
      await strapi.db.connection.raw(
        `CREATE UNIQUE INDEX IF NOT EXISTS sito_builds_one_${status} ON ${qualified} (hub_id) WHERE status = '${status}'`,
      );
    }
  }

  /**
   * Queues a build of each hub, or coalesces into the hub's queued build: its window slides
   * (`notBefore` moves to now + window) but never past its deadline (first event + max wait).
   * Returns when the request is stored.
   */
  async function enqueue(hubs: Hub[], trigger: string, options: { immediate?: boolean } = {}): Promise<void> {
    // Inside a Document Service action the request joins its transaction: stored with the change
    // or not at all (and SQLite's single connection is the transaction's).
    if (strapi.db.inTransaction()) {
      return strapi.db.transaction(async ({ trx }) => {
        const schemaName = strapi.db.getSchemaName();
        return enqueueWith(() => (schemaName ? trx(TABLE).withSchema(schemaName) : trx(TABLE)), hubs, trigger, options);
      });
    }
    return enqueueWith(table, hubs, trigger, options);
  }

  async function enqueueWith(
    table: () => ReturnType<Core.Strapi['db']['getConnection']>,
    hubs: Hub[],
    trigger: string,
    options: { immediate?: boolean },
  ): Promise<void> {
    for (const hub of hubs) {
      for (let attempt = 0; attempt < 5; attempt += 1) {
        const t = now();
        const queued = (await table().where({ hub_id: hub.id, status: 'queued' }).first()) as Row | undefined;
        if (queued) {
          // Not due yet: the window slides, up to the deadline. Already due: it stays due.
          const current = Number(queued.not_before);
          const slid = Math.min(t + settings.windowMs, Number(queued.deadline_at));
          const notBefore = options.immediate ? t : current <= t ? current : Math.max(current, slid);
          const changed = await table()
            .where({ id: queued.id, status: 'queued' })
            .update({
              events: strapi.db.connection.raw('events + 1'),
              triggers: addTriggers(queued.triggers, trigger),
              not_before: notBefore,
              hub: hub.slug,
            });
          if (changed === 1) break;
          continue; // Claimed or cancelled meanwhile: queue a new one.
        }
        // Leading edge: a hub with no build running is built at once (a single publish is live as
        // soon as possible); while one runs, the next request waits out the window, so a burst
        // gives one more build, not one per publish.
        const running = options.immediate
          ? undefined
          : ((await table().where({ hub_id: hub.id, status: 'running' }).first('id')) as Row | undefined);
        const notBefore = options.immediate || !running ? t : t + settings.windowMs;
        // ON CONFLICT DO NOTHING rather than catching the error: a failed statement would abort
        // the surrounding transaction on PostgreSQL. Nothing inserted: another process queued one
        // for this hub a moment ago, and the next turn coalesces into it.
        const inserted = await table()
          .insert({
            hub_id: hub.id,
            hub: hub.slug,
            status: 'queued',
            triggers: JSON.stringify([trigger]),
            events: 1,
            attempts: 0,
            requested_at: t,
            not_before: notBefore,
            deadline_at: t + settings.maxWaitMs,
          })
          .onConflict()
          .ignore()
          .returning('id');
        if (inserted.length > 0) break;
      }
    }
  }

  /** Puts a running build back in the queue (or fails it for good), after a failure or a lost worker. */
  async function retryOrFail(row: Row, error: string, logTail: string | null, options: { backoff: boolean }) {
    const t = now();
    const attempts = Number(row.attempts);
    const finish = (status: BuildStatus, message: string) =>
      table()
        .where({ id: row.id, status: 'running' })
        .update({ status, error: message, log_tail: logTail, finished_at: t, worker: row.worker });
    if (attempts >= settings.maxAttempts) {
      await finish('failed', `${error} (tentativo ${attempts} di ${settings.maxAttempts}: non verrà ritentata)`);
      return null;
    }
    const queued = (await table().where({ hub_id: row.hub_id, status: 'queued' }).first()) as Row | undefined;
    if (queued) {
      // A newer request for the hub is waiting: it will build the latest content anyway.
      await finish('failed', `${error} (sostituita dalla richiesta #${queued.id})`);
      await table()
        .where({ id: queued.id })
        .update({ triggers: addTriggers(queued.triggers, `ritentativo della #${row.id}`) });
      return iso(queued.not_before);
    }
    const delay = options.backoff ? Math.min(settings.retryBaseMs * 2 ** (attempts - 1), 600_000) : 0;
    try {
      await table()
        .where({ id: row.id, status: 'running' })
        .update({ status: 'queued', not_before: t + delay, error, log_tail: logTail, worker: null });
      return iso(t + delay);
    } catch (e) {
      if (!isUniqueViolation(e)) throw e;
      await finish('failed', `${error} (sostituita da una richiesta più recente)`);
      return null;
    }
  }

  /** Running builds whose worker stopped reporting are taken back. */
  async function recoverExpired(): Promise<void> {
    const expired = (await table()
      .where({ status: 'running' })
      .andWhere('heartbeat_at', '<', now() - settings.leaseMs)) as Row[];
    for (const row of expired) {
      await retryOrFail(row, `Il worker ${row.worker ?? '?'} ha smesso di rispondere durante la build`, row.log_tail, {
        backoff: true,
      });
    }
  }

  /**
   * A worker claims the next due build of a hub nobody is building: one conditional UPDATE, which
   * only one worker can win; the unique index on running builds refuses a second running build of
   * the same hub even if two workers race for two queued rows of it.
   */
  async function claim(worker: string): Promise<Build | null> {
    await recoverExpired();
    const t = now();
    const busy = table().select('hub_id').where({ status: 'running' });
    const due = (await table()
      .where({ status: 'queued' })
      .andWhere('not_before', '<=', t)
      .whereNotIn('hub_id', busy)
      .orderBy([{ column: 'not_before' }, { column: 'id' }])
      .limit(10)) as Row[];
    for (const row of due) {
      try {
        const won = await table()
          .where({ id: row.id, status: 'queued' })
          .update({
            status: 'running',
            worker,
            started_at: t,
            heartbeat_at: t,
            attempts: Number(row.attempts) + 1,
            error: null,
          });
        if (won === 1) return toBuild((await table().where({ id: row.id }).first()) as Row);
      } catch (error) {
        if (!isUniqueViolation(error)) throw error;
      }
    }
    return null;
  }

  /** Milliseconds until the next queued build is due (null: none queued), so an idle worker can wait that long. */
  async function nextDueIn(): Promise<number | null> {
    const row = (await table().where({ status: 'queued' }).min({ due: 'not_before' }).first()) as
      { due: number | string | null } | undefined;
    return row?.due == null ? null : Math.max(0, Number(row.due) - now());
  }

  /** Keeps a worker's claim alive; false when the build is no longer its own (cancelled or taken back). */
  async function heartbeat(worker: string, id: number): Promise<boolean> {
    const changed = await table().where({ id, status: 'running', worker }).update({ heartbeat_at: now() });
    return changed === 1;
  }

  async function complete(
    worker: string,
    id: number,
    result: { release: string; durationMs: number; logTail: string },
  ): Promise<boolean> {
    const changed = await table().where({ id, status: 'running', worker }).update({
      status: 'succeeded',
      release: result.release,
      duration_ms: result.durationMs,
      log_tail: result.logTail,
      finished_at: now(),
      error: null,
    });
    return changed === 1;
  }

  /** A failed build: retried with backoff, or failed for good. Returns when it will be retried. */
  async function fail(
    worker: string,
    id: number,
    result: { error: string; logTail: string },
  ): Promise<{ found: boolean; retryAt: string | null }> {
    const row = (await table().where({ id, status: 'running', worker }).first()) as Row | undefined;
    if (!row) return { found: false, retryAt: null };
    return { found: true, retryAt: await retryOrFail(row, result.error, result.logTail, { backoff: true }) };
  }

  /** A worker restarting under the same name takes back what it was building when it stopped. */
  async function recover(worker: string): Promise<number> {
    const rows = (await table().where({ status: 'running', worker })) as Row[];
    for (const row of rows) {
      await retryOrFail(row, `Il worker ${worker} si è riavviato durante la build`, row.log_tail, { backoff: false });
    }
    return rows.length;
  }

  /** Cancels a queued or running build (a running one is abandoned at its worker's next heartbeat). */
  async function cancel(id: number, by: string): Promise<Build | null> {
    await table()
      .where({ id })
      .whereIn('status', ['queued', 'running'])
      .update({ status: 'cancelled', finished_at: now(), error: `Annullata da ${by}` });
    const row = (await table().where({ id }).first()) as Row | undefined;
    return row ? toBuild(row) : null;
  }

  async function find(id: number): Promise<Build | null> {
    const row = (await table().where({ id }).first()) as Row | undefined;
    return row ? toBuild(row) : null;
  }

  /** The latest builds of some hubs (all of them when `hubIds` is undefined), newest first. */
  async function list(hubIds: string[] | undefined, limit = 20): Promise<Build[]> {
    const query = table().orderBy('id', 'desc').limit(limit);
    if (hubIds) query.whereIn('hub_id', hubIds);
    return ((await query) as Row[]).map(toBuild);
  }

  /** Per hub, the last successful build (what is live) and when the last build that covers now started. */
  async function lastBuilds(hubId: string): Promise<{ live: Build | null; coveredSince: number | null }> {
    const live = (await table().where({ hub_id: hubId, status: 'succeeded' }).orderBy('id', 'desc').first()) as
      Row | undefined;
    const running = (await table().where({ hub_id: hubId, status: 'running' }).first()) as Row | undefined;
    const since = [live?.started_at, running?.started_at].filter((v) => v !== null && v !== undefined).map(Number);
    return { live: live ? toBuild(live) : null, coveredSince: since.length ? Math.max(...since) : null };
  }

  return { ensureTable, enqueue, claim, nextDueIn, heartbeat, complete, fail, recover, cancel, find, list, lastBuilds };
}

export type BuildStore = ReturnType<typeof createBuildStore>;
