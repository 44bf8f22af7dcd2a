import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { opportunitySchema } from '@sito/shared';
import { createStrapiClient, toStrapiQuery } from '../sites/src/lib/strapi-client.ts';
import { generateStrapiSecrets } from './lib/cms-secrets.ts';
import { ensureCmsBuilt, startCms } from './lib/cms.ts';
import { serveBuiltHub } from './lib/hub-server.ts';
import { buildHub } from './lib/hubs.ts';
import { LIGHTHOUSE_CATEGORIES, runLighthouse, type LighthousePage } from './lib/lighthouse.ts';
import { constantRate, type LoadResult } from './lib/load.ts';
import { freePort } from './lib/net.ts';
import { CRITICAL_BUDGET_BYTES, hubPages, measureHub, pagePath, type PageWeight } from './lib/page-weight.ts';
import { ROOT } from './lib/paths.ts';
import { watchPeakRss } from './lib/processes.ts';
import { benchPublishing, PUBLISHING_CMS_ENV, type PublishingFigures } from './lib/publish-bench.ts';
import { measureSearchTransfer, type SearchTransfer } from './lib/search-transfer.ts';
import { benchSubmissions, SUBMISSION_BENCH_ENV, type SubmissionFigures } from './lib/submission-bench.ts';
import { closeStoredReads } from '../tests/helpers/stored-state.ts';
import { writeSyntheticSeed } from './lib/synthetic.ts';
import { createTempDatabase, type DatabaseKind } from './lib/temp-database.ts';

const mb = (kb: number) => Math.round(kb / 1024);
const s = (ms: number) => Number((ms / 1000).toFixed(2));
const HUB = 'bench';

/** The builder's query for one hub (the same as sites/src/content.config.ts). */
const builderQuery = toStrapiQuery({
  locale: 'it',
  filters: { $or: [{ territory: { slug: { $eq: HUB } } }, { regional: { $eq: true } }] },
  sort: 'deadline:asc',
  populate: {
    territory: { fields: ['name', 'slug'] },
    verifiedBy: { fields: ['name', 'slug'] },
    thematicAreas: { fields: ['name', 'slug'] },
    attachments: true,
  },
});

interface DatabaseFigures {
  database: DatabaseKind;
  seed: { seconds: number };
  export: { seconds: number; requests: number; entries: number; cmsPeakRssMb: number };
  publicList: LoadResult;
  /** «Fai una domanda»: the submission endpoint under constant load, with valid proofs. */
  submissions: SubmissionFigures;
  hubBuild?: {
    seconds: number;
    astroSeconds: number;
    pages: number;
    pagesPerSecond: number;
    pagefindSeconds: number;
    pagefindIndexKb: number;
    peakRssMb: number;
    pageWeights: PageWeight[];
    /** Lighthouse's mobile profile on the same pages, served over HTTP (gzip) on localhost. */
    lighthouse: LighthousePage[];
    searchTransfer: SearchTransfer;
  };
  /** The publishing pipeline: worker, hub server, publishes through the admin API (SQLite only). */
  publishing?: PublishingFigures;
}

interface BenchOptions {
  load: { rps: number; seconds: number };
  /** Build the hub and measure its pages (and then the publishing pipeline). */
  build: boolean;
  lighthouse: boolean;
  publishing: { publishes: number; burst: number };
}

/** Seeds N opportunities into a temporary CMS on `kind`, then measures it. */
async function benchDatabase(kind: DatabaseKind, n: number, options: BenchOptions): Promise<DatabaseFigures> {
  const { load, build } = options;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sito-bench-'));
  const database = await createTempDatabase(kind, dir, process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL);
  writeSyntheticSeed(path.join(dir, 'seed'), n, HUB);
  const tokenFile = path.join(dir, 'builder-token');
  console.log(`\n[${kind}] seeding ${n} synthetic opportunities into a temporary CMS…`);
  const seedStarted = performance.now();
  const secrets = generateStrapiSecrets();
  const cms = await startCms({
    port: await freePort(),
    env: {
      ...secrets,
      ...PUBLISHING_CMS_ENV,
      ...SUBMISSION_BENCH_ENV,
      ...database.env,
      NODE_ENV: 'test',
      SERVE_ADMIN_PANEL: 'false',
      SITO_TOKEN_FILE: tokenFile,
      SITO_SEED_DIR: path.join(dir, 'seed'),
    },
    logFile: path.join(dir, 'cms.log'),
    startTimeoutMs: 30 * 60_000,
  });
  const seedMs = performance.now() - seedStarted;
  try {
    const token = fs.readFileSync(tokenFile, 'utf8').trim();

    console.log(`[${kind}] the builder's full export of the hub (100 entries a request)…`);
    const client = createStrapiClient({ baseUrl: cms.url, token });
    const cmsPeak = watchPeakRss(cms.child.pid!);
    const exportStarted = performance.now();
    const raw = await client.getAll('opportunities', builderQuery);
    const exportMs = performance.now() - exportStarted;
    const cmsPeakKb = cmsPeak.stop();
    const invalid = raw.filter((entry) => !opportunitySchema.safeParse(entry).success).length;
    if (raw.length !== n || invalid > 0)
      throw new Error(`Exported ${raw.length} entries (${invalid} invalid), expected ${n} valid.`);

    console.log(`[${kind}] public list endpoint at ${load.rps} requests/s for ${load.seconds} s…`);
    const pages = Math.ceil(n / 25);
    const listQuery = new URLSearchParams(
      toStrapiQuery({
        'pagination[pageSize]': 25,
        populate: { territory: { fields: ['name', 'slug'] }, thematicAreas: { fields: ['name', 'slug'] } },
        sort: 'deadline:asc',
      }) as Record<string, string>,
    );
    const publicList = await constantRate({
      url: (i) => `${cms.url}/api/opportunities?${listQuery}&pagination[page]=${(i % pages) + 1}`,
      ...load,
    });

    console.log(`[${kind}] «Fai una domanda» endpoint at ${load.rps} requests/s for ${load.seconds} s, valid proofs…`);
    const submissions = await benchSubmissions({
      cmsUrl: cms.url,
      hub: HUB,
      adminSecret: secrets.ADMIN_JWT_SECRET!,
      database,
      ...load,
    });
    await closeStoredReads();

    const figures: DatabaseFigures = {
      database: kind,
      seed: { seconds: s(seedMs) },
      export: {
        seconds: s(exportMs),
        requests: client.requestCount(),
        entries: raw.length,
        cmsPeakRssMb: mb(cmsPeakKb),
      },
      publicList,
      submissions,
    };
    if (build) {
      console.log(`[${kind}] building the hub (fetch + Astro + Pagefind)…`);
      const result = await buildHub({
        hub: HUB,
        cmsUrl: cms.url,
        token,
        strict: true,
        outDir: path.join(dir, 'site', HUB),
        quiet: true,
      });
      const pagefind = result.report.pagefind!;
      const html = fs
        .readdirSync(result.outDir, { recursive: true })
        .filter((name) => String(name).endsWith('.html')).length;
      const astroMs = result.ms - pagefind.ms;
      const pageWeights = measureHub(result.outDir);
      console.log(`[${kind}] the publishing pipeline: a build worker, the hub server, publishes in the admin…`);
      figures.publishing = await benchPublishing({
        cmsUrl: cms.url,
        secret: secrets.SITO_WORKER_SECRET,
        tokenFile,
        dir: path.join(dir, 'publishing'),
        hub: HUB,
        ...options.publishing,
        log: (message) => console.log(`[${kind}] ${message}`),
      });
      // The browsers get the cores to themselves: the CMS has done its part.
      await cms.stop();
      const served = await serveBuiltHub(result.outDir);
      let searchTransfer: SearchTransfer;
      let lighthouse: LighthousePage[];
      try {
        console.log(`[${kind}] what the search page downloads, before and for the first query…`);
        searchTransfer = await measureSearchTransfer(served.url);
        const pages = hubPages(result.outDir);
        if (options.lighthouse) {
          console.log(`[${kind}] Lighthouse, mobile profile, ${pages.length} pages one after another…`);
          lighthouse = await runLighthouse(pages.map((page) => ({ page, url: `${served.url}${pagePath(page)}` })));
        } else {
          console.log(`[${kind}] Lighthouse skipped (--no-lighthouse)`);
          lighthouse = [];
        }
      } finally {
        await served.close();
      }
      figures.hubBuild = {
        seconds: s(result.ms),
        astroSeconds: s(astroMs),
        pages: html,
        pagesPerSecond: Math.round(html / (astroMs / 1000)),
        pagefindSeconds: s(pagefind.ms),
        pagefindIndexKb: Math.round(pagefind.bytes / 1024),
        peakRssMb: mb(result.peakRssKb),
        pageWeights,
        lighthouse,
        searchTransfer,
      };
    }
    return figures;
  } finally {
    await cms.stop();
    await database.drop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * `pnpm bench [--n 2000] [--rps 50] [--seconds 30] [--publishes 20] [--burst 50] [--no-lighthouse]`:
 * N synthetic opportunities (and a few entries of every other type) in a temporary CMS on SQLite
 * (and on PostgreSQL when TEST_DATABASE_URL or BENCH_DATABASE_URL is set), the builder's export,
 * the public list endpoint under constant load, and one hub built: its pages' weights and
 * Lighthouse scores, and what its search downloads; on SQLite, the publishing pipeline too (a
 * worker's full rebuild, publish-to-live latency of single-entry publishes, builds per burst).
 * Written to bench/results/ as JSON and markdown tables. Figures are reported, never asserted.
 */
export async function main(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: {
      n: { type: 'string', default: process.env.SITO_BENCH_N ?? '2000' },
      rps: { type: 'string', default: '50' },
      seconds: { type: 'string', default: '30' },
      lighthouse: { type: 'boolean', default: true },
      publishes: { type: 'string', default: '20' },
      burst: { type: 'string', default: '50' },
    },
    allowNegative: true,
  });
  const n = Number(values.n);
  const rps = Number(values.rps);
  const seconds = Number(values.seconds);
  if (!Number.isInteger(n) || n < 1 || n > 100_000)
    throw new Error(`--n must be a whole number from 1 to 100000 (got "${values.n}").`);
  if (!(rps > 0 && rps <= 500)) throw new Error(`--rps must be between 1 and 500 (got "${values.rps}").`);
  if (!(seconds > 0 && seconds <= 300))
    throw new Error(`--seconds must be between 1 and 300 (got "${values.seconds}").`);
  const publishes = Number(values.publishes);
  const burst = Number(values.burst);
  if (!Number.isInteger(publishes) || publishes < 1 || publishes > 500)
    throw new Error(`--publishes must be a whole number from 1 to 500 (got "${values.publishes}").`);
  if (!Number.isInteger(burst) || burst < 1 || burst > 1_000)
    throw new Error(`--burst must be a whole number from 1 to 1000 (got "${values.burst}").`);

  await ensureCmsBuilt({ admin: false });
  const kinds: DatabaseKind[] =
    process.env.BENCH_DATABASE_URL || process.env.TEST_DATABASE_URL ? ['sqlite', 'postgres'] : ['sqlite'];
  const databases: DatabaseFigures[] = [];
  for (const kind of kinds) {
    databases.push(
      await benchDatabase(kind, n, {
        load: { rps, seconds },
        build: kind === 'sqlite',
        lighthouse: values.lighthouse,
        publishing: { publishes, burst },
      }),
    );
  }

  const result = {
    date: new Date().toISOString(),
    machine: { cpus: os.cpus().length, memoryGb: Math.round(os.totalmem() / 2 ** 30), node: process.version },
    n,
    databases,
  };
  writeReport(result);
}

const kb = (bytes: number) => (bytes / 1024).toFixed(1);

/** Rows of the publishing pipeline's figures, against the goal of a one-entry publish live within 10 s. */
function publishingRows(database: string, p: PublishingFigures): string[] {
  const goal = p.settings.goalMs;
  const against = (ms: number) => `${s(ms)} s (${ms <= goal ? 'within' : 'over'})`;
  const { latencyMs: latency, buildMs } = p.singles;
  const burst = p.burst;
  const events = burst.builds.map((b) => b.events).join(' + ');
  const durations = burst.builds.map((b) => `${s(b.durationMs ?? 0)} s`).join(', ');
  const failed = burst.builds.filter((b) => b.status !== 'succeeded').length;
  return [
    `| ${database} | publishing: full rebuild (the worker's first build of the hub) | ${s(p.fullRebuild.ms)} s | build #${p.fullRebuild.buildId}, cold cache | |`,
    `| ${database} | publish → page live, ${p.singles.publishes} single-entry publishes one after another (goal ${s(goal)} s; the search index follows in a second release) | p50 ${against(latency.p50)}, p95 ${against(latency.p95)}, max ${against(latency.max)} | window ${p.settings.windowMs} ms, worker poll ${p.settings.workerPollMs} ms, probe every ${p.settings.probeMs} ms; load average ${p.loadAverage.start} → ${p.loadAverage.end} | |`,
    `| ${database} | one-entry rebuild, pages and then search index (median of ${buildMs.all.length} builds) | ${s(buildMs.median)} s | ${p.singles.ratioToFull} × the full rebuild (range ${s(Math.min(...buildMs.all))}–${s(Math.max(...buildMs.all))} s) | |`,
    `| ${database} | full rebuild asked for in the admin, the worker's cache warm | ${s(p.warmRebuild.ms)} s | the one-entry rebuild is ${p.singles.ratioToWarm} × this | |`,
    `| ${database} | burst of ${burst.publishes} publishes (sent in ${s(burst.sendMs)} s) | last live after ${s(burst.lastLiveMs)} s | ${burst.builds.length} build(s) of the hub (${events} events; ${durations})${failed ? `, ${failed} not succeeded` : ''}${burst.notLive ? `, ${burst.notLive} entries not live` : ''} | |`,
  ];
}

/** One row a page of the hub: its weight, and its Lighthouse scores with what failed below 100. */
function pageTable(database: string, build: NonNullable<DatabaseFigures['hubBuild']>): string {
  const rows = build.pageWeights.map((weight) => {
    const lh = build.lighthouse.find((page) => page.page === weight.page);
    const scores = LIGHTHOUSE_CATEGORIES.map((category) => lh?.scores[category] ?? '–');
    const failing = Object.entries(lh?.failing ?? {})
      .map(([category, ids]) => `${category}: ${ids.join(', ') || '(none listed)'}`)
      .concat(lh?.error ? [`error: ${lh.error}`] : [])
      .join('; ');
    return `| ${pagePath(weight.page) || '(home)'} | ${kb(weight.criticalGzipBytes)} KB${weight.criticalWithinBudget ? '' : ' (over)'} | ${weight.inlineScriptGzipBytes} B | ${weight.externalScripts} | ${weight.thirdPartyRequests.length} | ${scores.join(' / ')} | ${failing} |`;
  });
  const lighthouse = build.lighthouse.length ? '' : ' Lighthouse was not run (`--no-lighthouse`).';
  return `\n## Pages of the hub (${database})\n\nCritical HTML+CSS gzip -9 against the ${kb(CRITICAL_BUDGET_BYTES)} KB budget; Lighthouse mobile profile, scores performance / accessibility / best practices / SEO, and the audits that did not pass in each category below 100.${lighthouse}\n\n| page | critical HTML+CSS gz | inline JS gz | scripts | third-party | Lighthouse | failing audits |\n| --- | --- | --- | --- | --- | --- | --- |\n${rows.join('\n')}\n`;
}

function writeReport(result: { date: string; n: number; databases: DatabaseFigures[] }): void {
  const out = path.join(ROOT, 'bench', 'results');
  fs.mkdirSync(out, { recursive: true });
  const json = `${JSON.stringify(result, null, 2)}\n`;
  fs.writeFileSync(path.join(out, `bench-${result.date.replace(/[:.]/g, '-')}.json`), json);
  fs.writeFileSync(path.join(out, 'latest.json'), json);
  const rows = result.databases.flatMap((d) => {
    const list = d.publicList;
    const lines = [
      `| ${d.database} | seed (CMS boot + ${result.n} creates) | ${d.seed.seconds} s | | |`,
      `| ${d.database} | builder export of the hub | ${d.export.seconds} s | ${d.export.requests} requests, ${d.export.entries} entries | CMS ${d.export.cmsPeakRssMb} MB |`,
      `| ${d.database} | public list, page size 25, ${list.rps} req/s × ${list.seconds} s | p50 ${list.p50} ms, p95 ${list.p95} ms | ${list.requests} requests, ${list.errors} errors | |`,
    ];
    const q = d.submissions;
    lines.push(
      `| ${d.database} | «Fai una domanda», ${q.rps} req/s × ${q.seconds} s, valid proofs (goal p95 ≤ 100 ms) | p50 ${q.p50} ms, p95 ${q.p95} ms | ${q.requests} requests, ${q.errors} errors; ${q.accepted} accepted, ${q.stored} stored: ${q.lost} lost, ${q.duplicated} duplicated, ${q.storedUnconfirmed} stored though the client gave up (${q.exactlyOnce ? 'every accepted one stored exactly once' : 'NOT every accepted one stored exactly once'}) | |`,
    );
    if (d.hubBuild) {
      const b = d.hubBuild;
      const { beforeInteraction: before, firstQuery: first, ...search } = b.searchTransfer;
      lines.push(
        `| ${d.database} | Astro build (incl. its fetch) | ${b.astroSeconds} s | ${b.pages} pages, ${b.pagesPerSecond} pages/s | |`,
        `| ${d.database} | Pagefind | ${b.pagefindSeconds} s | ${b.pagefindIndexKb} KB index | |`,
        `| ${d.database} | hub build total | ${b.seconds} s | | ${b.peakRssMb} MB (Astro + Pagefind) |`,
        `| ${d.database} | search page, before any interaction | | ${before.requests} requests, ${kb(before.bytes)} KB, ${before.scriptsOrIndex} scripts or index files | |`,
        `| ${d.database} | search, first query "${search.query}" (budget ${kb(search.budgetBytes)} KB) | ${s(first.ms)} s | ${first.requests} requests, ${kb(first.bytes)} KB transferred (${search.withinBudget ? 'within' : 'over'} budget), ${kb(first.decodedBytes)} KB decoded, ${first.results} results | |`,
      );
    }
    if (d.publishing) lines.push(...publishingRows(d.database, d.publishing));
    return lines;
  });
  const pages = result.databases.filter((d) => d.hubBuild).map((d) => pageTable(d.database, d.hubBuild!));
  const md = `# Benchmark, N = ${result.n} (${result.date})\n\n| database | step | time | figures | peak memory |\n| --- | --- | --- | --- | --- |\n${rows.join('\n')}\n${pages.join('')}`;
  fs.writeFileSync(path.join(out, 'latest.md'), md);
  console.log(`\n${md}\nWritten to bench/results/latest.json and latest.md.`);
}
