import type { Core } from '@strapi/strapi';
import { addDays, romeDate } from '@sito/shared';
import { EDITORIAL_TYPES } from '../tenancy/scope';

/**
 * Recomputes the "to review" flag of every editorial entry from its last verification date:
 * entries not verified for more than `afterDays` days (or never) are flagged. Runs at boot and
 * nightly (config/cron-tasks.ts). It writes the flag on every stored version directly, so it
 * neither creates drafts nor changes what is published beyond the flag itself.
 */
export async function refreshReviewFlags(
  strapi: Core.Strapi,
  afterDays: number,
  today = romeDate(),
): Promise<{ flagged: number; cleared: number }> {
  const cutoff = addDays(today, -afterDays);
  let flagged = 0;
  let cleared = 0;
  for (const uid of EDITORIAL_TYPES) {
    const stale = await strapi.db.query(uid).updateMany({
      where: {
        $or: [{ lastVerifiedAt: { $lt: cutoff } }, { lastVerifiedAt: { $null: true } }],
        toReview: { $ne: true },
      },
      data: { toReview: true },
    });
    const fresh = await strapi.db.query(uid).updateMany({
      where: { lastVerifiedAt: { $gte: cutoff }, toReview: { $ne: false } },
      data: { toReview: false },
    });
    flagged += stale.count;
    cleared += fresh.count;
  }
  return { flagged, cleared };
}
