import { z } from 'zod';

/**
 * A URL-safe identifier: lowercase letters, digits and single dashes.
 * @see https://docs.strapi.io/cms/backend-customization/models#model-attributes (uid)
 */
export const slugSchema = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be lowercase letters, digits and dashes (e.g. "tirocinio-comune")');

/** A calendar date as Strapi's `date` attribute publishes it: `YYYY-MM-DD`. */
export const isoDateSchema = z.iso.date({ error: 'must be a date written as YYYY-MM-DD' });

/** A timestamp as Strapi publishes `createdAt`, `updatedAt` and `publishedAt`. */
export const isoDateTimeSchema = z.iso.datetime({ offset: true, error: 'must be an ISO 8601 timestamp' });

/** Locales the platform publishes in. Italian is the default; English where content exists. */
export const localeSchema = z.enum(['it', 'en']);
export type Locale = z.infer<typeof localeSchema>;

/** Fields every published Strapi 5 document carries. */
export const documentBaseSchema = z.object({
  id: z.number().int().positive(),
  documentId: z.string().min(1),
  createdAt: isoDateTimeSchema,
  updatedAt: isoDateTimeSchema,
  publishedAt: isoDateTimeSchema,
});
