import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { ensureDevSecrets } from './lib/cms-secrets.ts';
import { ensureCmsBuilt, startCms } from './lib/cms.ts';
import { portIsFree } from './lib/net.ts';
import { CMS_DIR, STATE_DIR } from './lib/paths.ts';

/**
 * `pnpm seed [--reset]`: loads the demo content (cms/seed/demo) into the local CMS database, through
 * the Document Service. Without --reset, entries that already exist are left alone; with --reset,
 * the demo content types are emptied first, restoring the demo from scratch.
 */
export async function main(args: string[]): Promise<void> {
  const { values } = parseArgs({ args, options: { reset: { type: 'boolean', default: false } } });
  const port = Number(process.env.PORT ?? 1337);
  if (!(await portIsFree(port))) {
    throw new Error(
      `A CMS is running on port ${port} (\`pnpm start\`?): stop it first, the seed boots the CMS on the same database.`,
    );
  }
  ensureDevSecrets(path.join(CMS_DIR, '.env'));
  await ensureCmsBuilt({ admin: false });
  const logFile = path.join(STATE_DIR, 'seed.log');
  fs.rmSync(logFile, { force: true });
  console.log(values.reset ? 'Restoring the demo content from scratch…' : 'Loading the demo content…');
  const cms = await startCms({
    port,
    env: { SITO_SEED_DEMO: 'true', SITO_SEED_RESET: values.reset ? 'true' : 'false', SERVE_ADMIN_PANEL: 'false' },
    logFile,
    startTimeoutMs: 10 * 60_000,
  });
  await cms.stop();
  const line = fs
    .readFileSync(logFile, 'utf8')
    .split('\n')
    .find((l) => l.includes('[sito] seed'));
  console.log(line ? line.replace(/^.*\[sito\] /, '') : 'Done (see .sito/seed.log).');
}
