import path from 'node:path';
import type { Core } from '@strapi/strapi';
import { cmsEnv } from '../src/cms-env';

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
    },
  };
};

export default config;
