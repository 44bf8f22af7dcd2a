import { z } from 'zod';
import { blocksSchema } from './blocks.js';
import { documentBaseSchema, isoDateSchema, localeSchema, refSchema, slugSchema, webUrlSchema } from './common.js';
import { checkOwnership, editorialShape } from './editorial.js';
import { thematicAreaRefSchema } from './thematic-area.js';

/** An organisation taking part in a project: `cms/src/components/project/partner.json`. */
export const projectPartnerSchema = z.object({
  name: z.string().trim().min(2).max(160),
  url: webUrlSchema.nullable(),
  /** The lead partner (capofila), which presented the project and answers for it. */
  lead: z.boolean().nullable(),
});
export type ProjectPartner = z.infer<typeof projectPartnerSchema>;

/**
 * A project or programme the network runs (Young in Progress, Patti Giovani, the online desk of
 * Informagiovani 4.0...): who takes part, when, who funds it, what it achieved, and the events and
 * opportunities it offers. Published shape of `api::project.project`
 * (cms/src/api/project/content-types/project/schema.json).
 */
export const projectSchema = documentBaseSchema
  .extend({
    thematicArea: thematicAreaRefSchema.nullable(),
    title: z.string().trim().min(3).max(200),
    slug: slugSchema,
    summary: z.string().trim().min(10).max(600),
    body: blocksSchema.nullable(),
    partners: z.array(projectPartnerSchema),
    startDate: isoDateSchema,
    /** None for a programme that goes on with no planned end. */
    endDate: isoDateSchema.nullable(),
    /** Who pays for it, as the call names it: "Regione Lombardia – bando La Lombardia è dei giovani 2021". */
    funding: z.string().trim().max(500).nullable(),
    /** The amount granted, in euros. */
    fundingAmount: z.number().int().nonnegative().nullable(),
    /** What it achieved so far. */
    outcomes: blocksSchema.nullable(),
    relatedEvents: z.array(refSchema),
    relatedOpportunities: z.array(refSchema),
    locale: localeSchema,
    ...editorialShape,
  })
  .superRefine(checkOwnership)
  .superRefine((project, ctx) => {
    if (project.endDate && project.endDate < project.startDate) {
      ctx.addIssue({ code: 'custom', path: ['endDate'], message: 'a project cannot end before it starts' });
    }
  });
export type Project = z.infer<typeof projectSchema>;
