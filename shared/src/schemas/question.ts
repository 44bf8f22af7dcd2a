import { z } from 'zod';
import { blocksSchema } from './blocks.js';
import { documentBaseSchema, isoDateSchema, localeSchema, slugSchema } from './common.js';
import { checkOwnership, editorialShape } from './editorial.js';
import { thematicAreaRefSchema } from './thematic-area.js';
import { territoryRefSchema } from './territory.js';

/** "L'esperto risponde": a question and an office's answer. Published shape of `api::question.question`. */
export const questionSchema = documentBaseSchema
  .extend({
    question: z.string().trim().min(3).max(500),
    slug: slugSchema,
    answer: blocksSchema.nullable(),
    thematicArea: thematicAreaRefSchema.nullable(),
    answeredBy: territoryRefSchema.nullable(),
    answeredOn: isoDateSchema,
    locale: localeSchema,
    ...editorialShape,
  })
  .superRefine(checkOwnership);
export type Question = z.infer<typeof questionSchema>;
