import { createRequire } from 'node:module';
import path from 'node:path';
import pg from 'pg';
import { CMS_DIR } from '../../scripts/lib/paths.ts';
import type { TempDatabase } from '../../scripts/lib/temp-database.ts';

/** The CMS's own SQLite driver: the tests read the file the CMS writes, with the same library. */
const Sqlite = createRequire(path.join(CMS_DIR, 'package.json'))('better-sqlite3') as new (
  file: string,
  options: { readonly: boolean; timeout: number },
) => { prepare(sql: string): { all(...args: unknown[]): unknown[] }; close(): void };

/**
 * Reads the CMS database directly, bypassing Strapi: what is stored, not what an API answers.
 * Security tests assert on this after every hostile request.
 */
export async function queryStored<T = Record<string, unknown>>(
  cms: { database: Pick<TempDatabase, 'kind' | 'env'> },
  sql: string,
): Promise<T[]> {
  if (cms.database.kind === 'sqlite') {
    const db = new Sqlite(cms.database.env.DATABASE_FILENAME!, { readonly: true, timeout: 10_000 });
    try {
      return db.prepare(sql).all() as T[];
    } finally {
      db.close();
    }
  }
  const url = cms.database.env.DATABASE_URL!;
  let client = clients.get(url);
  if (!client) {
    client = (async () => {
      const connection = new pg.Client({ connectionString: url });
      // Dropping the test database ends the connection from the server's side: not an error here.
      connection.on('error', () => {});
      await connection.connect();
      return connection;
    })();
    clients.set(url, client);
  }
  return (await (await client).query(sql)).rows as T[];
}

/** One connection per PostgreSQL test database, kept for the file's many reads. */
const clients = new Map<string, Promise<pg.Client>>();

/** Closes the connections queryStored opened (before the test database is dropped). */
export async function closeStoredReads(): Promise<void> {
  const open = [...clients.values()];
  clients.clear();
  await Promise.all(open.map(async (client) => (await client).end().catch(() => {})));
}

/** Table and link-table names of a content type, as Strapi 5 names them. */
export interface StoredType {
  uid: string;
  table: string;
  /** The column of the link table that points at the entry (`<singular name>_id`). */
  column: string;
}

/**
 * Who owns every version of every entry of these types: `uid|documentId|locale|draft or published`
 * → `territory documentId or -|regional`. Two snapshots are equal when no entry changed owner, none
 * became regional, and none appeared or vanished.
 */
export async function ownershipSnapshot(
  cms: { database: Pick<TempDatabase, 'kind' | 'env'> },
  types: StoredType[],
): Promise<Map<string, string>> {
  const rows = await queryStored<{
    uid: string;
    document_id: string;
    locale: string | null;
    published: number | string;
    regional: number | boolean | null;
    owner: string | null;
  }>(
    cms,
    types
      .map(
        (type) => `SELECT '${type.uid}' AS uid, e.document_id, e.locale,
                CASE WHEN e.published_at IS NULL THEN 0 ELSE 1 END AS published, e.regional, t.document_id AS owner
           FROM ${type.table} e
           LEFT JOIN ${type.table}_territory_lnk l ON l.${type.column} = e.id
           LEFT JOIN territories t ON t.id = l.territory_id`,
      )
      .join(' UNION ALL '),
  );
  const snapshot = new Map<string, string>();
  for (const row of rows) {
    const key = `${row.uid}|${row.document_id}|${row.locale ?? ''}|${Number(row.published) ? 'published' : 'draft'}`;
    snapshot.set(key, `${row.owner ?? '-'}|${Boolean(Number(row.regional))}`);
  }
  return snapshot;
}

/** The differences between two snapshots, one line each, for an assertion's message. */
export function snapshotDiff(before: Map<string, string>, after: Map<string, string>): string[] {
  const keys = new Set([...before.keys(), ...after.keys()]);
  return [...keys]
    .filter((key) => before.get(key) !== after.get(key))
    .map((key) => `${key}: ${before.get(key) ?? '(none)'} → ${after.get(key) ?? '(none)'}`);
}
