import { z } from 'zod';
import { blocksSchema } from './blocks.js';
import { documentBaseSchema, isoDateSchema, localeSchema, slugSchema } from './common.js';
import { checkOwnership, editorialShape } from './editorial.js';

/** News from an office or the network. Published shape of `api::news.news`. */
export const newsSchema = documentBaseSchema
  .extend({
    title: z.string().trim().min(3).max(200),
    slug: slugSchema,
    date: isoDateSchema,
    summary: z.string().trim().min(10).max(600),
    body: blocksSchema.nullable(),
    locale: localeSchema,
    ...editorialShape,
  })
  .superRefine(checkOwnership);
export type News = z.infer<typeof newsSchema>;
