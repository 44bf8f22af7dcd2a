import { z } from 'zod';
import { isIsbn } from '../isbn.js';
import { documentBaseSchema, localeSchema, slugSchema, webUrlSchema } from './common.js';
import { checkOwnership, editorialShape } from './editorial.js';
import { thematicAreaRefSchema } from './thematic-area.js';

/** An ISBN-10 or ISBN-13 with a right check digit, hyphens and spaces allowed (shared/src/isbn.ts). */
export const isbnSchema = z.string().trim().refine(isIsbn, {
  error: 'must be an ISBN-10 or ISBN-13 with a valid check digit, e.g. 978-0-306-40615-7',
});

/**
 * A book or guide in a section's «Bibliografia»: on the CV, looking for work, orientation, working
 * abroad. Published shape of `api::reading.reading` («Voce di bibliografia»).
 */
export const readingSchema = documentBaseSchema
  .extend({
    thematicArea: thematicAreaRefSchema.nullable(),
    title: z.string().trim().min(2).max(300),
    slug: slugSchema,
    /** As the cover gives them: «Richard N. Bolles», «Commissione europea». */
    authors: z.string().trim().min(2).max(300),
    publisher: z.string().trim().max(200).nullable(),
    /** Year of the edition; null for a guide kept up to date online. */
    year: z.number().int().min(1900).max(2100).nullable(),
    isbn: isbnSchema.nullable(),
    /** Where to read it online, or the publisher's page. */
    url: webUrlSchema.nullable(),
    /** Why it is worth reading, in the office's words. */
    note: z.string().trim().min(10).max(600),
    locale: localeSchema,
    ...editorialShape,
  })
  .superRefine(checkOwnership);
export type Reading = z.infer<typeof readingSchema>;
