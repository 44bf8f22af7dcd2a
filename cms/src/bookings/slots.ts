import type { Core } from '@strapi/strapi';
import { slotKey } from '@sito/shared';
import { isUniqueViolation } from '../publishing/store';

/**
 * Which slots are taken, in a table of our own, `sito_booking_slots`, created at boot: one row per
 * live booking (requested or confirmed), keyed by territory, contact point and start (also kept in
 * columns of their own, which the slot listing reads). The primary
 * key is what makes «two people never get the same slot» hold under concurrent requests, on SQLite
 * and PostgreSQL alike: the second insert fails, its transaction rolls back, and the booking it
 * belonged to is never stored. Rows are written by the booking middleware (./middleware.ts) in the
 * booking's own transaction, so the admin, the public endpoint and scripts all go through it.
 */
export const SLOT_TABLE = 'sito_booking_slots';

export interface SlotClaim {
  territory: string;
  point: string;
  startsAt: string;
  booking: string;
}

export async function ensureSlotTable(strapi: Core.Strapi): Promise<void> {
  // A knex schema builder runs every statement it was given at each await: a fresh one each time.
  const schema = () => strapi.db.getSchemaConnection();
  if (!(await schema().hasTable(SLOT_TABLE)))
    await schema().createTable(SLOT_TABLE, (t) => {
      t.string('slot_key', 300).primary();
      t.string('territory', 64).notNullable();
      t.string('booking', 64).notNullable();
      t.bigInteger('starts_at').notNullable();
      t.index(['territory', 'starts_at'], 'sito_booking_slots_territory_start');
      t.index(['booking'], 'sito_booking_slots_booking');
    });
  // The contact point in a column of its own (tables from before had it only inside the key).
  if (!(await schema().hasColumn(SLOT_TABLE, 'point'))) {
    await schema().alterTable(SLOT_TABLE, (t) => {
      t.string('point', 200);
      t.index(['territory', 'point', 'starts_at'], 'sito_booking_slots_point_start');
    });
    const rows = (await strapi.db.getConnection(SLOT_TABLE).select('slot_key', 'territory')) as Array<{
      slot_key: string;
      territory: string;
    }>;
    for (const row of rows)
      await strapi.db
        .getConnection(SLOT_TABLE)
        .where('slot_key', row.slot_key)
        .update({ point: row.slot_key.slice(row.territory.length + 1, row.slot_key.lastIndexOf('|')) });
  }
}

/** Runs `work` on the table, inside the current transaction when there is one. */
async function onTable<T>(
  strapi: Core.Strapi,
  work: (table: () => ReturnType<Core.Strapi['db']['getConnection']>) => Promise<T>,
) {
  const schemaName = strapi.db.getSchemaName();
  if (!strapi.db.inTransaction()) return work(() => strapi.db.getConnection(SLOT_TABLE));
  return strapi.db.transaction(async ({ trx }) =>
    work(() => (schemaName ? trx(SLOT_TABLE).withSchema(schemaName) : trx(SLOT_TABLE)) as never),
  );
}

/**
 * Makes the table say what a booking holds: no slot once it is cancelled or deleted, its slot
 * otherwise. Answers false when another booking holds that slot (nothing changed for this one).
 */
export async function holdSlot(strapi: Core.Strapi, booking: string, claim: Omit<SlotClaim, 'booking'> | null) {
  return onTable(strapi, async (table) => {
    await table().where('booking', booking).delete();
    if (!claim) return true;
    try {
      await table().insert({
        slot_key: slotKey(claim.territory, claim.point, claim.startsAt),
        territory: claim.territory,
        point: claim.point,
        booking,
        starts_at: Date.parse(claim.startsAt),
      });
      return true;
    } catch (error) {
      if (isUniqueViolation(error)) return false;
      throw error;
    }
  });
}

/** The starts (UTC instants) already taken at a territory's contact point, from `from` on. */
export async function takenSlots(
  strapi: Core.Strapi,
  territory: string,
  point: string,
  from: Date,
): Promise<Set<string>> {
  const rows = (await strapi.db
    .getConnection(SLOT_TABLE)
    .where({ territory, point })
    .andWhere('starts_at', '>=', from.getTime())
    .select('starts_at')) as Array<{ starts_at: number | string }>;
  return new Set(rows.map((row) => new Date(Number(row.starts_at)).toISOString()));
}

/** Past slots hold nothing: forgotten once their booking is erased (submissions/retention.ts). */
export async function forgetSlotsBefore(strapi: Core.Strapi, before: Date): Promise<void> {
  await strapi.db.getConnection(SLOT_TABLE).where('starts_at', '<', before.getTime()).delete();
}
