import fs from 'node:fs';
import path from 'node:path';
import { parseOrThrow, territorySchema, type Territory } from '@sito/shared';
import type { BuildReport } from '../../sites/src/lib/build-report.ts';
import type { PagefindStats } from '../../sites/src/integrations/pagefind.ts';
import { SITES_DIR, SITES_DIST } from './paths.ts';
import { run } from './processes.ts';

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
}

/** Builds one hub (fetch, Astro, Pagefind) in its own process, into sites/dist/<hub>/. */
export async function buildHub(options: HubBuildOptions): Promise<HubBuildResult> {
  const outDir = options.outDir ?? path.join(SITES_DIST, options.hub);
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    SITO_HUB: options.hub,
    SITO_CMS_URL: options.cmsUrl,
    SITO_OUT_DIR: outDir,
    SITO_STRICT: options.strict ? '1' : '0',
    ASTRO_TELEMETRY_DISABLED: '1',
  };
  // Vite reads these from the environment; a parent that is itself a Vite process (vitest) sets
  // them, and BASE_URL=/ would silently replace the hub's base path.
  for (const key of ['BASE_URL', 'MODE', 'DEV', 'PROD', 'SSR']) delete env[key];
  if (options.token) env.SITO_CMS_TOKEN = options.token;
  if (options.tokenFile) env.SITO_TOKEN_FILE = options.tokenFile;
  if (options.siteUrl) env.SITO_SITE_URL = options.siteUrl;
  if (options.cacheDir) env.SITO_CACHE_DIR = options.cacheDir;
  const astro = path.join(SITES_DIR, 'node_modules', 'astro', 'bin', 'astro.mjs');
  // Astro writes its temporary build files beside the output when the output is inside the
  // working directory, and into sites/.astro/ otherwise, where two builds running at once (two
  // workers on one machine) would overwrite each other's: so each build runs from its output's parent.
  const workDir = path.dirname(outDir);
  fs.mkdirSync(workDir, { recursive: true });
  const { ms, peakRssKb, output } = await run(process.execPath, [astro, 'build', '--root', SITES_DIR], {
    cwd: workDir,
    env,
    label: `Build of hub "${options.hub}"`,
    quiet: options.quiet ?? false,
    signal: options.signal,
  });
  const report = JSON.parse(fs.readFileSync(`${outDir}.report.json`, 'utf8')) as HubBuildResult['report'];
  return { hub: options.hub, outDir, ms, peakRssKb, output, report };
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
