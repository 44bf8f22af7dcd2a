import { z } from 'zod';
import { blocksSchema } from './blocks.js';
import { documentBaseSchema, localeSchema, mediaSchema, slugSchema, webUrlSchema } from './common.js';
import { checkOwnership, editorialShape } from './editorial.js';

/** The network's shared repository for operators. Published shape of `api::operator-resource.operator-resource`. */
export const operatorResourceSchema = documentBaseSchema
  .extend({
    kind: z.enum(['good-practice', 'tool', 'training-material', 'webinar-recording']),
    title: z.string().trim().min(3).max(200),
    slug: slugSchema,
    summary: z.string().trim().min(10).max(600),
    body: blocksSchema.nullable(),
    url: webUrlSchema.nullable(),
    files: z.array(mediaSchema),
    locale: localeSchema,
    ...editorialShape,
  })
  .superRefine(checkOwnership);
export type OperatorResource = z.infer<typeof operatorResourceSchema>;
