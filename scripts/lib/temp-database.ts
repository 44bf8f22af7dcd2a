import crypto from 'node:crypto';
import path from 'node:path';
import pg from 'pg';

export type DatabaseKind = 'sqlite' | 'postgres';

/**
 * A database of its own for one temporary CMS (tests, benchmark): a SQLite file in `dir`, or a
 * fresh PostgreSQL database created through `adminUrl` and dropped afterwards.
 */
export interface TempDatabase {
  kind: DatabaseKind;
  env: Record<string, string>;
  drop(): Promise<void>;
}

export async function createTempDatabase(kind: DatabaseKind, dir: string, adminUrl?: string): Promise<TempDatabase> {
  if (kind === 'sqlite') {
    return { kind, env: { DATABASE_FILENAME: path.join(dir, 'data.db') }, drop: async () => {} };
  }
  if (!adminUrl) throw new Error('A PostgreSQL URL is needed to create a temporary database (TEST_DATABASE_URL).');
  const name = `sito_tmp_${crypto.randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  // CREATE DATABASE cannot run inside a transaction: one statement per query.
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    kind,
    env: { DATABASE_URL: url.href },
    async drop() {
      const client = new pg.Client({ connectionString: adminUrl });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
    },
  };
}
