import path from 'node:path';
import type { Core } from '@strapi/strapi';
import { cmsEnv } from '../src/cms-env';

/** The better-sqlite3 connection knex hands to `afterCreate`. */
type SqliteConnection = { pragma(source: string): unknown };

/**
 * SQLite by default (a file under cms/.tmp, never committed); PostgreSQL when DATABASE_URL is set.
 */
const config = ({ env }: Core.Config.Shared.ConfigParams): Core.Config.Database => {
  const { DATABASE_URL, DATABASE_SCHEMA, DATABASE_FILENAME } = cmsEnv();
  const timeout = env.int('DATABASE_CONNECTION_TIMEOUT', 60000);

  if (DATABASE_URL) {
    const url = new URL(DATABASE_URL);
    return {
      connection: {
        client: 'postgres',
        connection: {
          connectionString: DATABASE_URL,
          host: url.hostname,
          port: Number(url.port || 5432),
          database: decodeURIComponent(url.pathname.slice(1)),
          user: decodeURIComponent(url.username),
          password: decodeURIComponent(url.password),
          schema: DATABASE_SCHEMA,
        },
        pool: { min: env.int('DATABASE_POOL_MIN', 0), max: env.int('DATABASE_POOL_MAX', 10) },
        acquireConnectionTimeout: timeout,
      },
    };
  }

  return {
    connection: {
      client: 'sqlite',
      // dist/config/ -> cms/
      connection: { filename: path.resolve(__dirname, '..', '..', DATABASE_FILENAME) },
      useNullAsDefault: true,
      acquireConnectionTimeout: timeout,
      // Write-ahead logging: readers never wait for a writer, and a commit appends to the log
      // instead of rewriting the file through a rollback journal; with synchronous=NORMAL a commit
      // survives a crash of the CMS (only a power cut may lose the last ones). SQLite's own advice
      // for a server; every submission and publish is a commit (docs/configuration.md).
      pool: {
        afterCreate: (connection: unknown, done: (error?: Error, connection?: unknown) => void) => {
          try {
            (connection as SqliteConnection).pragma('journal_mode = WAL');
            (connection as SqliteConnection).pragma('synchronous = NORMAL');
            done(undefined, connection);
          } catch (error) {
            done(error as Error, connection);
          }
        },
      },
    },
  };
};

export default config;
