import type { Core } from '@strapi/strapi';

/**
 * The columns the hubs and the public API sort their lists by (sites/src/content.config.ts).
 * Strapi indexes only its own columns; without these, every list request sorts the whole table:
 * at 10,000 opportunities the public list at 50 requests/s went from p50 13.5 ms with the index
 * to 780 ms and errors without it (pnpm bench measures it).
 */
export const SORT_INDEXES = [
  { uid: 'api::opportunity.opportunity', attribute: 'deadline' },
  { uid: 'api::event.event', attribute: 'startsAt' },
  { uid: 'api::question.question', attribute: 'answeredOn' },
  { uid: 'api::news.news', attribute: 'date' },
] as const;

export const sortIndexName = (table: string, column: string) => `sito_${table}_${column}_idx`;

/** Creates the sort indexes that are missing (on every boot: SQLite and PostgreSQL alike). */
export async function ensureSortIndexes(strapi: Core.Strapi): Promise<void> {
  const knex = strapi.db.connection;
  for (const { uid, attribute } of SORT_INDEXES) {
    const meta = strapi.db.metadata.get(uid);
    const column = (meta.attributes[attribute] as { columnName?: string } | undefined)?.columnName;
    if (!column) throw new Error(`[sito] ${uid} has no column for "${attribute}" to index.`);
    await knex.raw('CREATE INDEX IF NOT EXISTS ?? ON ?? (??)', [
      sortIndexName(meta.tableName, column),
      meta.tableName,
      column,
    ]);
  }
}
