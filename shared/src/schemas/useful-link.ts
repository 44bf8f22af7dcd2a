import { z } from 'zod';
import { documentBaseSchema, localeSchema, slugSchema, webUrlSchema } from './common.js';
import { checkOwnership, editorialShape } from './editorial.js';
import { thematicAreaRefSchema } from './thematic-area.js';

/**
 * A website worth knowing (EURES, Europass, the regional calls portal...), listed under a thematic
 * section such as «Siti utili»; its card opens the site itself.
 * Published shape of `api::useful-link.useful-link`.
 */
export const usefulLinkSchema = documentBaseSchema
  .extend({
    thematicArea: thematicAreaRefSchema.nullable(),
    title: z.string().trim().min(3).max(200),
    slug: slugSchema,
    /** The site's address: http or https only (the CMS refuses anything else, shared/src/rules). */
    url: webUrlSchema,
    /** What a young reader finds there, in a sentence or two. */
    description: z.string().trim().min(10).max(600),
    /**
     * A tool of the network the offices send young people to (the regional orientation platform):
     * shown on the home page and at the top of its area's pages, not only in the lists.
     */
    featured: z.boolean(),
    locale: localeSchema,
    ...editorialShape,
  })
  .superRefine(checkOwnership);
export type UsefulLink = z.infer<typeof usefulLinkSchema>;
