import fs from 'node:fs';
import path from 'node:path';
import { previewPath, type ClaimedBuild, type ClaimedPreview } from '@sito/shared';
import { buildHub, indexHubSearch, prepareBuildProcess, stopPreparedBuildProcess } from '../hubs.ts';
import { CmsError, createWorkerClient, type WorkerClient } from './cms-client.ts';
import { notifyRelease } from './notify.ts';
import { hubWithdrawnPage } from './pages.ts';
import {
  clearStaging,
  deployedHubs,
  deployRelease,
  hubFolder,
  liveRelease,
  withdrawHub,
  previewFolder,
  prunePreviews,
  pruneReleases,
  releaseName,
  SEARCH_SUFFIX,
  stagingFolder,
  previewFailureFile,
  writePreviewFailure,
} from './releases.ts';

/** How long a draft preview's pages are kept. */
const PREVIEW_TTL_MS = 60 * 60_000;

export interface WorkerOptions {
  cmsUrl: string;
  secret: string;
  worker: string;
  /** The builder's read-only API token, read again for each build (the CMS may rewrite it). */
  tokenFile: string;
  releasesDir: string;
  siteUrl?: string;
  keepReleases: number;
  pollMs: number;
  reconcileEveryMs: number;
  log?: (message: string) => void;
}

const sleep = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener(
      'abort',
      () => {
        clearTimeout(timer);
        resolve();
      },
      { once: true },
    );
  });

/** What an editor reads when a preview fails: the draft's problems when it is invalid, else the end of the log. */
export function previewProblem(message: string): string {
  const invalid = /[^\n]*the draft of [^\n]* is invalid:(?:\n\s+- [^\n]+)+/.exec(message);
  return (invalid?.[0] ?? tail(message, 1_500)).trim().slice(0, 4_000);
}

const tail = (text: string, chars = 4_000) => (text.length > chars ? `…${text.slice(-chars)}` : text);

/**
 * A build worker: claims a due build from the CMS (one hub at a time, atomically), builds the hub
 * (fetch, Astro, Pagefind) into a staging folder, deploys it atomically, reports the result, and
 * keeps its claim alive with heartbeats meanwhile. On start it takes back what it was building
 * before a crash and asks the CMS to reconcile; it reconciles again periodically.
 */
export function createWorker(options: WorkerOptions) {
  const log = options.log ?? ((message: string) => console.log(`[worker ${options.worker}] ${message}`));
  const client: WorkerClient = createWorkerClient(options);
  const stopping = new AbortController();
  let current: AbortController | null = null;

  async function runBuild(build: ClaimedBuild, leaseMs: number): Promise<void> {
    const abort = new AbortController();
    current = abort;
    const staging = stagingFolder(options.releasesDir, build.hub, `${build.id}-${build.attempts}`);
    clearStaging(options.releasesDir, build.hub);
    const started = performance.now();
    log(`building ${build.hub} (build #${build.id}, attempt ${build.attempts}: ${build.triggers.at(-1) ?? ''})`);

    const beat = setInterval(
      () => {
        client.heartbeat(build.id).then(
          ({ keep }) => {
            if (!keep) abort.abort('the CMS took the build back (cancelled, or the lease expired)');
          },
          (error: Error) => log(`heartbeat failed: ${error.message}`),
        );
      },
      Math.max(500, Math.floor(leaseMs / 3)),
    );
    let output = '';
    const cacheDir = path.join(hubFolder(options.releasesDir, build.hub), '.cache');
    try {
      if (build.withdraw) return await withdraw(build, build.withdraw.movedTo, started);
      const token = fs.readFileSync(options.tokenFile, 'utf8').trim();
      const result = await buildHub({
        hub: build.hub,
        cmsUrl: options.cmsUrl,
        token,
        siteUrl: options.siteUrl,
        outDir: staging,
        cacheDir,
        keepOutput: true,
        searchLater: true,
        quiet: true,
        signal: abort.signal,
        prepareNext: true,
      });
      output = result.output;
      abort.signal.throwIfAborted();
      const hub = {
        slug: build.hub,
        name: build.hubName,
        hostname: build.hostname,
        formerHostnames: build.formerHostnames ?? [],
      };
      let release = releaseName(build.id);
      deployRelease(options.releasesDir, hub, staging, release);
      if (result.searchPending) {
        // The pages are live (with the previous search index); the new index follows in a second
        // release made of the same files and the new index.
        log(`${build.hub} is live: release ${release}; updating its search index`);
        const first = path.join(hubFolder(options.releasesDir, build.hub), 'releases', release);
        const second = stagingFolder(options.releasesDir, build.hub, `${build.id}-${build.attempts}-search`);
        const { pagefind } = await indexHubSearch({ hub: build.hub, cacheDir, outDir: second });
        abort.signal.throwIfAborted();
        const report = JSON.parse(fs.readFileSync(`${first}.report.json`, 'utf8')) as Record<string, unknown>;
        fs.writeFileSync(`${second}.report.json`, `${JSON.stringify({ ...report, pagefind }, null, 2)}\n`);
        release = `${release}${SEARCH_SUFFIX}`;
        // The first release stays until the next build's pruning: a request may still be reading it.
        deployRelease(options.releasesDir, hub, second, release);
        output += `\n[worker] search index: ${pagefind.pages} pages in ${Math.round(pagefind.ms)} ms`;
      }
      // A renamed territory: its former addresses lead here.
      for (const former of build.formerSlugs ?? []) {
        if (former === build.hub || !fs.existsSync(hubFolder(options.releasesDir, former))) continue;
        withdrawHub(options.releasesDir, former, { movedTo: build.hub });
        log(`${former} now leads to ${build.hub} (renamed)`);
      }
      const durationMs = Math.round(performance.now() - started);
      pruneReleases(options.releasesDir, build.hub, options.keepReleases);
      await client.complete(build.id, { release, durationMs, logTail: tail(output) });
      log(`${build.hub} is live: release ${release} (${(durationMs / 1000).toFixed(1)} s)`);
      if (build.notify) await notifyRelease(build.notify, { hub: build.hub, release, buildId: build.id }, log);
    } catch (error) {
      const message = (error as Error).message;
      if (abort.signal.aborted && stopping.signal.aborted) {
        log(`stopped while building ${build.hub}; the build goes back to the queue`);
        return;
      }
      log(`build #${build.id} of ${build.hub} failed: ${message.split('\n')[0]}`);
      if (abort.signal.aborted && !stopping.signal.aborted) return; // Not ours any more.
      try {
        const { retryAt } = await client.fail(build.id, {
          error: message.split('\n')[0]!.slice(0, 2_000),
          logTail: tail(output || message),
        });
        log(retryAt ? `it will be retried from ${retryAt}` : 'it will not be retried');
      } catch (reportError) {
        log(`could not report the failure: ${(reportError as Error).message}`);
      }
    } finally {
      clearInterval(beat);
      current = null;
      clearStaging(options.releasesDir, build.hub);
    }
  }

  /**
   * A hub whose territory is no longer a published hub: its site stops being served (releases
   * kept), its addresses lead to `movedTo` (an antenna's parent) or answer 410 with a page naming
   * the network's other hubs.
   */
  async function withdraw(build: ClaimedBuild, movedTo: string | null, started: number): Promise<void> {
    const others = deployedHubs(options.releasesDir).filter(
      (hub) => hub.slug !== build.hub && liveRelease(options.releasesDir, hub.slug),
    );
    withdrawHub(
      options.releasesDir,
      build.hub,
      movedTo ? { movedTo } : { page: hubWithdrawnPage(build.hubName, others) },
    );
    const outcome = movedTo ? `its addresses now lead to ${movedTo}` : 'its addresses answer 410';
    await client.complete(build.id, {
      release: movedTo ? `ritirato-verso-${movedTo}` : 'ritirato',
      durationMs: Math.round(performance.now() - started),
      logTail: `[worker] ${build.hub} is no longer a published hub: site withdrawn, ${outcome}.`,
    });
    log(`${build.hub} withdrawn: ${outcome}`);
  }

  /**
   * A draft preview: the hub built with one draft, into a private folder that is never a release.
   * While it builds, the hub server shows a page that waits for it; if the build fails (a draft
   * that is not valid yet), it shows why.
   */
  async function runPreview(preview: ClaimedPreview): Promise<void> {
    const folder = previewFolder(options.releasesDir, preview.id);
    fs.rmSync(previewFailureFile(options.releasesDir, preview.id), { force: true });
    log(`building a preview of ${preview.collection} ${preview.documentId} on ${preview.hub}`);
    const started = performance.now();
    let error: string | null = null;
    try {
      const token = fs.readFileSync(options.tokenFile, 'utf8').trim();
      await buildHub({
        hub: preview.hub,
        cmsUrl: options.cmsUrl,
        token,
        siteUrl: options.siteUrl,
        outDir: folder,
        cacheDir: `${folder}.cache`,
        quiet: true,
        preview: { ...preview, base: previewPath(preview.id, preview.hub) },
        prepareNext: true,
      });
      log(`preview ${preview.id} is ready (${((performance.now() - started) / 1000).toFixed(1)} s)`);
    } catch (failure) {
      error = previewProblem((failure as Error).message);
      writePreviewFailure(options.releasesDir, preview.id, error);
      log(`preview ${preview.id} failed: ${error.split('\n')[0]}`);
    } finally {
      fs.rmSync(`${folder}.cache`, { recursive: true, force: true });
    }
    try {
      await client.previewDone(preview.id, error);
    } catch (reportError) {
      log(`could not report the preview: ${(reportError as Error).message}`);
    }
  }

  async function loop(): Promise<void> {
    prepareBuildProcess();
    const recovered = await client.recover();
    if (recovered.requeued) log(`took back ${recovered.requeued} build(s) interrupted by a restart`);
    let lastReconcile = 0;
    while (!stopping.signal.aborted) {
      try {
        if (Date.now() - lastReconcile >= options.reconcileEveryMs) {
          lastReconcile = Date.now();
          const { queued } = await client.reconcile();
          if (queued.length) log(`reconciliation queued ${queued.join(', ')}`);
        }
        prunePreviews(options.releasesDir, PREVIEW_TTL_MS);
        const { build, preview, leaseMs, nextDueInMs } = await client.claim();
        if (preview) await runPreview(preview);
        else if (build) await runBuild(build, leaseMs);
        // A build queued within a window is claimed the moment it is due.
        else await sleep(Math.min(options.pollMs, nextDueInMs ?? Infinity), stopping.signal);
      } catch (error) {
        const status = error instanceof CmsError ? error.status : 0;
        log(`${(error as Error).message}${status === 401 ? ' (check SITO_WORKER_SECRET)' : ''}`);
        await sleep(Math.max(options.pollMs, 2_000), stopping.signal);
      }
    }
  }

  return {
    loop,
    /** Stops after aborting the current build, which goes back to the queue without a penalty. */
    async stop(): Promise<void> {
      stopping.abort('the worker is stopping');
      current?.abort('the worker is stopping');
      await stopPreparedBuildProcess();
      try {
        await client.recover();
      } catch {
        // The CMS may be gone already; the lease will expire.
      }
    },
  };
}
