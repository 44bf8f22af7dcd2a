import type { Core } from '@strapi/strapi';
import { cmsEnv } from '../src/cms-env';
import { refreshReviewFlags } from '../src/freshness/review-flags';

/** Scheduled jobs, on Italian time. */
export default {
  /** Every night: entries that aged past the review period get their "to review" flag. */
  reviewFlags: {
    task: async ({ strapi }: { strapi: Core.Strapi }) => {
      const { flagged, cleared } = await refreshReviewFlags(strapi, cmsEnv().SITO_REVIEW_AFTER_DAYS);
      strapi.log.info(`[sito] review flags: ${flagged} entries flagged, ${cleared} cleared`);
    },
    options: { rule: '0 3 * * *', tz: 'Europe/Rome' },
  },
};
