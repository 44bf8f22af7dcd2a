/** An entry the build left out, and why. */
export interface SkippedEntry {
  collection: string;
  entry: string;
  problems: string[];
}

export interface BuildReport {
  hub: string;
  startedAt: string;
  entries: Record<string, number>;
  skipped: SkippedEntry[];
  /** Entries the CMS flags as not verified for too long ("da verificare"). */
  toReview: Array<{ collection: string; entry: string; lastVerifiedAt: string | null }>;
  cmsRequests: number;
}

// Loaders and integrations may be loaded through different module graphs during one build, so
// the report lives on globalThis rather than in module state.
const KEY = Symbol.for('sito.buildReport');
type WithReport = typeof globalThis & { [KEY]?: BuildReport };

export function buildReport(hub: string): BuildReport {
  const holder = globalThis as WithReport;
  holder[KEY] ??= { hub, startedAt: new Date().toISOString(), entries: {}, skipped: [], toReview: [], cmsRequests: 0 };
  return holder[KEY];
}
