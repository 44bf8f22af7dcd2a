import { addDays, daysUntil, romeDate } from './dates.js';

/**
 * The figures the coordinators watch, per territory (issue «Monitoraggio»): counted here from the
 * published entries the CMS hands over, with the clock passed in, so that the CMS, the tests and
 * anyone else count alike. A published entry counts once, whatever its languages.
 */
export const DEFAULT_STALE_AFTER_DAYS = 90;

/** One published entry as the figures need it (one row per document). */
export interface MonitoredEntry {
  type: string;
  documentId: string;
  /** The slug of the territory it belongs to. */
  territory: string | null;
  /** Opportunities: last day to apply (`YYYY-MM-DD`), null when open-ended. */
  deadline?: string | null;
  /** Events: when it starts (ISO instant). */
  startsAt?: string | null;
  lastVerifiedAt: string | null;
  toReview: boolean | null;
  /** The documentIds of its thematic areas (the same in every language); none for types without. */
  areas?: readonly string[];
}

export interface ContentFigures {
  /** Published opportunities not past their deadline (open-ended ones included), as the hubs show them. */
  openOpportunities: number;
  /** Open opportunities whose last day is today or within the next 7 days. */
  closingIn7Days: number;
  /** … within the next 30 days. */
  closingIn30Days: number;
  /** Opportunities whose deadline passed in the last 30 days. */
  closedLast30Days: number;
  /** Published entries of every type not verified for more than `staleAfterDays` days (or never). */
  stale: number;
  /** Published entries flagged «da verificare». */
  toReview: number;
  /** Published events that have not started yet. */
  upcomingEvents: number;
}

export const CONTENT_FIGURES: Array<keyof ContentFigures> = [
  'openOpportunities',
  'closingIn7Days',
  'closingIn30Days',
  'closedLast30Days',
  'stale',
  'toReview',
  'upcomingEvents',
];

export const emptyFigures = (): ContentFigures =>
  Object.fromEntries(CONTENT_FIGURES.map((key) => [key, 0])) as unknown as ContentFigures;

/** Counts one territory's (or any set's) published entries. */
export function contentFigures(
  entries: readonly MonitoredEntry[],
  options: { now: Date; staleAfterDays: number },
): ContentFigures {
  const figures = emptyFigures();
  const staleBefore = addDays(romeDate(options.now), -options.staleAfterDays);
  for (const entry of entries) {
    if (!entry.lastVerifiedAt || entry.lastVerifiedAt.slice(0, 10) < staleBefore) figures.stale += 1;
    if (entry.toReview === true) figures.toReview += 1;
    if (entry.type === 'opportunity') {
      const days = entry.deadline ? daysUntil(entry.deadline, options.now) : null;
      if (days === null || days >= 0) figures.openOpportunities += 1;
      if (days !== null && days >= 0 && days <= 7) figures.closingIn7Days += 1;
      if (days !== null && days >= 0 && days <= 30) figures.closingIn30Days += 1;
      if (days !== null && days < 0 && days >= -30) figures.closedLast30Days += 1;
    }
    if (entry.type === 'event' && entry.startsAt && Date.parse(entry.startsAt) > options.now.getTime())
      figures.upcomingEvents += 1;
  }
  return figures;
}

/** The middle value (the mean of the two middle ones for an even count); null for none. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** What was sent from a hub and answered: when it came in, when an operator answered it (ms). */
export interface AnswerTime {
  kind: 'question' | 'booking' | 'offer';
  receivedAt: number;
  answeredAt: number;
}

/** The median time to answer counts what was answered over this many days. */
export const ANSWER_WINDOW_DAYS = 30;

export type AnswerMedians = Record<AnswerTime['kind'], number | null>;

/**
 * The median seconds from reception to answer, per kind, of what was answered in the last
 * `ANSWER_WINDOW_DAYS` days (null when nothing was).
 */
export function answerMedians(rows: readonly AnswerTime[], now: Date): AnswerMedians {
  const since = now.getTime() - ANSWER_WINDOW_DAYS * 86_400_000;
  const of = (kind: AnswerTime['kind']) => {
    const middle = median(
      rows
        .filter((row) => row.kind === kind && row.answeredAt >= since && row.answeredAt <= now.getTime())
        .map((row) => Math.max(0, row.answeredAt - row.receivedAt) / 1000),
    );
    return middle === null ? null : Math.round(middle);
  };
  return { question: of('question'), booking: of('booking'), offer: of('offer') };
}
