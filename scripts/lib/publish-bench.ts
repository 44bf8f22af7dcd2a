import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { Build } from '@sito/shared';
import { createHubServer } from '../serve-hubs.ts';
import { hubBuilds, loginAdmin, type AdminClient } from './admin-client.ts';
import { stopGroup } from './processes.ts';
import { spawnWorker } from './publishing/spawn-worker.ts';

/** The goal: a one-entry publish live within this, whatever the hub's size. */
export const PUBLISH_GOAL_MS = 10_000;

const CM = '/content-manager/collection-types';
const OPP = 'api::opportunity.opportunity';
const TERRITORY = 'api::territory.territory';
/** The coalescing window and its maximum wait: the CMS's defaults (shared/src/config/env.ts). */
const WINDOW_MS = 1_500;
const MAX_WAIT_MS = 15_000;
/** What the bench CMS is booted with, so the figures are measured with known settings. */
export const PUBLISHING_CMS_ENV = {
  SITO_BUILD_WINDOW_MS: String(WINDOW_MS),
  SITO_BUILD_MAX_WAIT_MS: String(MAX_WAIT_MS),
};
/** How often the worker asks for a due build (as the tests start it, tests/helpers/publishing.ts). */
const WORKER_POLL_MS = 200;
/** How often the bench asks the hub server whether a page is live. */
const PROBE_MS = 100;

export interface PublishingFigures {
  settings: { windowMs: number; maxWaitMs: number; workerPollMs: number; probeMs: number; goalMs: number };
  /** The machine's 1-minute load average when the section began and ended (others may share it). */
  loadAverage: { start: number; end: number };
  /** The worker's first build of the hub (reconciliation at start: never built, cold cache). */
  fullRebuild: { buildId: number; ms: number };
  /** A full rebuild asked for in the admin after the single publishes: the worker's cache is warm. */
  warmRebuild: { buildId: number; ms: number };
  /** Sequential publishes of one new entry each, every one waited for until its page answers 200. */
  singles: {
    publishes: number;
    /** From the publish request's start to the first 200 of the entry's page. */
    latencyMs: { p50: number; p95: number; max: number; all: number[] };
    /** The durations of the builds that made them live (as the admin endpoint reports them). */
    buildMs: { median: number; all: number[] };
    /** The median one-entry rebuild over the full rebuild, and over the warm full rebuild. */
    ratioToFull: number;
    ratioToWarm: number;
  };
  /** Publishes sent back to back, then waited for. */
  burst: {
    publishes: number;
    /** How long sending them took (create + publish each). */
    sendMs: number;
    /** Builds of the hub created after the burst began, with how many events each coalesced. */
    builds: Array<{ id: number; status: string; events: number; durationMs: number | null }>;
    /** From the burst's first request until its last entry's page answers 200. */
    lastLiveMs: number;
    /** Entries of the burst whose page did not answer 200 at the end (0 expected). */
    notLive: number;
  };
}

/** Nearest-rank percentile of an ascending list. */
const percentile = (sorted: number[], p: number) => sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
const ascending = (values: number[]) => [...values].sort((a, b) => a - b);
const ratio = (part: number, whole: number | null) => (whole ? Number((part / whole).toFixed(2)) : 0);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** An admin client that logs in again when its session ends (access tokens last 30 minutes). */
async function adminSession(cmsUrl: string): Promise<AdminClient> {
  let client = await loginAdmin(cmsUrl);
  return {
    get jwt() {
      return client.jwt;
    },
    async request(method, pathname, body) {
      const first = await client.request(method, pathname, body);
      if (first.status !== 401) return first;
      client = await loginAdmin(cmsUrl);
      return client.request(method, pathname, body);
    },
  };
}

/** A build worker process, as `pnpm start` and the tests start it, logging into `logFile`. */
function startWorker(options: {
  cmsUrl: string;
  secret: string;
  tokenFile: string;
  releasesDir: string;
  logFile: string;
}): ChildProcess {
  return spawnWorker({
    ...options,
    id: 'bench-1',
    env: { SITO_POLL_MS: String(WORKER_POLL_MS) },
  });
}

/**
 * The publishing pipeline on a seeded CMS: a real worker process builds and deploys the hub, the
 * real hub server serves it, and publishes go through the admin's content-manager API. Measures
 * the worker's first (full) build, publish-to-live latency over sequential single-entry
 * publishes, and what a burst of publishes costs in builds and time. Reported, not asserted.
 */
export async function benchPublishing(options: {
  cmsUrl: string;
  /** SITO_WORKER_SECRET, as the CMS was booted with. */
  secret: string;
  tokenFile: string;
  /** A scratch folder: releases and the worker's log go there. */
  dir: string;
  hub: string;
  publishes?: number;
  burst?: number;
  log?: (message: string) => void;
}): Promise<PublishingFigures> {
  const { cmsUrl, hub, publishes = 20, burst = 50, log = console.log } = options;
  const releasesDir = path.join(options.dir, 'releases');
  const logFile = path.join(options.dir, 'worker.log');
  fs.mkdirSync(options.dir, { recursive: true });
  const admin = await adminSession(cmsUrl);
  const loadStart = os.loadavg()[0]!;

  const territories = await admin.request('GET', `${CM}/${TERRITORY}?pageSize=100`);
  const territory = (territories.body?.results as Array<{ slug: string; documentId: string }> | undefined)?.find(
    (t) => t.slug === hub,
  );
  if (!territory) throw new Error(`No territory "${hub}" in the CMS (${territories.status}).`);

  const server = createHubServer(releasesDir);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const worker = startWorker({ ...options, releasesDir, logFile });

  const workerGone = () => {
    if (worker.exitCode === null && worker.signalCode === null) return;
    const tail = fs.existsSync(logFile) ? fs.readFileSync(logFile, 'utf8').slice(-3_000) : '';
    throw new Error(`The build worker exited (${worker.exitCode ?? worker.signalCode}).\n--- worker log ---\n${tail}`);
  };
  /** Polls until `probe` gives a value; the worker's death or the deadline fails the bench. */
  async function until<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs: number, everyMs = 500) {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      workerGone();
      const value = await probe();
      if (value !== undefined) return value;
      await sleep(everyMs);
    }
    const tail = fs.existsSync(logFile) ? fs.readFileSync(logFile, 'utf8').slice(-2_000) : '';
    throw new Error(`Timed out after ${timeoutMs / 1000} s waiting for ${what}.\n--- worker log ---\n${tail}`);
  }
  const pageLive = async (slug: string) => {
    const response = await fetch(`${origin}/${hub}/opportunita/${slug}/`);
    await response.arrayBuffer();
    return response.status === 200;
  };
  /** The hub's builds once the worker is idle: no build of any hub queued or running. */
  const settled = async () => {
    const { status, body } = await admin.request('GET', '/sito/publishing/hubs');
    if (status !== 200) throw new Error(`GET /sito/publishing/hubs answered ${status}: ${JSON.stringify(body)}`);
    const hubs = body.data as Array<{ slug: string; builds: Build[] }>;
    const busy = hubs.some((h) => h.builds.some((b) => b.status === 'queued' || b.status === 'running'));
    return busy ? undefined : (hubs.find((h) => h.slug === hub)?.builds ?? []);
  };
  const failed = (build: Build) =>
    new Error(`Build #${build.id} of ${hub} ${build.status}: ${build.error ?? ''}\n${build.logTail ?? ''}`);
  /** A build of the hub once it succeeded (a failed or cancelled one fails the bench). */
  const succeeded = async (match: (build: Build) => boolean) => {
    const build = (await hubBuilds(admin, hub)).find(match);
    if (build && build.status !== 'queued' && build.status !== 'running' && build.status !== 'succeeded')
      throw failed(build);
    return build?.status === 'succeeded' ? build : undefined;
  };

  let created = 0;
  const run = Date.now().toString(36);
  /** Creates a draft opportunity of the hub; returns it and a function that publishes it. */
  async function draft(label: string) {
    created += 1;
    const title = `Pubblicazione misurata ${run} ${label}`;
    const res = await admin.request('POST', `${CM}/${OPP}?locale=it`, {
      title,
      summary: 'Una voce creata dal benchmark di pubblicazione per misurare quando arriva sul sito.',
      kind: 'job',
      territory: { connect: [{ documentId: territory!.documentId }] },
    });
    if (res.status !== 201) throw new Error(`Creating "${title}" answered ${res.status}: ${JSON.stringify(res.body)}`);
    const { documentId, slug } = res.body.data as { documentId: string; slug: string };
    const publish = async () => {
      const published = await admin.request('POST', `${CM}/${OPP}/${documentId}/actions/publish?locale=it`, {});
      if (published.status !== 200)
        throw new Error(`Publishing "${title}" answered ${published.status}: ${JSON.stringify(published.body)}`);
    };
    return { title, slug, publish };
  }

  try {
    log(`[publishing] the worker's first build of the hub (reconciliation at start)…`);
    const full = await until(
      'the first build of the hub',
      async () => {
        const first = (await hubBuilds(admin, hub)).findLast((b) => b.status !== 'queued' && b.status !== 'running');
        if (first && first.status !== 'succeeded') throw failed(first);
        return first;
      },
      30 * 60_000,
      1_000,
    );
    await until('the worker idle', settled, 30 * 60_000, 1_000);
    log(`[publishing] full rebuild ${(full.durationMs! / 1000).toFixed(1)} s; ${publishes} single-entry publishes…`);

    const latencies: number[] = [];
    const singleBuilds: number[] = [];
    for (let i = 1; i <= publishes; i += 1) {
      const entry = await draft(`n. ${i}`);
      const started = performance.now();
      await entry.publish();
      await until(
        `"${entry.title}" live`,
        async () => ((await pageLive(entry.slug)) ? true : undefined),
        15 * 60_000,
        PROBE_MS,
      );
      latencies.push(Math.round(performance.now() - started));
      const build = await until(
        `the build of "${entry.title}" reported`,
        () => succeeded((b) => b.triggers.some((t) => t.includes(`«${entry.title}»`))),
        60_000,
        200,
      );
      if (build.events !== 1) log(`[publishing] build #${build.id} coalesced ${build.events} events`);
      singleBuilds.push(build.durationMs ?? 0);
      await until('the worker idle', settled, 15 * 60_000, 200);
      log(
        `[publishing]   ${i}/${publishes}: live after ${(latencies.at(-1)! / 1000).toFixed(2)} s (build ${((build.durationMs ?? 0) / 1000).toFixed(1)} s)`,
      );
    }

    log(`[publishing] a full rebuild asked for in the admin (Ricostruisci ora), the worker's cache warm…`);
    const queued = await admin.request('POST', `/sito/publishing/hubs/${hub}/rebuild`);
    if (queued.status !== 202) throw new Error(`Rebuild now answered ${queued.status}: ${JSON.stringify(queued.body)}`);
    const manual = await until('the manual rebuild', () => succeeded((b) => b.id === queued.body.data.id), 30 * 60_000);
    await until('the worker idle', settled, 15 * 60_000, 200);

    log(`[publishing] a burst of ${burst} publishes…`);
    const before = Math.max(0, ...(await hubBuilds(admin, hub)).map((b) => b.id));
    const burstStarted = performance.now();
    const entries: Array<{ slug: string }> = [];
    for (let i = 1; i <= burst; i += 1) {
      const entry = await draft(`raffica n. ${i}`);
      await entry.publish();
      entries.push(entry);
    }
    const sendMs = Math.round(performance.now() - burstStarted);
    const last = entries.at(-1)!;
    await until(
      'the whole burst live',
      async () => ((await pageLive(last.slug)) ? true : undefined),
      30 * 60_000,
      PROBE_MS,
    );
    const lastLiveMs = Math.round(performance.now() - burstStarted);
    const after = await until('the worker idle', settled, 15 * 60_000, 200);
    let notLive = 0;
    for (const entry of entries) if (!(await pageLive(entry.slug))) notLive += 1;
    const builds = after
      .filter((b) => b.id > before)
      .sort((a, b) => a.id - b.id)
      .map((b) => ({ id: b.id, status: b.status, events: b.events, durationMs: b.durationMs }));

    const sorted = ascending(latencies);
    const median = percentile(ascending(singleBuilds), 50);
    return {
      settings: {
        windowMs: WINDOW_MS,
        maxWaitMs: MAX_WAIT_MS,
        workerPollMs: WORKER_POLL_MS,
        probeMs: PROBE_MS,
        goalMs: PUBLISH_GOAL_MS,
      },
      loadAverage: { start: Number(loadStart.toFixed(2)), end: Number(os.loadavg()[0]!.toFixed(2)) },
      fullRebuild: { buildId: full.id, ms: full.durationMs ?? 0 },
      warmRebuild: { buildId: manual.id, ms: manual.durationMs ?? 0 },
      singles: {
        publishes,
        latencyMs: {
          p50: percentile(sorted, 50),
          p95: percentile(sorted, 95),
          max: sorted.at(-1) ?? 0,
          all: latencies,
        },
        buildMs: { median, all: singleBuilds },
        ratioToFull: ratio(median, full.durationMs),
        ratioToWarm: ratio(median, manual.durationMs),
      },
      burst: { publishes: burst, sendMs, builds, lastLiveMs, notLive },
    };
  } finally {
    await stopGroup(worker);
    await new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
    log(`[publishing] ${created} entries created; worker stopped`);
  }
}
