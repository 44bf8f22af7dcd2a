import { z } from 'zod';
import { documentBaseSchema, localeSchema, refSchema, slugSchema } from './common.js';

/**
 * A thematic area (Ricerca lavoro, Informazioni, Aree professionali) or, with a parent, one of its
 * sections. Areas are data: templates never hard-code the list.
 * Published shape of `api::thematic-area.thematic-area`.
 */
export const thematicAreaSchema = documentBaseSchema.extend({
  name: z.string().trim().min(2).max(120),
  slug: slugSchema,
  description: z.string().nullable(),
  /** Order among its siblings. */
  position: z.number().int().nonnegative(),
  parent: refSchema.nullable(),
  locale: localeSchema,
});
export type ThematicArea = z.infer<typeof thematicAreaSchema>;

/** A thematic area as it appears inside another entry when populated with name and slug. */
export const thematicAreaRefSchema = refSchema.extend({ name: z.string() });
