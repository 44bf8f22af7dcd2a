import type { Server } from 'node:http';
import path from 'node:path';
import { DEV_ADMIN } from '@sito/shared';
import { buildAllHubs } from './build-hubs.ts';
import { ensureDevSecrets } from './lib/cms-secrets.ts';
import { ensureCmsBuilt, startCms } from './lib/cms.ts';
import { CMS_DIR, DEFAULT_TOKEN_FILE, STATE_DIR } from './lib/paths.ts';
import { serveHubs } from './serve-hubs.ts';

/**
 * `pnpm start`: everything on embedded defaults. Builds what is missing, boots the CMS on SQLite
 * with the demo content, builds every hub, serves them, and stops it all on Ctrl-C.
 */
export async function main(): Promise<void> {
  const CMS_PORT = Number(process.env.PORT ?? 1337);
  const HUBS_PORT = Number(process.env.SITO_HUBS_PORT ?? 4321);

  const { created } = ensureDevSecrets(path.join(CMS_DIR, '.env'));
  if (created.length) console.log(`Generated local CMS secrets in cms/.env (${created.length} values).`);

  await ensureCmsBuilt({ admin: true });

  console.log(`Starting the CMS on http://localhost:${CMS_PORT} (log: .sito/cms.log)…`);
  const cms = await startCms({
    port: CMS_PORT,
    env: { SITO_SEED_DEMO: 'true', HOST: '0.0.0.0' },
    logFile: path.join(STATE_DIR, 'cms.log'),
  });

  let server: Server | undefined;
  let stopping = false;
  const stop = async (code: number) => {
    if (stopping) return;
    stopping = true;
    console.log('\nStopping…');
    await cms.stop();
    server?.close();
    process.exit(code);
  };
  process.on('SIGINT', () => void stop(0));
  process.on('SIGTERM', () => void stop(0));
  cms.child.once('exit', (code) => {
    if (stopping) return;
    console.error(`\nThe CMS stopped unexpectedly (exit ${code}): see .sito/cms.log.`);
    void stop(1);
  });

  try {
    const results = await buildAllHubs({ cmsUrl: cms.url, tokenFile: DEFAULT_TOKEN_FILE });
    server = await serveHubs(HUBS_PORT);
    const login = process.env.SITO_ADMIN_EMAIL
      ? `${process.env.SITO_ADMIN_EMAIL} (password from SITO_ADMIN_PASSWORD)`
      : `${DEV_ADMIN.email} / ${DEV_ADMIN.password}`;
    const hubLines = results.map((r) => `  Hub ${r.hub.padEnd(14)} http://localhost:${HUBS_PORT}/${r.hub}/`);
    console.log(
      [
        '',
        'SITO Giovani is running.',
        '',
        `  CMS admin          http://localhost:${CMS_PORT}/admin   login: ${login}`,
        `  CMS API            http://localhost:${CMS_PORT}/api/opportunities`,
        ...hubLines,
        '',
        'After editing content, rebuild the hubs with `pnpm build:hubs` in another terminal.',
        'Press Ctrl-C to stop everything.',
      ].join('\n'),
    );
  } catch (error) {
    console.error(`\n${(error as Error).message}`);
    await stop(1);
  }
}
