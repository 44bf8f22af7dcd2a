import type { Core } from '@strapi/strapi';

/**
 * The content API (`/api/...`) serves published content only, to everyone: the public role and
 * the builder's read-only token alike. Strapi 5 would otherwise return drafts to any reader that
 * adds `?status=draft`, so the parameter is refused with a clear answer instead of ignored.
 */
export default (_config: unknown, { strapi }: { strapi: Core.Strapi }): Core.MiddlewareHandler => {
  const prefix = strapi.config.get<string>('api.rest.prefix', '/api');
  return async (ctx, next) => {
    const status = (ctx.query as Record<string, unknown>).status;
    if (ctx.path.startsWith(`${prefix}/`) && status !== undefined && status !== 'published') {
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
