import { z } from 'zod';

/**
 * The envelope of a Strapi 5 REST list answer.
 * @see https://docs.strapi.io/cms/api/rest/sort-pagination#pagination
 */
export const paginationSchema = z.object({
  page: z.number().int().positive(),
  pageSize: z.number().int().positive(),
  pageCount: z.number().int().nonnegative(),
  total: z.number().int().nonnegative(),
});

export const listResponseSchema = z.object({
  data: z.array(z.unknown()),
  meta: z.object({ pagination: paginationSchema }),
});
export type ListResponse = z.infer<typeof listResponseSchema>;

/**
 * The CMS's change listing for the hub builder (`GET /api/sito/listing/<collection>`, see
 * cms/src/publishing/listing.ts): every published entry matching the filters, in one answer.
 */
export const listingResponseSchema = z.object({
  data: z.array(z.object({ documentId: z.string(), updatedAt: z.string() })),
  meta: z.object({ total: z.number() }),
});
export type ListingResponse = z.infer<typeof listingResponseSchema>;

/** Strapi's error answer: `{ error: { status, name, message, details } }`. */
export const errorResponseSchema = z.object({
  error: z.object({
    status: z.number(),
    name: z.string(),
    message: z.string(),
    details: z.unknown().optional(),
  }),
});
