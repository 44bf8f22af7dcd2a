import { z } from 'zod';
import { blocksSchema } from './blocks.js';
import { documentBaseSchema, localeSchema, mediaSchema, refSchema, slugSchema } from './common.js';
import { checkOwnership, editorialShape } from './editorial.js';
import { thematicAreaRefSchema } from './thematic-area.js';

export const studyPathSchema = z.object({
  path: z.string().min(1),
  duration: z.string().nullable(),
  where: z.string().nullable(),
});

export const testimonialSchema = z.object({
  name: z.string().min(1),
  role: z.string().min(1),
  quote: z.string().min(1),
  photo: mediaSchema.nullable(),
});

/** A profession and how to get there. Published shape of `api::profession.profession`. */
export const professionSchema = documentBaseSchema
  .extend({
    name: z.string().trim().min(3).max(160),
    slug: slugSchema,
    sector: z.string().min(1),
    description: blocksSchema.nullable(),
    demand: z.enum(['in-demand', 'emerging', 'stable']),
    studyPaths: z.array(studyPathSchema),
    skills: z.array(z.string().min(1)).nullable(),
    testimonials: z.array(testimonialSchema),
    relatedTutorials: z.array(refSchema),
    thematicArea: thematicAreaRefSchema.nullable(),
    locale: localeSchema,
    ...editorialShape,
  })
  .superRefine(checkOwnership);
export type Profession = z.infer<typeof professionSchema>;
