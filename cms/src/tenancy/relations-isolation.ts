import type { Core, UID } from '@strapi/strapi';
import { contentManagerRoute } from '../lib/routes';
import { EDITORIAL_TYPES, TERRITORY, refusal, requestScope, visibleTo } from './scope';

interface RelationsContext {
  status: number;
  body: unknown;
  params: { model?: string; targetField?: string };
  state: Parameters<typeof requestScope>[1] & { userAbility?: unknown };
}

/**
 * A relation field the user may not read is refused with a 403 before the content manager's
 * handler runs: for the picker of new relations (`relations.findAvailable`) the handler itself
 * crashes on it with a 500 (Strapi 5.54), e.g. an operator asking for a territory's `operators`.
 */
function readableFieldsOnly(strapi: Core.Strapi) {
  return async (ctx: RelationsContext, next: () => Promise<unknown>) => {
    const { model, targetField } = ctx.params;
    const source = model ? strapi.contentTypes[model as UID.ContentType] : undefined;
    if (source && targetField && ctx.state.userAbility) {
      const checker = strapi
        .plugin('content-manager')
        .service('permission-checker')
        .create({ userAbility: ctx.state.userAbility, model });
      if (checker.cannot.read(null, targetField)) throw refusal('Non hai accesso a questo campo.');
    }
    return next();
  };
}

/**
 * The content manager lists an entry's existing relations with the ids of related entries the
 * user may not read (only their titles are withheld). For territory operators this would reveal
 * that another territory's entries exist and their ids, so they are removed from the answer.
 *
 * Attached to the content manager's own route (`relations.findExisting`) in register(), so it runs
 * for whatever path spelling the router matched (`/Content-Manager/relations/...`, a trailing
 * slash): the route decides, not a comparison of the path.
 */
export function isolateExistingRelations(strapi: Core.Strapi): void {
  const filter = async (ctx: RelationsContext, next: () => Promise<unknown>) => {
    await next();
    if (ctx.status !== 200) return;
    const { model: sourceUid, targetField: field } = ctx.params;
    const source = sourceUid
      ? (strapi.contentTypes[sourceUid as UID.ContentType] ?? strapi.components[sourceUid as UID.Component])
      : undefined;
    const target = (source?.attributes[field ?? ''] as { target?: UID.ContentType } | undefined)?.target;
    if (!target || (!EDITORIAL_TYPES.includes(target) && target !== TERRITORY)) return;

    const scope = await requestScope(strapi, ctx.state);
    if (!scope || scope.unrestricted) return;
    const body = ctx.body as { results?: Array<{ documentId: string }>; pagination?: { total: number } };
    const ids = (body.results ?? []).map((result) => result.documentId);
    if (ids.length === 0) return;
    const where = { $and: [{ documentId: { $in: ids } }, visibleTo(scope.territories, target !== TERRITORY)] };
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
  const existing = contentManagerRoute(strapi, 'relations.findExisting');
  existing.config = {
    ...existing.config,
    middlewares: [...(existing.config?.middlewares ?? []), readableFieldsOnly(strapi), filter],
  };
  const available = contentManagerRoute(strapi, 'relations.findAvailable');
  available.config = {
    ...available.config,
    middlewares: [...(available.config?.middlewares ?? []), readableFieldsOnly(strapi)],
  };
}
