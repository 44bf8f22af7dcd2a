import { z } from 'zod';
import { documentBaseSchema, slugSchema } from './common.js';

/**
 * A territory is a hub of the network (Cremona, Crema, ...): each one gets its own site.
 * Published shape of `api::territory.territory` (cms/src/api/territory/content-types/territory/schema.json).
 */
export const territorySchema = documentBaseSchema.extend({
  /** Display name, e.g. "Informagiovani Cremona". */
  name: z.string().trim().min(2).max(120),
  /** Identifier of the hub: its site is served at `/<slug>/`. */
  slug: slugSchema,
  /** One line under the name in the hub's header. */
  tagline: z.string().trim().max(200).nullable(),
});
export type Territory = z.infer<typeof territorySchema>;

/** A territory as it appears inside another entry when populated with name and slug only. */
export const territoryRefSchema = z.object({
  id: z.number().int().positive(),
  documentId: z.string().min(1),
  name: z.string(),
  slug: slugSchema,
});
export type TerritoryRef = z.infer<typeof territoryRefSchema>;
