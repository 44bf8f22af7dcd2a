import type { Core, UID } from '@strapi/strapi';
import { EDITORIAL_TYPES, TERRITORY, requestScope } from '../tenancy/scope';

const EXISTING_RELATIONS = /^\/content-manager\/relations\/([^/]+)\/([^/]+)\/([^/]+)$/;

/**
 * The content manager lists an entry's existing relations with the ids of related entries the
 * user may not read (only their titles are withheld). For territory operators this would reveal
 * that another territory's entries exist and their ids, so they are removed from the answer.
 */
export default (_config: unknown, { strapi }: { strapi: Core.Strapi }): Core.MiddlewareHandler => {
  return async (ctx, next) => {
    await next();
    const match = ctx.method === 'GET' ? EXISTING_RELATIONS.exec(ctx.path) : null;
    if (!match || ctx.status !== 200) return;

    const [, sourceUid, , field] = match.map(decodeURIComponent);
    const source = sourceUid
      ? (strapi.contentTypes[sourceUid as UID.ContentType] ?? strapi.components[sourceUid as UID.Component])
      : undefined;
    const target = (source?.attributes[field ?? ''] as { target?: UID.ContentType } | undefined)?.target;
    if (!target || (!EDITORIAL_TYPES.includes(target) && target !== TERRITORY)) return;

    const scope = await requestScope(strapi, ctx.state as Parameters<typeof requestScope>[1]);
    if (!scope || scope.unrestricted) return;
    const body = ctx.body as { results?: Array<{ documentId: string }>; pagination?: { total: number } };
    const ids = (body.results ?? []).map((result) => result.documentId);
    if (ids.length === 0) return;
    const where =
      target === TERRITORY
        ? { documentId: { $in: ids.filter((id) => scope.territories.includes(id)) } }
        : {
            documentId: { $in: ids },
            $or: [{ territory: { documentId: { $in: scope.territories } } }, { regional: true }],
          };
    const visible = new Set(
      (await strapi.db.query(target).findMany({ where, select: ['documentId'] })).map(
        (row: { documentId: string }) => row.documentId,
      ),
    );
    const results = (body.results ?? []).filter((result) => visible.has(result.documentId));
    ctx.body = {
      ...body,
      results,
      pagination: body.pagination ? { ...body.pagination, total: results.length } : body.pagination,
    };
  };
};
