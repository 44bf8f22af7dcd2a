import type { Core, Modules } from '@strapi/strapi';
import { needsReview, romeDate } from '@sito/shared';
import { cmsEnv } from '../cms-env';
import { EDITORIAL_TYPES } from '../tenancy/scope';

/**
 * Keeps the freshness fields of editorial entries: a new entry counts as verified today by its
 * own office unless told otherwise (an offer a company sent from a hub is not verified: it is to
 * review), and `toReview` always follows `lastVerifiedAt` (flagged once
 * older than SITO_REVIEW_AFTER_DAYS). The nightly sweep (freshness/review-flags.ts) flags entries
 * that age without being edited.
 */
export function freshness(_strapi: Core.Strapi): Modules.Documents.Middleware.Middleware {
  const { SITO_REVIEW_AFTER_DAYS } = cmsEnv();
  return async (ctx, next) => {
    if (!EDITORIAL_TYPES.includes(ctx.uid) || (ctx.action !== 'create' && ctx.action !== 'update')) return next();
    const params = ctx.params as { data?: Record<string, unknown> };
    const data = (params.data ??= {});
    // What a company sent from a hub (cms/src/offers) is not verified by anyone yet: flagged to review.
    if (ctx.action === 'create' && data.fromSubmission === true) {
      data.lastVerifiedAt = null;
      data.toReview = true;
      return next();
    }
    if (ctx.action === 'create') {
      if (data.lastVerifiedAt === undefined || data.lastVerifiedAt === null) data.lastVerifiedAt = romeDate();
      if (data.verifiedBy === undefined && data.territory !== undefined && data.territory !== null)
        data.verifiedBy = data.territory;
    }
    if (data.lastVerifiedAt !== undefined) {
      data.toReview = needsReview(data.lastVerifiedAt as string | null, new Date(), SITO_REVIEW_AFTER_DAYS);
    }
    return next();
  };
}
