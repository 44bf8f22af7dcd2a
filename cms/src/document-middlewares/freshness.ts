import type { Core, Modules } from '@strapi/strapi';
import { needsReview, romeDate } from '@sito/shared';
import { cmsEnv } from '../cms-env';
import { EDITORIAL_TYPES } from '../tenancy/scope';

/**
 * Keeps the freshness fields of editorial entries: a new entry counts as verified today by its
 * own office unless told otherwise (what people sent from a hub, or an entry created flagged to
 * review without a date, is not verified: it is to review, until an operator publishes it — to
 * publish it they reviewed it, so that first publish verifies it), and `toReview` always follows
 * `lastVerifiedAt` (flagged once
 * older than SITO_REVIEW_AFTER_DAYS). The nightly sweep (freshness/review-flags.ts) flags entries
 * that age without being edited.
 */
export function freshness(strapi: Core.Strapi): Modules.Documents.Middleware.Middleware {
  const { SITO_REVIEW_AFTER_DAYS } = cmsEnv();
  return async (ctx, next) => {
    if (!EDITORIAL_TYPES.includes(ctx.uid)) return next();
    if (ctx.action === 'publish') {
      const documentId = (ctx.params as { documentId?: string }).documentId;
      if (documentId) await verifiedByPublishing(strapi, ctx.uid, documentId);
      return next();
    }
    if (ctx.action !== 'create' && ctx.action !== 'update') return next();
    const params = ctx.params as { data?: Record<string, unknown> };
    const data = (params.data ??= {});
    // What people sent from a hub (an offer from a company, cms/src/offers; a question,
    // cms/src/submissions) is not verified by anyone yet: flagged to review, and no date.
    const unverified =
      data.fromSubmission === true ||
      (data.toReview === true && (data.lastVerifiedAt === undefined || data.lastVerifiedAt === null));
    if (ctx.action === 'create' && unverified) {
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

/**
 * Publishing a document that was never verified (a question or an offer sent from a hub) verifies
 * it: today, by its own territory, flag cleared, on its drafts before they are copied to the
 * published version. A document verified before keeps its date.
 */
async function verifiedByPublishing(strapi: Core.Strapi, uid: string, documentId: string): Promise<void> {
  const drafts = (await strapi.db.query(uid as never).findMany({
    where: { documentId, publishedAt: { $null: true }, lastVerifiedAt: { $null: true } },
    select: ['id'],
    populate: { territory: { select: ['id'] } },
  })) as Array<{ id: number; territory: { id: number } | null }>;
  for (const draft of drafts)
    await strapi.db.query(uid as never).update({
      where: { id: draft.id },
      data: { lastVerifiedAt: romeDate(), toReview: false, verifiedBy: draft.territory?.id ?? null },
    });
}
