import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import lighthouse, { type Result } from 'lighthouse';
import { CHROMIUM_FLAGS, chromiumPath } from './browser.ts';

export const LIGHTHOUSE_CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
type Category = (typeof LIGHTHOUSE_CATEGORIES)[number];

/** The performance metrics Lighthouse scores, in ms (CLS unitless). */
const METRICS = {
  fcp: 'first-contentful-paint',
  lcp: 'largest-contentful-paint',
  tbt: 'total-blocking-time',
  cls: 'cumulative-layout-shift',
  si: 'speed-index',
} as const;

export interface LighthousePage {
  page: string;
  /** 0–100 per category; null when Lighthouse could not score it (see `error`). */
  scores: Record<Category, number | null>;
  /** For each category below 100, the ids of its audits that did not pass. */
  failing: Partial<Record<Category, string[]>>;
  metrics: Record<keyof typeof METRICS, number | null>;
  /** Lighthouse's measure of the machine's speed while it ran (lower: busier or slower machine). */
  benchmarkIndex: number;
  error?: string;
}

/** The part of chrome-launcher used here. */
interface ChromeLauncher {
  launch(options: {
    chromePath: string;
    chromeFlags: string[];
    logLevel: 'silent';
  }): Promise<{ port: number; kill(): void | Promise<void> }>;
}

/**
 * chrome-launcher is Lighthouse's own dependency (pnpm does not hoist it to the root), so it is
 * resolved from Lighthouse's folder: the version Lighthouse was released with.
 */
async function chromeLauncher(): Promise<ChromeLauncher> {
  const fromLighthouse = createRequire(createRequire(import.meta.url).resolve('lighthouse'));
  return (await import(pathToFileURL(fromLighthouse.resolve('chrome-launcher')).href)) as ChromeLauncher;
}

/** The ids of a category's audits that did not pass (scored below 1), metrics and insights included. */
function failingAudits(lhr: Result, category: Category): string[] {
  return (lhr.categories[category]?.auditRefs ?? [])
    .map((ref) => lhr.audits[ref.id])
    .filter((audit) => audit && audit.score !== null && audit.score < 1)
    .map((audit) => audit!.id);
}

function summarise(page: string, lhr: Result): LighthousePage {
  const scores = {} as LighthousePage['scores'];
  const failing: LighthousePage['failing'] = {};
  for (const category of LIGHTHOUSE_CATEGORIES) {
    const score = lhr.categories[category]?.score;
    scores[category] = typeof score === 'number' ? Math.round(score * 100) : null;
    if (scores[category] !== 100) failing[category] = failingAudits(lhr, category);
  }
  const metrics = Object.fromEntries(
    Object.entries(METRICS).map(([key, id]) => {
      const value = lhr.audits[id]?.numericValue;
      return [key, typeof value === 'number' ? Number(value.toFixed(key === 'cls' ? 3 : 0)) : null];
    }),
  ) as LighthousePage['metrics'];
  return {
    page,
    scores,
    failing,
    metrics,
    benchmarkIndex: Math.round(lhr.environment.benchmarkIndex),
    ...(lhr.runtimeError ? { error: lhr.runtimeError.message } : {}),
  };
}

/**
 * Lighthouse's default (mobile) profile on each page, one after another in one Chromium (Debian's,
 * through chrome-launcher): scores for performance, accessibility, best practices and SEO.
 */
export async function runLighthouse(pages: Array<{ page: string; url: string }>): Promise<LighthousePage[]> {
  const chrome = await (
    await chromeLauncher()
  ).launch({
    chromePath: chromiumPath(),
    chromeFlags: CHROMIUM_FLAGS,
    logLevel: 'silent',
  });
  const results: LighthousePage[] = [];
  try {
    for (const { page, url } of pages) {
      const started = performance.now();
      const run = await lighthouse(url, {
        port: chrome.port,
        logLevel: 'error',
        output: 'json',
        onlyCategories: [...LIGHTHOUSE_CATEGORIES],
      });
      if (!run) throw new Error(`Lighthouse returned nothing for ${url}.`);
      const summary = summarise(page, run.lhr);
      results.push(summary);
      console.log(
        `  ${page}: ${LIGHTHOUSE_CATEGORIES.map((c) => summary.scores[c]).join(' / ')} (${((performance.now() - started) / 1000).toFixed(0)} s)`,
      );
    }
  } finally {
    await chrome.kill();
  }
  return results;
}
