import { z } from 'zod';
import { blocksSchema } from './blocks.js';
import { documentBaseSchema, isoDateSchema, localeSchema, slugSchema } from './common.js';
import { territoryRefSchema } from './territory.js';

/**
 * An opportunity for young people: a job offer, an internship, a call for funding...
 * Published shape of `api::opportunity.opportunity`
 * (cms/src/api/opportunity/content-types/opportunity/schema.json).
 */
export const opportunitySchema = documentBaseSchema.extend({
  title: z.string().trim().min(3).max(200),
  slug: slugSchema,
  /** Two or three sentences shown in listings and search results. */
  summary: z.string().trim().min(10).max(600),
  /** The full text, as Strapi blocks. */
  body: blocksSchema,
  /** Last day to apply (inclusive, Europe/Rome); null when there is no deadline. */
  deadline: isoDateSchema.nullable(),
  locale: localeSchema,
  /** Owning territory; every opportunity belongs to one. */
  territory: territoryRefSchema,
});
export type Opportunity = z.infer<typeof opportunitySchema>;
