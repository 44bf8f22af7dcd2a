import type { Core, Modules, UID } from '@strapi/strapi';
import { previewStore } from '../publishing/previews';

const READS = new Set(['findMany', 'findFirst', 'findOne', 'count']);

interface RequestLike {
  state?: { route?: { info?: { type?: string } } };
  get?: (header: string) => string;
}

/** The one draft a request may read: a worker building that draft's preview, with the preview's id. */
async function previewGrant(strapi: Core.Strapi, request: RequestLike, uid: string, params: unknown): Promise<boolean> {
  const grant = request.get?.('x-sito-preview');
  if (!grant) return false;
  const { documentId, filters } = params as { documentId?: unknown; filters?: { documentId?: { $eq?: unknown } } };
  const wanted = documentId ?? filters?.documentId?.$eq;
  if (typeof wanted !== 'string') return false;
  const collection = strapi.getModel(uid as UID.ContentType).info.pluralName;
  return previewStore(strapi).allows(grant, collection, wanted);
}

/**
 * The content API serves published content only, to everyone (the public role, the builder's token),
 * whatever the request says. The rule sits where the query is made, on the Document Service: every
 * read made for a content-API route is a read of published versions, so no spelling of the path, no
 * query parameter and no populate can reach a draft. (middlewares/published-only.ts answers a clear
 * 403 to `?status=draft` before this; this is what holds if anything gets past it.) The one
 * exception is a worker building a draft's private preview (publishing/previews.ts).
 */
export function publicReads(strapi: Core.Strapi): Modules.Documents.Middleware.Middleware {
  return async (ctx, next) => {
    if (!READS.has(ctx.action)) return next();
    const request = strapi.requestContext.get() as RequestLike | undefined;
    if (request?.state?.route?.info?.type !== 'content-api') return next();
    const params = ctx.params as { status?: string };
    if (params.status === 'draft' && (await previewGrant(strapi, request, ctx.uid, params))) return next();
    params.status = 'published';
    return next();
  };
}
