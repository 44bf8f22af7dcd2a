import type { Core } from '@strapi/strapi';
import { CONTENT_FIGURES, romeDate } from '@sito/shared';

/**
 * The daily snapshots behind the monitoring's trends, in a table of our own: one row per day and
 * territory (by documentId, so a renamed territory keeps its history), the figures as JSON.
 * Recorded at every boot and every night (config/cron-tasks.ts); recording twice on one day
 * replaces that day's row, so a day never counts twice.
 */
export const SNAPSHOT_TABLE = 'sito_monitoring_snapshots';
export const HISTORY_WEEKS = 12;

/** The figures a snapshot keeps: the numbers, not names or releases. */
export const SNAPSHOT_FIGURES = [
  ...CONTENT_FIGURES,
  'waitingQuestions',
  'waitingBookings',
  'waitingOffers',
  'failedBuilds7Days',
] as const;
export type SnapshotFigures = Record<(typeof SNAPSHOT_FIGURES)[number], number>;

export async function ensureSnapshotTable(strapi: Core.Strapi): Promise<void> {
  const schema = strapi.db.getSchemaConnection();
  if (await schema.hasTable(SNAPSHOT_TABLE)) return;
  await schema.createTable(SNAPSHOT_TABLE, (t) => {
    t.string('day', 10).notNullable();
    t.string('territory', 64).notNullable();
    t.text('figures').notNullable();
    t.bigInteger('recorded_at').notNullable();
    t.primary(['day', 'territory']);
  });
}

/** Writes today's row (in Rome) for each territory, replacing any recorded earlier today. */
export async function recordSnapshot(
  strapi: Core.Strapi,
  rows: ReadonlyArray<{ documentId: string } & SnapshotFigures>,
  now = new Date(),
): Promise<number> {
  if (rows.length === 0) return 0;
  const day = romeDate(now);
  await strapi.db
    .getConnection(SNAPSHOT_TABLE)
    .insert(
      rows.map((row) => ({
        day,
        territory: row.documentId,
        figures: JSON.stringify(Object.fromEntries(SNAPSHOT_FIGURES.map((key) => [key, row[key]]))),
        recorded_at: now.getTime(),
      })),
    )
    .onConflict(['day', 'territory'])
    .merge(['figures', 'recorded_at']);
  return rows.length;
}

/** The snapshots of these territories from `since` (a day, inclusive), oldest first. */
export async function snapshotsSince(
  strapi: Core.Strapi,
  territories: string[],
  since: string,
): Promise<Array<{ day: string; territoryId: string } & SnapshotFigures>> {
  if (territories.length === 0) return [];
  const rows = (await strapi.db
    .getConnection(SNAPSHOT_TABLE)
    .select('day', 'territory', 'figures')
    .whereIn('territory', territories)
    .where('day', '>=', since)
    .orderBy([{ column: 'day' }, { column: 'territory' }])) as Array<{
    day: string;
    territory: string;
    figures: string;
  }>;
  return rows.map((row) => ({
    day: row.day,
    territoryId: row.territory,
    ...(JSON.parse(row.figures) as SnapshotFigures),
  }));
}
