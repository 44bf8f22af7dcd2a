import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { opportunitySchema } from '@sito/shared';
import { createStrapiClient } from '../sites/src/lib/strapi-client.ts';
import { generateStrapiSecrets } from './lib/cms-secrets.ts';
import { ensureCmsBuilt, startCms } from './lib/cms.ts';
import { buildHub } from './lib/hubs.ts';
import { ROOT } from './lib/paths.ts';
import { watchPeakRss } from './lib/processes.ts';
import { writeSyntheticSeed } from './lib/synthetic.ts';

const mb = (kb: number) => Math.round(kb / 1024);
const s = (ms: number) => Number((ms / 1000).toFixed(2));

/**
 * `pnpm bench [--n 2000]`: N synthetic opportunities in a temporary CMS (SQLite), one hub built
 * from it, and the figures written to bench/results/ as JSON and a markdown table. Timings are
 * reported, never asserted: the machines are shared and noisy.
 */
export async function main(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: { n: { type: 'string', default: process.env.SITO_BENCH_N ?? '2000' } },
  });
  const n = Number(values.n);
  if (!Number.isInteger(n) || n < 1 || n > 100_000)
    throw new Error(`--n must be a whole number from 1 to 100000 (got "${values.n}").`);

  await ensureCmsBuilt({ admin: false });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sito-bench-'));
  const hub = 'bench';
  writeSyntheticSeed(path.join(dir, 'seed'), n, hub);
  const tokenFile = path.join(dir, 'builder-token');
  const logFile = path.join(dir, 'cms.log');

  console.log(`Seeding ${n} synthetic opportunities into a temporary CMS (SQLite, ${dir})…`);
  const seedStarted = performance.now();
  const cms = await startCms({
    port: 1400 + Math.floor(Math.random() * 500),
    env: {
      ...generateStrapiSecrets(),
      NODE_ENV: 'test',
      SERVE_ADMIN_PANEL: 'false',
      DATABASE_FILENAME: path.join(dir, 'data.db'),
      SITO_TOKEN_FILE: tokenFile,
      SITO_SEED_DIR: path.join(dir, 'seed'),
    },
    logFile,
    startTimeoutMs: 30 * 60_000,
  });
  const seedMs = performance.now() - seedStarted;

  try {
    const token = fs.readFileSync(tokenFile, 'utf8').trim();

    console.log('Measuring the CMS fetch (the builder query, 100 entries a page)…');
    const client = createStrapiClient({ baseUrl: cms.url, token });
    const cmsPeak = watchPeakRss(cms.child.pid!);
    const fetchStarted = performance.now();
    const raw = await client.getAll('opportunities', {
      locale: 'it',
      'filters[territory][slug][$eq]': hub,
      'populate[territory][fields][0]': 'name',
      'populate[territory][fields][1]': 'slug',
      sort: 'deadline:asc',
    });
    const fetchMs = performance.now() - fetchStarted;
    const cmsPeakKb = cmsPeak.stop();
    const invalid = raw.filter((entry) => !opportunitySchema.safeParse(entry).success).length;
    if (raw.length !== n || invalid > 0)
      throw new Error(`Fetched ${raw.length} entries (${invalid} invalid), expected ${n} valid.`);

    console.log('Building the hub (fetch + Astro + Pagefind)…');
    const build = await buildHub({
      hub,
      cmsUrl: cms.url,
      token,
      strict: true,
      outDir: path.join(dir, 'site', hub),
      quiet: true,
    });
    const pagefind = build.report.pagefind!;
    const pages = countHtml(build.outDir);
    const astroMs = build.ms - pagefind.ms;

    const result = {
      date: new Date().toISOString(),
      machine: { cpus: os.cpus().length, memoryGb: Math.round(os.totalmem() / 2 ** 30), node: process.version },
      n,
      seed: { seconds: s(seedMs), note: 'CMS boot plus N Document Service creates (published)' },
      cmsFetch: {
        seconds: s(fetchMs),
        requests: client.requestCount(),
        entries: raw.length,
        cmsPeakRssMb: mb(cmsPeakKb),
      },
      astroBuild: {
        seconds: s(astroMs),
        pages,
        pagesPerSecond: Math.round(pages / (astroMs / 1000)),
        note: 'astro build including its own CMS fetch, excluding Pagefind',
      },
      pagefind: { seconds: s(pagefind.ms), pagesIndexed: pagefind.pages, indexKb: Math.round(pagefind.bytes / 1024) },
      hubBuildTotal: {
        seconds: s(build.ms),
        peakRssMb: mb(build.peakRssKb),
        note: 'peak covers Astro and Pagefind together',
      },
    };
    writeReport(result);
  } finally {
    await cms.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

function countHtml(folder: string): number {
  return fs.readdirSync(folder, { recursive: true }).filter((name) => String(name).endsWith('.html')).length;
}

function writeReport(result: Record<string, unknown> & { n: number; date: string }): void {
  const out = path.join(ROOT, 'bench', 'results');
  fs.mkdirSync(out, { recursive: true });
  const json = `${JSON.stringify(result, null, 2)}\n`;
  const stamp = result.date.replace(/[:.]/g, '-');
  fs.writeFileSync(path.join(out, `bench-${stamp}.json`), json);
  fs.writeFileSync(path.join(out, 'latest.json'), json);
  const r = result as unknown as {
    seed: { seconds: number };
    cmsFetch: { seconds: number; requests: number; cmsPeakRssMb: number };
    astroBuild: { seconds: number; pages: number; pagesPerSecond: number };
    pagefind: { seconds: number; pagesIndexed: number; indexKb: number };
    hubBuildTotal: { seconds: number; peakRssMb: number };
  };
  const md = `# Benchmark, N = ${result.n} (${result.date})

| step | time | figure | peak memory |
| --- | --- | --- | --- |
| seed (CMS boot + ${result.n} creates) | ${r.seed.seconds} s | | |
| CMS fetch of the hub | ${r.cmsFetch.seconds} s | ${r.cmsFetch.requests} requests | CMS ${r.cmsFetch.cmsPeakRssMb} MB |
| Astro build (incl. its fetch) | ${r.astroBuild.seconds} s | ${r.astroBuild.pages} pages, ${r.astroBuild.pagesPerSecond} pages/s | see total |
| Pagefind | ${r.pagefind.seconds} s | ${r.pagefind.pagesIndexed} pages, ${r.pagefind.indexKb} KB index | see total |
| hub build total | ${r.hubBuildTotal.seconds} s | | ${r.hubBuildTotal.peakRssMb} MB (Astro + Pagefind) |
`;
  fs.writeFileSync(path.join(out, 'latest.md'), md);
  console.log(`\n${md}\nWritten to bench/results/latest.json and latest.md.`);
}
