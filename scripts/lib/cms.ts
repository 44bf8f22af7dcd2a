import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { ChildProcess } from 'node:child_process';
import { CMS_DIR } from './paths.ts';
import { portIsFree } from './net.ts';
import { run, spawnGroup, stopGroup } from './processes.ts';

const strapiBin = () => path.join(CMS_DIR, 'node_modules', '@strapi', 'strapi', 'bin', 'strapi.js');
const tscBin = () => path.join(CMS_DIR, 'node_modules', 'typescript', 'bin', 'tsc');
const DIST = path.join(CMS_DIR, 'dist');

/** A digest of the files a build depends on, to rebuild only when they changed. */
function digest(paths: string[]): string {
  const hash = createHash('sha256');
  const walk = (target: string) => {
    if (!fs.existsSync(target)) return;
    const stat = fs.statSync(target);
    if (stat.isDirectory()) {
      for (const name of fs.readdirSync(target).sort()) walk(path.join(target, name));
    } else {
      hash.update(path.relative(CMS_DIR, target)).update(fs.readFileSync(target));
    }
  };
  paths.forEach(walk);
  return hash.digest('hex');
}

const serverInputs = () => ['config', 'src', 'package.json', 'tsconfig.json'].map((p) => path.join(CMS_DIR, p));
const adminInputs = () => ['src/admin', 'package.json'].map((p) => path.join(CMS_DIR, p));
const stampFile = (kind: string) => path.join(DIST, `.sito-${kind}.sha256`);
const stampMatches = (kind: string, value: string) =>
  fs.existsSync(stampFile(kind)) && fs.readFileSync(stampFile(kind), 'utf8') === value;

/**
 * Compiles the CMS when its sources changed: the server code always (tsc, a few seconds), the
 * admin panel only when asked (`strapi build`, about 30 s and 2 GB).
 */
export async function ensureCmsBuilt({
  admin,
  force = false,
  log = console.log,
}: {
  admin: boolean;
  /** Build the admin panel even when it looks current (`pnpm cms:build`). */
  force?: boolean;
  log?: (m: string) => void;
}) {
  const server = digest(serverInputs());
  const panel = digest(adminInputs());
  const adminReady = fs.existsSync(path.join(DIST, 'build', 'index.html')) && stampMatches('admin', panel);
  if (admin && (force || !adminReady)) {
    log('Building the CMS admin panel (first time only, about a minute)…');
    await run(process.execPath, [strapiBin(), 'build'], { cwd: CMS_DIR, label: 'strapi build', quiet: true });
    fs.writeFileSync(stampFile('admin'), panel);
    fs.writeFileSync(stampFile('server'), server);
    return;
  }
  if (!stampMatches('server', server) || !fs.existsSync(path.join(DIST, 'src', 'index.js'))) {
    log('Compiling the CMS server code…');
    // From scratch: a source file deleted or moved must not live on as compiled code, which Strapi
    // would still load (every file in dist/src/middlewares and policies is registered).
    // (tsc's incremental record goes too, or it would not write again what it thinks is there).
    for (const stale of ['src', 'config', 'tsconfig.tsbuildinfo'])
      fs.rmSync(path.join(DIST, stale), { recursive: true, force: true });
    await run(process.execPath, [tscBin(), '-p', 'tsconfig.json'], { cwd: CMS_DIR, label: 'CMS compile', quiet: true });
    fs.mkdirSync(DIST, { recursive: true });
    fs.writeFileSync(stampFile('server'), server);
  }
}

export interface CmsOptions {
  port: number;
  /** Extra environment: secrets, DATABASE_URL or DATABASE_FILENAME, SITO_* settings. */
  env: Record<string, string | undefined>;
  /** Where the CMS's output goes; inherit prints it. */
  logFile?: string;
  startTimeoutMs?: number;
}

export interface RunningCms {
  url: string;
  child: ChildProcess;
  stop(): Promise<void>;
}

/** Boots `strapi start` in its own process group and waits until `/_health` answers. */
export async function startCms(options: CmsOptions): Promise<RunningCms> {
  const { port, env, logFile, startTimeoutMs = 120_000 } = options;
  if (!(await portIsFree(port))) {
    throw new Error(
      `Port ${port} is already in use: stop whatever runs there (another \`pnpm start\`?) or set a different port.`,
    );
  }
  if (logFile) fs.mkdirSync(path.dirname(logFile), { recursive: true });
  const out = logFile ? fs.openSync(logFile, 'a') : 'inherit';
  const child = spawnGroup(process.execPath, [strapiBin(), 'start'], {
    cwd: CMS_DIR,
    env: { ...process.env, HOST: '127.0.0.1', PORT: String(port), BROWSER: 'none', ...env },
    stdio: ['ignore', out, out],
  });
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + startTimeoutMs;
  let exited = false;
  child.once('exit', () => (exited = true));
  while (Date.now() < deadline) {
    if (exited) break;
    try {
      const response = await fetch(`${url}/_health`, { signal: AbortSignal.timeout(2_000) });
      if (response.status === 204) return { url, child, stop: () => stopGroup(child) };
    } catch (error) {
      // Not listening yet; but fetch (and browsers) never connect to some ports at all.
      const cause = (error as Error).cause;
      if (cause instanceof Error && cause.message === 'bad port') {
        await stopGroup(child);
        throw new Error(
          `Port ${port} is one that browsers and fetch() refuse to connect to (a "bad port"): use another.`,
          { cause: error },
        );
      }
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  await stopGroup(child);
  const tail = logFile && fs.existsSync(logFile) ? fs.readFileSync(logFile, 'utf8').slice(-4_000) : '';
  throw new Error(
    `The CMS did not start on port ${port}${exited ? ' (it exited)' : ''}.${tail ? `\n--- CMS log ---\n${tail}` : ''}`,
  );
}
