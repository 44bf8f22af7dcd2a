import type { Core } from '@strapi/strapi';
import { cmsEnv } from '../cms-env';
import { createBuildStore, type BuildStore } from './store';
import { allHubs } from './hubs';
import { latestChange } from './reconcile';

/**
 * The publishing pipeline's CMS half: the build queue (store.ts), what a change rebuilds
 * (hubs.ts and document-middlewares/queue-builds.ts), the workers' signed endpoints and the
 * admin's endpoints (routes.ts), reconciliation and the nightly rebuild (reconcile.ts).
 */
let instance: BuildStore | undefined;

export function buildStore(strapi: Core.Strapi): BuildStore {
  if (!instance) {
    const env = cmsEnv();
    instance = createBuildStore(strapi, {
      windowMs: env.SITO_BUILD_WINDOW_MS,
      maxWaitMs: env.SITO_BUILD_MAX_WAIT_MS,
      leaseMs: env.SITO_BUILD_LEASE_SECONDS * 1000,
      maxAttempts: env.SITO_BUILD_MAX_ATTEMPTS,
      retryBaseMs: env.SITO_BUILD_RETRY_BASE_MS,
    });
  }
  return instance;
}

/** Every hub, now: the nightly rebuild (deadlines pass at midnight even when nothing is edited). */
export async function queueEveryHub(strapi: Core.Strapi, trigger: string): Promise<string[]> {
  const hubs = await allHubs(strapi);
  await buildStore(strapi).enqueue(hubs, trigger, { immediate: true });
  return hubs.map((hub) => hub.slug);
}

/**
 * Reconciliation: a hub whose content changed after the start of its last successful (or
 * current) build, or that was never built, is queued. It catches what a crash between a change
 * and its request could lose. Deletions leave no date behind: the nightly rebuild covers them.
 */
export async function reconcile(strapi: Core.Strapi): Promise<string[]> {
  const store = buildStore(strapi);
  const queued: string[] = [];
  for (const hub of await allHubs(strapi)) {
    const { coveredSince } = await store.lastBuilds(hub.id);
    const changed = await latestChange(strapi, hub.id);
    if (coveredSince === null || (changed !== null && changed > coveredSince)) {
      await store.enqueue([hub], 'Riconciliazione: contenuti più recenti dell’ultima build', { immediate: true });
      queued.push(hub.slug);
    }
  }
  return queued;
}
