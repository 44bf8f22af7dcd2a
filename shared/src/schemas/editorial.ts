import { z } from 'zod';
import { isoDateSchema } from './common.js';
import { territoryRefSchema } from './territory.js';

/**
 * Fields every editorial entry carries: whose it is, and when it was last checked.
 * An entry belongs to one territory, or is regional (shown in every hub): never both, never none.
 */
export const editorialShape = {
  territory: territoryRefSchema.nullable(),
  regional: z.boolean(),
  /** When an operator last confirmed the entry is still right. */
  lastVerifiedAt: isoDateSchema.nullable(),
  /** Not verified for longer than the configured period (SITO_REVIEW_AFTER_DAYS): "da verificare". Kept by the CMS. */
  toReview: z.boolean(),
  /** The office that verified it. */
  verifiedBy: territoryRefSchema.nullable(),
};

export function checkOwnership(entry: { territory: unknown; regional: boolean }, ctx: z.RefinementCtx): void {
  if (entry.regional && entry.territory) {
    ctx.addIssue({
      code: 'custom',
      path: ['territory'],
      message: 'a regional entry must not also belong to a territory',
    });
  }
  if (!entry.regional && !entry.territory) {
    ctx.addIssue({
      code: 'custom',
      path: ['territory'],
      message: 'choose the territory this entry belongs to, or mark it regional',
    });
  }
}
