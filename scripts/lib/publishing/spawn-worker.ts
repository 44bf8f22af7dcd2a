import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { ROOT } from '../paths.ts';
import { spawnGroup } from '../processes.ts';

export interface SpawnWorkerOptions {
  cmsUrl: string;
  secret: string;
  id: string;
  tokenFile: string;
  releasesDir: string;
  /** The worker's output is appended here. */
  logFile: string;
  /** More SITO_* settings (SITO_POLL_MS, SITO_SITE_URL...). */
  env?: Record<string, string>;
}

/**
 * A build worker as its own process (`pnpm worker`), in its own process group: what `pnpm start`,
 * the benchmark and the tests run. It goes through bootstrap.mjs like the command does.
 */
export function spawnWorker(options: SpawnWorkerOptions): ChildProcess {
  const out = fs.openSync(options.logFile, 'a');
  return spawnGroup(process.execPath, [path.join(ROOT, 'scripts', 'bootstrap.mjs'), 'worker'], {
    cwd: ROOT,
    stdio: ['ignore', out, out],
    env: {
      ...process.env,
      // Already under pnpm on Node 24: bootstrap.mjs runs the task directly.
      npm_config_user_agent: process.env.npm_config_user_agent ?? 'pnpm/10',
      SITO_CMS_URL: options.cmsUrl,
      SITO_WORKER_SECRET: options.secret,
      SITO_WORKER_ID: options.id,
      SITO_TOKEN_FILE: options.tokenFile,
      SITO_RELEASES_DIR: options.releasesDir,
      ...options.env,
    },
  });
}
