import { daysUntil } from './dates.js';

/** After how many days without verification an entry is flagged "da verificare" (to review). */
export const DEFAULT_REVIEW_AFTER_DAYS = 180;

/**
 * Whether an entry needs to be checked again: never verified, or last verified more than
 * `afterDays` days ago (Europe/Rome days).
 */
export function needsReview(
  lastVerifiedAt: string | null | undefined,
  now: Date = new Date(),
  afterDays = DEFAULT_REVIEW_AFTER_DAYS,
): boolean {
  if (!lastVerifiedAt) return true;
  return -daysUntil(lastVerifiedAt.slice(0, 10), now) > afterDays;
}
