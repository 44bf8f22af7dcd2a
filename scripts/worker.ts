import os from 'node:os';
import { builderEnvSchema, parseEnv, workerIdSchema, workerSecretSchema } from '@sito/shared';
import { z } from 'zod';
import { DEFAULT_TOKEN_FILE, RELEASES_DIR } from './lib/paths.ts';
import { createWorker } from './lib/publishing/worker.ts';

/** What a build worker reads from its environment. */
export const workerEnvSchema = z.object({
  SITO_CMS_URL: builderEnvSchema.shape.SITO_CMS_URL,
  /** The same secret as the CMS's: it signs every request the worker makes. */
  SITO_WORKER_SECRET: workerSecretSchema,
  /** A stable name: a worker restarted under the same name takes back its interrupted build. */
  SITO_WORKER_ID: workerIdSchema.default(`${os.hostname().replace(/[^A-Za-z0-9._:-]/g, '-')}-1`),
  SITO_TOKEN_FILE: z.string().min(1).default(DEFAULT_TOKEN_FILE),
  /** Where releases are deployed: <dir>/<hub>/current is what the web server serves. */
  SITO_RELEASES_DIR: z.string().min(1).default(RELEASES_DIR),
  SITO_SITE_URL: builderEnvSchema.shape.SITO_SITE_URL,
  /** Releases kept per hub for rollback (the live one always stays). */
  SITO_KEEP_RELEASES: z.coerce.number().int().min(1).max(100).default(5),
  SITO_POLL_MS: z.coerce.number().int().min(50).max(60_000).default(500),
  SITO_RECONCILE_EVERY_MS: z.coerce.number().int().min(1_000).default(600_000),
});

/** `pnpm worker`: a build worker. Runs until SIGINT/SIGTERM; as many as you like, here or elsewhere. */
export async function main(): Promise<void> {
  const env = parseEnv(workerEnvSchema, process.env, 'The build worker environment');
  const worker = createWorker({
    cmsUrl: env.SITO_CMS_URL,
    secret: env.SITO_WORKER_SECRET,
    worker: env.SITO_WORKER_ID,
    tokenFile: env.SITO_TOKEN_FILE,
    releasesDir: env.SITO_RELEASES_DIR,
    siteUrl: env.SITO_SITE_URL,
    keepReleases: env.SITO_KEEP_RELEASES,
    pollMs: env.SITO_POLL_MS,
    reconcileEveryMs: env.SITO_RECONCILE_EVERY_MS,
  });
  const stop = () => void worker.stop();
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  console.log(`[worker ${env.SITO_WORKER_ID}] polling ${env.SITO_CMS_URL}, deploying to ${env.SITO_RELEASES_DIR}`);
  await worker.loop();
}
