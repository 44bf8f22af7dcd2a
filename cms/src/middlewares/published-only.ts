import type { Core } from '@strapi/strapi';
import { normalisedPath } from '../lib/paths';
import { previewStore } from '../publishing/previews';

/**
 * The content API (`/api/...`) serves published content only, to everyone: the public role and
 * the builder's read-only token alike. Strapi 5 would otherwise return drafts to any reader that
 * adds `?status=draft`, so the parameter is refused with a clear answer instead of ignored. The one
 * exception is a draft preview's build reading its own draft (publishing/previews.ts).
 *
 * This is the polite half: the rule itself holds on the Document Service
 * (document-middlewares/public-reads.ts), whatever the path looks like. The path is compared as
 * Strapi's router matches it (case-insensitively, decoded, slashes collapsed).
 */
export default (_config: unknown, { strapi }: { strapi: Core.Strapi }): Core.MiddlewareHandler => {
  const prefix = strapi.config.get<string>('api.rest.prefix', '/api');
  return async (ctx, next) => {
    const query = ctx.query as Record<string, unknown>;
    const status = query.status;
    const pathname = normalisedPath(ctx.path);
    if (pathname.startsWith(`${prefix.toLowerCase()}/`) && status !== undefined && status !== 'published') {
      // One exception: a worker building a draft preview reads that one draft, with the preview's
      // id as grant (publishing/previews.ts), while it builds it.
      const grant = ctx.get('x-sito-preview');
      const documentId = (query.filters as { documentId?: { $eq?: unknown } } | undefined)?.documentId?.$eq;
      const collection = pathname.slice(prefix.length + 1).split('/')[0] ?? '';
      if (
        status === 'draft' &&
        grant &&
        typeof documentId === 'string' &&
        (await previewStore(strapi).allows(grant, collection, documentId))
      )
        return next();
      ctx.status = 403;
      ctx.body = {
        data: null,
        error: {
          status: 403,
          name: 'ForbiddenError',
          message: 'The public API serves published content only: remove "status" or set it to "published".',
          details: { status },
        },
      };
      return;
    }
    await next();
  };
};
