import { spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { parseOrThrow, territorySchema, type BuilderPreview, type Territory } from '@sito/shared';
import type { BuildReport } from '../../sites/src/lib/build-report.ts';
import { indexSite, type PagefindStats } from '../../sites/src/integrations/pagefind.ts';
import { ROOT, SITES_DIR, SITES_DIST } from './paths.ts';
import { procStat, run, spawnGroup, stopGroup, supervise } from './processes.ts';

export interface HubBuildOptions {
  hub: string;
  cmsUrl: string;
  tokenFile?: string;
  token?: string;
  siteUrl?: string;
  strict?: boolean;
  outDir?: string;
  quiet?: boolean;
  /** Astro's cache folder (content store, incremental build); per hub. */
  cacheDir?: string;
  /** Stops the build (its whole process group) when aborted. */
  signal?: AbortSignal;
  /**
   * Keep the build's output for the next build of the hub (a worker's releases): the pages the
   * incremental build skips are then already in place, and `outDir` is made of hard links to the
   * previous output for the files this build did not write, and copies of the ones it wrote.
   */
  keepOutput?: boolean;
  /** A draft preview build (see sites/src/lib/preview.ts). */
  preview?: BuilderPreview;
  /**
   * Once this build ends, start the process for the next one ahead of time (a worker's builds,
   * see prepareBuildProcess); with `quiet` only. `stopPreparedBuildProcess` ends it.
   */
  prepareNext?: boolean;
  /**
   * With keepOutput: leave the search index to `indexHubSearch` when the kept output has one, so
   * the pages go live first with the previous index and the new index follows (a worker's builds).
   */
  searchLater?: boolean;
}

export interface HubBuildResult {
  hub: string;
  outDir: string;
  ms: number;
  peakRssKb: number;
  /** The end of the build's output (when quiet). */
  output: string;
  /** The report the build writes beside the hub (sites/astro.config.ts). */
  report: BuildReport & { pagefind?: PagefindStats };
  /** The search index is still the previous build's: `indexHubSearch` brings it up to date. */
  searchPending: boolean;
}

/** A rename, or a copy when the target is on another file system. */
function move(from: string, to: string): void {
  try {
    fs.renameSync(from, to);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EXDEV') throw error;
    fs.cpSync(from, to, { recursive: true });
    fs.rmSync(from, { recursive: true, force: true });
  }
}

/** Where builds run: inside sites/, so the prerender chunks Astro writes resolve sites/node_modules. */
const BUILDS_DIR = path.join(SITES_DIR, '.builds');

/**
 * One build folder per hub and cache: Astro writes the output path into its code, so the
 * incremental build only reuses pages when the output path is the same as last time.
 */
function buildFolders(hub: string, cache?: string) {
  const cacheDir = path.resolve(SITES_DIR, cache ?? path.join('node_modules', '.astro', hub));
  const key = createHash('sha256').update(cacheDir).digest('hex').slice(0, 10);
  const workDir = path.join(BUILDS_DIR, `${hub}-${key}`);
  return { cacheDir, workDir, buildDir: path.join(workDir, 'out') };
}

/**
 * Builds one hub (fetch, Astro, Pagefind) in its own process, into `outDir` (sites/dist/<hub>/ by
 * default). Each build runs in a private folder under sites/.builds/ and its output is moved into
 * place when it succeeds: Astro writes temporary build files beside its output (or into
 * sites/.astro/, where two builds running at once, two workers on one machine, would overwrite
 * each other's), and those files must sit inside sites/ to resolve its packages.
 */
export async function buildHub(options: HubBuildOptions): Promise<HubBuildResult> {
  const outDir = path.resolve(options.outDir ?? path.join(SITES_DIST, options.hub));
  const { cacheDir, workDir, buildDir } = buildFolders(options.hub, options.cacheDir);
  const release = lockBuildFolder(workDir, options.hub, cacheDir);
  // A kept output is trusted only when the build that left it finished (out.ok); a failed or killed
  // build may have left pages newer than Astro's cache manifest says.
  const keep = options.keepOutput === true;
  const okFile = path.join(workDir, 'out.ok');
  const lastDir = path.join(workDir, 'last');
  const kept = keep && fs.existsSync(okFile) && fs.existsSync(buildDir) && fs.existsSync(lastDir);
  fs.rmSync(okFile, { force: true });
  if (!kept) {
    fs.rmSync(buildDir, { recursive: true, force: true });
    fs.rmSync(lastDir, { recursive: true, force: true });
  }
  fs.rmSync(`${buildDir}.report.json`, { force: true });
  const searchLater = kept && options.searchLater === true && fs.existsSync(path.join(buildDir, 'pagefind'));
  // While Astro builds, the previous release's tree is staged on the other core (see stageLinks).
  const stagingDir = path.join(workDir, 'staging');
  fs.rmSync(stagingDir, { recursive: true, force: true });
  const staged = kept ? stageLinks(lastDir, stagingDir) : Promise.resolve(false);
  const env: NodeJS.ProcessEnv = {
    ...astroEnv(),
    SITO_HUB: options.hub,
    SITO_CMS_URL: options.cmsUrl,
    SITO_OUT_DIR: buildDir,
    SITO_STRICT: options.strict ? '1' : '0',
    SITO_KEEP_OUT: keep ? '1' : '0',
    SITO_SEARCH_LATER: searchLater ? '1' : '0',
  };
  if (options.token) env.SITO_CMS_TOKEN = options.token;
  if (options.tokenFile) env.SITO_TOKEN_FILE = options.tokenFile;
  if (options.siteUrl) env.SITO_SITE_URL = options.siteUrl;
  env.SITO_CACHE_DIR = cacheDir;
  if (options.preview) env.SITO_PREVIEW = JSON.stringify(options.preview);
  else delete env.SITO_PREVIEW;
  const astro = path.join(SITES_DIR, 'node_modules', 'astro', 'bin', 'astro.mjs');
  const label = `Build of hub "${options.hub}"`;
  const prepared = options.quiet ? takePreparedBuildProcess() : undefined;
  try {
    const startedAt = Date.now();
    options.signal?.throwIfAborted();
    prepared?.stdin!.end(`${JSON.stringify({ cwd: workDir, env })}\n`);
    const { ms, peakRssKb, output } = prepared
      ? await supervise(prepared, { label, signal: options.signal })
      : await run(process.execPath, [astro, 'build', '--root', SITES_DIR], {
          cwd: workDir,
          env,
          label,
          quiet: options.quiet ?? false,
          signal: options.signal,
        });
    fs.rmSync(path.join(buildDir, '.prerender'), { recursive: true, force: true });
    fs.rmSync(outDir, { recursive: true, force: true });
    fs.mkdirSync(path.dirname(outDir), { recursive: true });
    if (keep && (await staged)) {
      // The staged tree is the previous release: only what this build wrote or removed changes.
      updateStaged(buildDir, stagingDir, lastDir, startedAt, searchLater ? ['pagefind'] : []);
      move(stagingDir, outDir);
      if (!searchLater) fs.writeFileSync(okFile, `${new Date().toISOString()}\n`);
    } else if (keep) {
      // `last` mirrors each cut with the same files (hard links), which nothing writes in place.
      cutOutput(buildDir, outDir, lastDir, startedAt, kept);
      // While the search index is pending, the output is not one a next build may start from.
      if (!searchLater) fs.writeFileSync(okFile, `${new Date().toISOString()}\n`);
    } else {
      move(buildDir, outDir);
    }
    move(`${buildDir}.report.json`, `${outDir}.report.json`);
    const report = JSON.parse(fs.readFileSync(`${outDir}.report.json`, 'utf8')) as HubBuildResult['report'];
    return { hub: options.hub, outDir, ms, peakRssKb, output, report, searchPending: searchLater };
  } finally {
    // A failed build's staging folder goes once its copy ends (the next build would remove it too).
    await staged.catch(() => false);
    fs.rmSync(stagingDir, { recursive: true, force: true });
    release();
    if (options.prepareNext && options.quiet) prepareBuildProcess();
  }
}

/** This process's environment as a hub build starts with it, before the build's own SITO_* settings. */
function astroEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' };
  // Vite reads these from the environment; a parent that is itself a Vite process (vitest) sets
  // them, and BASE_URL=/ would silently replace the hub's base path.
  for (const key of ['BASE_URL', 'MODE', 'DEV', 'PROD', 'SSR']) delete env[key];
  return env;
}

/**
 * A build process started ahead of time (scripts/lib/astro-standby.ts): Node and Astro's build code
 * are loaded, about 0.7 s of every build, while the worker is idle or indexing the previous build;
 * the next quiet build hands it its folder and environment instead of starting `astro build`. It
 * runs one build; a new one is prepared after each (`prepareNext`). Not used for builds that print
 * their output (`quiet: false`).
 */
let preparedBuild: ChildProcess | undefined;

export function prepareBuildProcess(): void {
  if (preparedBuild && preparedBuild.exitCode === null && preparedBuild.signalCode === null) return;
  const child = spawnGroup(process.execPath, [path.join(ROOT, 'scripts', 'lib', 'astro-standby.ts'), SITES_DIR], {
    cwd: SITES_DIR,
    env: astroEnv(),
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  // Its output before a build is handed to it (none expected) is dropped with it.
  child.stdout!.resume();
  child.stderr!.resume();
  child.once('error', () => undefined);
  preparedBuild = child;
}

function takePreparedBuildProcess(): ChildProcess | undefined {
  const child = preparedBuild;
  preparedBuild = undefined;
  if (!child || child.exitCode !== null || child.signalCode !== null || !child.stdin?.writable) return undefined;
  return child;
}

/** Ends the prepared build process, if any (a worker stopping). */
export async function stopPreparedBuildProcess(): Promise<void> {
  const child = preparedBuild;
  preparedBuild = undefined;
  if (child) await stopGroup(child);
}

/**
 * The second half of a build whose search index was left for later (`searchLater`): indexes the
 * kept output with Pagefind and cuts it again into `outDir` (hard links to the first cut's files,
 * copies of the changed index files), with the report updated.
 */
export async function indexHubSearch(options: {
  hub: string;
  cacheDir: string;
  outDir: string;
}): Promise<{ outDir: string; pagefind: PagefindStats }> {
  const { cacheDir, workDir, buildDir } = buildFolders(options.hub, options.cacheDir);
  const release = lockBuildFolder(workDir, options.hub, cacheDir);
  try {
    const okFile = path.join(workDir, 'out.ok');
    if (fs.existsSync(okFile) || !fs.existsSync(path.join(workDir, 'last')))
      throw new Error(`No build of hub "${options.hub}" is waiting for its search index.`);
    const startedAt = Date.now();
    const pagefind = await indexSite(buildDir);
    fs.rmSync(options.outDir, { recursive: true, force: true });
    cutOutput(buildDir, options.outDir, path.join(workDir, 'last'), startedAt, true);
    fs.writeFileSync(okFile, `${new Date().toISOString()}\n`);
    return { outDir: options.outDir, pagefind };
  } finally {
    release();
  }
}

/** Vite's assets and Pagefind's index files carry a hash of their content in their name. */
const HASHED_NAME = /[._-][A-Za-z0-9_-]{7,}\.(?:js|css|woff2|svg|png|jpg|webp|pf_fragment|pf_index|pf_filter|pf_meta)$/;

/**
 * Makes `to` from a kept output folder and brings `base` (a mirror of the previous output made of
 * hard links to the previous release's files) up to date with it. A file is a hard link to the
 * previous release's file when this build did not write it (older than `since`), or when its name
 * carries its content's hash and the previous release had it at the same size; anything else is
 * copied. The output folder itself is never linked: Astro rewrites its files in place, which would
 * change a live release through a shared link.
 */
function cutOutput(
  from: string,
  to: string,
  base: string,
  since: number,
  incremental: boolean,
  hashedNames = false,
  top = true,
): void {
  fs.mkdirSync(to, { recursive: true });
  fs.mkdirSync(base, { recursive: true });
  const names = new Set<string>();
  for (const entry of fs.readdirSync(from, { withFileTypes: true })) {
    names.add(entry.name);
    const source = path.join(from, entry.name);
    const target = path.join(to, entry.name);
    const previous = path.join(base, entry.name);
    if (entry.isDirectory()) {
      // Only Vite's and Pagefind's folders are known to name files by their content.
      const hashed = hashedNames || (top && (entry.name === '_astro' || entry.name === 'pagefind'));
      cutOutput(source, target, previous, since, incremental, hashed, false);
      continue;
    }
    if (incremental) {
      const stat = fs.statSync(source);
      const same =
        stat.mtimeMs < since ||
        (hashedNames &&
          HASHED_NAME.test(entry.name) &&
          fs.statSync(previous, { throwIfNoEntry: false })?.size === stat.size);
      if (same) {
        try {
          fs.linkSync(previous, target);
          continue;
        } catch (error) {
          if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
        }
      }
    }
    fs.copyFileSync(source, target);
    fs.rmSync(previous, { recursive: true, force: true });
    fs.linkSync(target, previous);
  }
  // What the previous output had and this one has not.
  for (const name of fs.readdirSync(base)) if (!names.has(name)) fs.rmSync(path.join(base, name), { recursive: true });
}

/**
 * Copies `from` (the previous release's files, as hard links) into `to` as hard links, with GNU
 * `cp -al` in a child process, so that it runs on the other core while Astro builds: a full tree of
 * links costs about a second of system time at 10,000 pages (30,000 files), which would otherwise
 * come after the build, before the release goes live. Resolves to false when it could not (no GNU
 * cp, another file system): the build then cuts its release the slower way (cutOutput).
 */
function stageLinks(from: string, to: string): Promise<boolean> {
  return new Promise((resolve) => {
    const child = spawn('cp', ['-al', from, to], { stdio: 'ignore' });
    child.once('error', () => resolve(false));
    child.once('close', (code) => resolve(code === 0));
  });
}

/**
 * Brings `to`, a staged copy of the previous release (hard links, see stageLinks), and `base` (the
 * mirror those links came from) up to what the kept output `from` holds now. Files this build wrote
 * (not older than `since`) are copied in, in place of the staged link (never written through it:
 * the link is the live release's file), unless their name carries their content's hash and the
 * staged file has the same size; files `from` no longer has are removed. Top-level folders named
 * in `unchanged` are left as staged (a search index left for later).
 */
function updateStaged(
  from: string,
  to: string,
  base: string,
  since: number,
  unchanged: string[] = [],
  hashedNames = false,
  top = true,
): void {
  const staged = new Set(fs.readdirSync(to));
  const names = new Set<string>();
  for (const entry of fs.readdirSync(from, { withFileTypes: true })) {
    names.add(entry.name);
    if (top && unchanged.includes(entry.name)) continue;
    const source = path.join(from, entry.name);
    const target = path.join(to, entry.name);
    const previous = path.join(base, entry.name);
    if (entry.isDirectory()) {
      if (!staged.has(entry.name)) {
        fs.mkdirSync(target);
        fs.mkdirSync(previous, { recursive: true });
      }
      const hashed = hashedNames || (top && (entry.name === '_astro' || entry.name === 'pagefind'));
      updateStaged(source, target, previous, since, [], hashed, false);
      continue;
    }
    if (staged.has(entry.name)) {
      const stat = fs.statSync(source);
      if (stat.mtimeMs < since) continue;
      if (hashedNames && HASHED_NAME.test(entry.name) && fs.statSync(target).size === stat.size) continue;
      fs.rmSync(target);
    }
    fs.copyFileSync(source, target);
    fs.rmSync(previous, { force: true });
    fs.linkSync(target, previous);
  }
  // What the previous release had and this one has not.
  for (const name of staged) {
    if (names.has(name)) continue;
    fs.rmSync(path.join(to, name), { recursive: true });
    fs.rmSync(path.join(base, name), { recursive: true, force: true });
  }
}

const CACHE_FILE = 'cache-dir';

/** Removes kept build folders whose cache no longer exists and that no live process is using. */
function pruneOrphanBuildFolders(): void {
  if (!fs.existsSync(BUILDS_DIR)) return;
  for (const name of fs.readdirSync(BUILDS_DIR)) {
    const dir = path.join(BUILDS_DIR, name);
    let cacheDir: string;
    try {
      cacheDir = fs.readFileSync(path.join(dir, CACHE_FILE), 'utf8');
    } catch {
      continue;
    }
    if (!cacheDir || fs.existsSync(cacheDir)) continue;
    const holder = Number(
      fs.existsSync(path.join(dir, 'build.lock')) && fs.readFileSync(path.join(dir, 'build.lock'), 'utf8'),
    );
    if (holder > 0 && processIsAlive(holder)) continue;
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

function processIsAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  // A killed process that its parent has not reaped yet (a zombie: a worker killed with its whole
  // process group is reparented to PID 1, which may reap it only later) holds nothing. Without
  // /proc (not Linux) the signal check is all there is.
  return procStat(pid)?.[0] !== 'Z';
}

/**
 * Builds sharing a cache are serialized by the queue (one running build per hub); this lock turns
 * a mistake (two builds of one hub with one cache at once) into a clear error. A lock whose
 * process is gone (a killed worker) is taken over.
 */
function lockBuildFolder(workDir: string, hub: string, cacheDir: string): () => void {
  pruneOrphanBuildFolders();
  fs.mkdirSync(workDir, { recursive: true });
  // Which cache the folder belongs to: when that cache is gone (a test's or a bench's temporary
  // releases), so is the reason to keep the folder's output. Created now, so it exists from the start.
  fs.mkdirSync(cacheDir, { recursive: true });
  fs.writeFileSync(path.join(workDir, CACHE_FILE), cacheDir);
  const lock = path.join(workDir, 'build.lock');
  try {
    fs.writeFileSync(lock, String(process.pid), { flag: 'wx' });
  } catch {
    const holder = Number(fs.readFileSync(lock, 'utf8'));
    if (holder > 0 && holder !== process.pid && processIsAlive(holder))
      throw new Error(`Another build of hub "${hub}" (process ${holder}) is using ${workDir}.`);
    fs.writeFileSync(lock, String(process.pid));
  }
  return () => {
    fs.rmSync(lock, { force: true });
    if (!fs.existsSync(path.join(workDir, 'out'))) fs.rmSync(path.join(workDir, CACHE_FILE), { force: true });
    try {
      fs.rmdirSync(workDir); // Empty once the output is moved; the next build recreates it.
    } catch {
      // Not empty (a failed build's output): the next build of this hub clears it.
    }
  };
}

/** The published hubs (antennas are part of their hub's site): one site each. */
export async function listHubs(
  cmsUrl: string,
  token: string,
): Promise<Array<Pick<Territory, 'slug' | 'name' | 'hostname'>>> {
  const url = `${cmsUrl}/api/territories?sort=slug:asc&pagination[pageSize]=100&fields[0]=slug&fields[1]=name&fields[2]=hostname&filters[kind][$eq]=hub`;
  const response = await fetch(url, { headers: { Authorization: `Bearer ${token}` } });
  if (!response.ok) throw new Error(`Listing territories failed: the CMS answered ${response.status}.`);
  const body = (await response.json()) as { data: unknown[] };
  const hubSchema = territorySchema.pick({ slug: true, name: true, hostname: true });
  return body.data.map((entry, i) => parseOrThrow(hubSchema, entry, `territory #${i + 1}`));
}
