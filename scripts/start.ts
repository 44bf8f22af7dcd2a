import type { ChildProcess } from 'node:child_process';
import type { Server } from 'node:http';
import path from 'node:path';
import { DEV_ADMIN } from '@sito/shared';
import { ensureDevSecrets, readEnvFile } from './lib/cms-secrets.ts';
import { ensureCmsBuilt, startCms } from './lib/cms.ts';
import { listHubs } from './lib/hubs.ts';
import { startMailCatcher, type MailCatcher } from './lib/mail-catcher.ts';
import { CMS_DIR, DEFAULT_TOKEN_FILE, RELEASES_DIR, STATE_DIR } from './lib/paths.ts';
import { stopGroup } from './lib/processes.ts';
import { spawnWorker } from './lib/publishing/spawn-worker.ts';
import { liveRelease } from './lib/publishing/releases.ts';
import { serveHubs } from './serve-hubs.ts';
import fs from 'node:fs';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * `pnpm start`: everything on embedded defaults. Builds what is missing, boots the CMS on SQLite
 * with the demo content, starts a build worker beside it (a separate process: publishing in the
 * admin rebuilds the affected hubs within seconds), serves every hub's live release, and stops
 * it all on Ctrl-C.
 */
export async function main(): Promise<void> {
  const CMS_PORT = Number(process.env.PORT ?? 1337);
  const HUBS_PORT = Number(process.env.SITO_HUBS_PORT ?? 4321);
  const envFile = path.join(CMS_DIR, '.env');

  const { created } = ensureDevSecrets(envFile);
  if (created.length) console.log(`Generated local secrets in cms/.env (${created.length} values).`);
  const secrets = readEnvFile(envFile);

  await ensureCmsBuilt({ admin: true });

  // The CMS's mail goes to a local catcher, read in the browser, unless an SMTP server is named.
  let mail: MailCatcher | undefined;
  if (!process.env.SMTP_HOST) {
    const smtpPort = Number(process.env.SITO_MAIL_SMTP_PORT ?? 1025);
    const webPort = Number(process.env.SITO_MAIL_PORT ?? 1080);
    mail = await startMailCatcher({ smtpPort, webPort, dir: path.join(STATE_DIR, 'mail') }).catch((error: Error) => {
      throw new Error(
        `The local mail catcher cannot listen on ports ${smtpPort} and ${webPort} (${error.message}): set SITO_MAIL_SMTP_PORT and SITO_MAIL_PORT, or SMTP_HOST for a real SMTP server.`,
      );
    });
  }

  console.log(`Starting the CMS on http://localhost:${CMS_PORT} (log: .sito/cms.log)…`);
  const cms = await startCms({
    port: CMS_PORT,
    env: {
      SITO_SEED_DEMO: 'true',
      HOST: '0.0.0.0',
      SITO_HUBS_URL: `http://localhost:${HUBS_PORT}`,
      ...(mail ? { SMTP_HOST: '127.0.0.1', SMTP_PORT: String(mail.smtpPort) } : {}),
    },
    logFile: path.join(STATE_DIR, 'cms.log'),
  });

  let server: Server | undefined;
  let worker: ChildProcess | undefined;
  let stopping = false;
  const stop = async (code: number) => {
    if (stopping) return;
    stopping = true;
    console.log('\nStopping…');
    if (worker) await stopGroup(worker);
    await cms.stop();
    server?.close();
    await mail?.close();
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
    // The admin shows draft previews in a frame: at localhost as printed below, or at cms.url.
    server = await serveHubs(HUBS_PORT, RELEASES_DIR, {
      cmsOrigins: [`http://localhost:${CMS_PORT}`, cms.url],
      cmsUrl: cms.url,
    });
    worker = spawnWorker({
      cmsUrl: cms.url,
      secret: secrets.SITO_WORKER_SECRET ?? '',
      id: 'local-1',
      tokenFile: DEFAULT_TOKEN_FILE,
      releasesDir: RELEASES_DIR,
      logFile: path.join(STATE_DIR, 'worker.log'),
      env: { SITO_SITE_URL: `http://localhost:${HUBS_PORT}` },
    });
    worker.once('exit', (code) => {
      if (stopping) return;
      console.error(`\nThe build worker stopped unexpectedly (exit ${code}): see .sito/worker.log.`);
      void stop(1);
    });

    // The worker reconciles on start: hubs never built (or older than the content) are queued.
    const token = fs.readFileSync(DEFAULT_TOKEN_FILE, 'utf8').trim();
    const hubs = await listHubs(cms.url, token);
    console.log(`The build worker is publishing ${hubs.length} hubs (log: .sito/worker.log)…`);
    const waiting = new Set(hubs.map((hub) => hub.slug).filter((slug) => !liveRelease(RELEASES_DIR, slug)));
    const deadline = Date.now() + 10 * 60_000;
    while (waiting.size && Date.now() < deadline && !stopping) {
      await sleep(1_000);
      for (const slug of waiting) {
        if (liveRelease(RELEASES_DIR, slug)) {
          console.log(`  ✔ ${slug} is live`);
          waiting.delete(slug);
        }
      }
    }
    if (waiting.size) console.log(`  Still building: ${[...waiting].join(', ')} (see .sito/worker.log)`);

    const login = process.env.SITO_ADMIN_EMAIL
      ? `${process.env.SITO_ADMIN_EMAIL} (password from SITO_ADMIN_PASSWORD)`
      : `${DEV_ADMIN.email} / ${DEV_ADMIN.password}`;
    const hubLines = hubs.map((hub) => `  Hub ${hub.slug.padEnd(14)} http://localhost:${HUBS_PORT}/${hub.slug}/`);
    console.log(
      [
        '',
        'SITO Giovani is running.',
        '',
        `  CMS admin          http://localhost:${CMS_PORT}/admin   login: ${login}`,
        `  CMS API            http://localhost:${CMS_PORT}/api/opportunities`,
        ...hubLines,
        ...(mail ? [`  Mail (local)       ${mail.url}   what the CMS sends, caught: nothing is delivered`] : []),
        '',
        'Publishing in the admin rebuilds the hubs it affects within seconds (admin: Pubblicazione).',
        'Press Ctrl-C to stop everything.',
      ].join('\n'),
    );
  } catch (error) {
    console.error(`\n${(error as Error).message}`);
    await stop(1);
  }
}
