import { z } from 'zod';
import { blocksSchema } from './blocks.js';
import { documentBaseSchema, localeSchema, mediaSchema, refSchema, slugSchema } from './common.js';
import { checkOwnership, editorialShape } from './editorial.js';
import { thematicAreaRefSchema } from './thematic-area.js';

export const tutorialStepSchema = z.object({ title: z.string().min(1), body: blocksSchema.nullable() });

/** How-to guidance (CV, cover letter, interview, EURES...). Published shape of `api::tutorial.tutorial`. */
export const tutorialSchema = documentBaseSchema
  .extend({
    thematicArea: thematicAreaRefSchema.nullable(),
    title: z.string().trim().min(3).max(200),
    slug: slugSchema,
    summary: z.string().trim().min(10).max(600),
    steps: z.array(tutorialStepSchema),
    readingMinutes: z.number().int().min(1).max(240).nullable(),
    /** Downloadable templates: a CV, a cover letter. */
    templates: z.array(mediaSchema),
    relatedOpportunities: z.array(refSchema),
    relatedProfessions: z.array(refSchema),
    locale: localeSchema,
    ...editorialShape,
  })
  .superRefine(checkOwnership);
export type Tutorial = z.infer<typeof tutorialSchema>;
