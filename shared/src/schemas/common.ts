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

/** An opening time, `HH:MM` on a 24-hour clock. */
export const clockTimeSchema = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a time written as HH:MM (24 hours)');

/** A web address people can open: http or https only. */
export const webUrlSchema = z.url({
  protocol: /^https?$/,
  error: 'must be a web address starting with http:// or https://',
});

/** An email address. */
export const emailSchema = z.email({ error: 'must be an email address such as informagiovani@comune.cremona.it' });

/**
 * A phone number as Italian offices write it: optional +39, digits, spaces, dots, dashes or slashes,
 * 6 to 15 digits in all.
 */
export const phoneSchema = z
  .string()
  .regex(/^\+?[\d\s./-]+$/, 'must be a phone number: digits, spaces and an optional leading +')
  .refine((value) => {
    const digits = value.replace(/\D/g, '').length;
    return digits >= 6 && digits <= 15;
  }, 'must have between 6 and 15 digits');

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

/** A document of another type as it appears when populated with a few fields (at least slug). */
export const refSchema = z.object({
  id: z.number().int().positive(),
  documentId: z.string().min(1),
  slug: slugSchema,
});

/** An uploaded file as the REST API publishes it (images, PDFs). */
export const mediaSchema = z.object({
  id: z.number().int().positive(),
  name: z.string(),
  url: z.string().min(1),
  mime: z.string(),
  size: z.number().nonnegative(),
  alternativeText: z.string().nullable().optional(),
});
export type Media = z.infer<typeof mediaSchema>;
