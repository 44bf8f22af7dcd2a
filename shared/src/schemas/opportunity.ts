import { z } from 'zod';
import { blocksSchema } from './blocks.js';
import {
  documentBaseSchema,
  emailSchema,
  isoDateSchema,
  localeSchema,
  mediaSchema,
  slugSchema,
  webUrlSchema,
} from './common.js';
import { checkOwnership, editorialShape } from './editorial.js';
import { thematicAreaRefSchema } from './thematic-area.js';

export const opportunityKindSchema = z.enum([
  'job',
  'internship',
  'apprenticeship',
  'seasonal',
  'volunteering',
  'civil-service',
  'work-camp',
  'call',
  'grant',
  'course',
  'competition',
]);
export type OpportunityKind = z.infer<typeof opportunityKindSchema>;

/**
 * An opportunity for young people: a job offer, an internship, a call for funding...
 * Published shape of `api::opportunity.opportunity`
 * (cms/src/api/opportunity/content-types/opportunity/schema.json).
 */
export const opportunitySchema = documentBaseSchema
  .extend({
    kind: opportunityKindSchema,
    thematicAreas: z.array(thematicAreaRefSchema),
    title: z.string().trim().min(3).max(200),
    slug: slugSchema,
    /** Two or three sentences shown in listings and search results. */
    summary: z.string().trim().min(10).max(600),
    /** The full text, as Strapi blocks. */
    body: blocksSchema.nullable(),
    organisation: z.string().nullable(),
    /** Where the opportunity takes place; null with `remote` for online ones. */
    municipality: z.string().nullable(),
    remote: z.boolean(),
    ageMin: z.number().int().min(0).max(99),
    ageMax: z.number().int().min(0).max(99),
    /** Who may apply: the page's only «Requisiti» section (the body does not repeat it). */
    requirements: blocksSchema.nullable(),
    /** What to send and how candidates are chosen, shown under «Come candidarsi» with the links below. */
    howToApply: blocksSchema.nullable(),
    applyUrl: webUrlSchema.nullable(),
    applyEmail: emailSchema.nullable(),
    /** First day applications are accepted. */
    opensOn: isoDateSchema.nullable(),
    /** Last day to apply (inclusive, Europe/Rome); null when there is no deadline. */
    deadline: isoDateSchema.nullable(),
    sourceUrl: webUrlSchema.nullable(),
    attachments: z.array(mediaSchema),
    tags: z.array(z.string().min(1)).nullable(),
    locale: localeSchema,
    ...editorialShape,
  })
  .superRefine(checkOwnership);
export type Opportunity = z.infer<typeof opportunitySchema>;
