import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { cmsEnvSchema } from '@sito/shared';
import { loginAdmin, type AdminClient } from '../../scripts/lib/admin-client.ts';
import { generateStrapiSecrets } from '../../scripts/lib/cms-secrets.ts';
import { startCms, type RunningCms } from '../../scripts/lib/cms.ts';
import { createTempDatabase, type DatabaseKind, type TempDatabase } from '../../scripts/lib/temp-database.ts';
import { freePort } from '../../scripts/lib/net.ts';

/** SQLite always; PostgreSQL too when TEST_DATABASE_URL points at a server we may create databases on. */
export function databasesUnderTest(): DatabaseKind[] {
  return process.env.TEST_DATABASE_URL ? ['sqlite', 'postgres'] : ['sqlite'];
}

export type TestDatabase = TempDatabase;
export { loginAdmin, type AdminClient };

export interface TestCms extends RunningCms {
  dir: string;
  database: TestDatabase;
  tokenFile: string;
  logFile: string;
  /** The environment the CMS was booted with (its secrets, including SITO_WORKER_SECRET). */
  env: Record<string, string>;
  /** The read-only builder token the CMS wrote on boot. */
  builderToken(): string;
  /** Stops the CMS (keeping its database) so the same one can be booted again. */
  restart(extraEnv?: Record<string, string>): Promise<void>;
  /** Stops the CMS and removes its database and folder. */
  destroy(): Promise<void>;
  /** Logs in as the development super admin and returns an admin API client. */
  admin(): Promise<AdminClient>;
}

export interface TestCmsOptions {
  database: DatabaseKind;
  seedDemo?: boolean;
  env?: Record<string, string>;
}

/** Boots a real CMS (`strapi start`) on its own port, database and token file. */
export async function startTestCms(options: TestCmsOptions): Promise<TestCms> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sito-cms-'));
  const database = await createTempDatabase(options.database, dir, process.env.TEST_DATABASE_URL);
  const tokenFile = path.join(dir, 'builder-token');
  const logFile = path.join(dir, 'cms.log');
  // Every variable the CMS reads is set here or unset: one exported in the developer's shell
  // (SITO_ADMIN_EMAIL, DATABASE_URL, PUBLIC_URL...) must not change what a test sees.
  const unset = Object.fromEntries(Object.keys(cmsEnvSchema.shape).map((name) => [name, undefined]));
  const baseEnv: Record<string, string | undefined> = {
    ...unset,
    ...generateStrapiSecrets(),
    ...database.env,
    NODE_ENV: 'test',
    SERVE_ADMIN_PANEL: 'false',
    SITO_TOKEN_FILE: tokenFile,
    SITO_SEED_DEMO: options.seedDemo ? 'true' : 'false',
    ...options.env,
  };
  const boot = async (extraEnv: Record<string, string> = {}) =>
    startCms({ port: await freePort(), env: { ...baseEnv, ...extraEnv }, logFile });

  let running: RunningCms;
  try {
    running = await boot();
  } catch (error) {
    await database.drop();
    throw error;
  }
  const cms: TestCms = {
    get url() {
      return running.url;
    },
    get child() {
      return running.child;
    },
    stop: () => running.stop(),
    dir,
    database,
    tokenFile,
    logFile,
    env: Object.fromEntries(
      Object.entries(baseEnv).filter((entry): entry is [string, string] => entry[1] !== undefined),
    ),
    builderToken: () => fs.readFileSync(tokenFile, 'utf8').trim(),
    async restart(extraEnv) {
      await running.stop();
      running = await boot(extraEnv);
    },
    async destroy() {
      await running.stop();
      await database.drop();
      fs.rmSync(dir, { recursive: true, force: true });
    },
    admin: () => loginAdmin(running.url),
  };
  return cms;
}

/** Creates an entry through the content manager as this admin (and publishes it): its documentId. */
export async function createEntry(
  client: AdminClient,
  uid: string,
  data: Record<string, unknown>,
  publish = true,
): Promise<string> {
  const base = `/content-manager/collection-types/${uid}`;
  const created = await client.request('POST', `${base}?locale=it`, data);
  if (created.status !== 201)
    throw new Error(`Creating ${uid} answered ${created.status}: ${JSON.stringify(created.body)}`);
  const documentId = created.body.data.documentId as string;
  if (publish) {
    const published = await client.request('POST', `${base}/${documentId}/actions/publish?locale=it`, {});
    if (published.status !== 200)
      throw new Error(
        `Publishing ${uid} ${documentId} answered ${published.status}: ${JSON.stringify(published.body)}`,
      );
  }
  return documentId;
}
