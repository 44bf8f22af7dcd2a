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

    const base = slugify(text) || 'voce';
    let candidate = base;
    for (let n = 2; ; n += 1) {
      const taken = await strapi.db.query(ctx.uid).findOne({
        where: { slug: candidate, ...(params.locale ? { locale: params.locale } : {}) },
        select: ['documentId'],
      });
      if (!taken || taken.documentId === params.documentId) break;
      candidate = `${base}-${n}`;
    }
    data.slug = candidate;
    return next();
  };
}
