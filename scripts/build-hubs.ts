import fs from 'node:fs';
import path from 'node:path';
import { parseEnv, builderEnvSchema } from '@sito/shared';
import { z } from 'zod';
import { buildHub, listHubs } from './lib/hubs.ts';
import { DEFAULT_TOKEN_FILE, RELEASES_DIR } from './lib/paths.ts';
import { deployRelease, pruneReleases, releaseName, stagingFolder } from './lib/publishing/releases.ts';

/**
 * Builds every published territory's hub (or only SITO_HUBS=a,b) from a running CMS and deploys
 * each as a new live release, by hand, without the queue and the workers (`pnpm build:hubs`).
 */
export async function buildAllHubs(options: {
  cmsUrl: string;
  tokenFile: string;
  only?: string[];
  strict?: boolean;
  releasesDir?: string;
}) {
  const releasesDir = options.releasesDir ?? RELEASES_DIR;
  if (!fs.existsSync(options.tokenFile)) {
    throw new Error(`No builder token at ${options.tokenFile}: start the CMS once (pnpm start) so it writes one.`);
  }
  const token = fs.readFileSync(options.tokenFile, 'utf8').trim();
  const territories = await listHubs(options.cmsUrl, token);
  const hubs = territories.map((territory) => territory.slug);
  const selected = options.only?.length ? hubs.filter((hub) => options.only!.includes(hub)) : hubs;
  const unknown = options.only?.filter((hub) => !hubs.includes(hub)) ?? [];
  if (unknown.length)
    throw new Error(`Unknown hub(s): ${unknown.join(', ')}. Published territories: ${hubs.join(', ')}.`);
  const results = [];
  for (const hub of selected) {
    console.log(`\n▶ Building hub "${hub}"…`);
    const release = releaseName('manual');
    const staging = stagingFolder(releasesDir, hub, release);
    const result = await buildHub({
      hub,
      cmsUrl: options.cmsUrl,
      token,
      strict: options.strict ?? false,
      quiet: true,
      outDir: staging,
    });
    const territory = territories.find((t) => t.slug === hub)!;
    deployRelease(
      releasesDir,
      { slug: hub, name: territory.name, hostname: territory.hostname ?? null },
      staging,
      release,
    );
    pruneReleases(releasesDir, hub, 5);
    const skipped = result.report.skipped.length;
    const toReview = result.report.toReview.length;
    console.log(
      `  ✔ ${hub}: ${result.report.entries.opportunities ?? 0} opportunities, ${result.report.pagefind?.pages ?? 0} pages indexed, ${(result.ms / 1000).toFixed(1)} s${skipped ? `, ${skipped} invalid entries skipped (see ${path.join(releasesDir, hub, 'releases', `${release}.report.json`)})` : ''}${toReview ? `, ${toReview} to review` : ''}`,
    );
    results.push(result);
  }
  return results;
}

/** `pnpm build:hubs`: every hub, or those in SITO_HUBS=a,b. */
export async function main(): Promise<void> {
  const env = parseEnv(
    z.object({
      SITO_CMS_URL: builderEnvSchema.shape.SITO_CMS_URL,
      SITO_TOKEN_FILE: z.string().default(DEFAULT_TOKEN_FILE),
      SITO_HUBS: z.string().optional(),
      SITO_STRICT: builderEnvSchema.shape.SITO_STRICT,
    }),
    process.env,
    'pnpm build:hubs',
  );
  await buildAllHubs({
    cmsUrl: env.SITO_CMS_URL,
    tokenFile: env.SITO_TOKEN_FILE,
    only: env.SITO_HUBS?.split(',')
      .map((s) => s.trim())
      .filter(Boolean),
    strict: env.SITO_STRICT,
  });
}
