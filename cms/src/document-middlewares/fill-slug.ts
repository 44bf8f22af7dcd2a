import type { Core, Modules } from '@strapi/strapi';
import { slugify } from '@sito/shared';

/**
 * Fills an empty slug from the title (or name) on create. The admin's uid field does
 * this in the browser, but entries created through the Document Service (seeds, imports, scripts)
 * would otherwise have none. A taken slug gets a numeric suffix: "stage-estivo-2".
 */
export function fillSlug(strapi: Core.Strapi): Modules.Documents.Middleware.Middleware {
  return async (ctx, next) => {
    if (!ctx.uid.startsWith('api::') || ctx.action !== 'create') return next();
    // The field a slug is made from is the uid attribute's targetField in schema.json.
    const slugAttribute = strapi.getModel(ctx.uid).attributes.slug as
      { type?: string; targetField?: string } | undefined;
    const source = slugAttribute?.type === 'uid' ? slugAttribute.targetField : undefined;
    if (!source) return next();

    const params = ctx.params as { data?: Record<string, unknown>; locale?: string; documentId?: string };
    const data = params.data;
    const text = data?.[source];
    if (!data || data.slug || typeof text !== 'string') return next();

    data.slug = await freeSlug(strapi, ctx.uid, text, params.locale, params.documentId);
    return next();
  };
}

/** The slug made from `text` that no other document of `uid` has in `locale`: "stage-estivo-2". */
export async function freeSlug(
  strapi: Core.Strapi,
  uid: string,
  text: string,
  locale?: string,
  documentId?: string,
): Promise<string> {
  const base = slugify(text) || 'voce';
  for (let n = 1; ; n += 1) {
    const candidate = n === 1 ? base : `${base}-${n}`;
    const taken = (await strapi.db.query(uid as never).findOne({
      where: { slug: candidate, ...(locale ? { locale } : {}) },
      select: ['documentId'],
    })) as { documentId: string } | null;
    if (!taken || taken.documentId === documentId) return candidate;
  }
}
