import type { Core, Modules } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { relationRefs } from '../lib/relations';
import { EDITORIAL_TYPES, TERRITORY, requestScope, type AdminUserLike, type TerritoryScope } from '../tenancy/scope';

type Data = Record<string, unknown>;
type RequestState = {
  user?: AdminUserLike;
  auth?: { strategy?: { name?: string } };
  sitoScope?: Promise<TerritoryScope>;
};
const READS = new Set(['findMany', 'findFirst', 'findOne', 'count']);

/**
 * The documentIds a relation value points at, in any form the Document Service accepts, or
 * `undefined` when the value does not touch the relation. Row ids are turned into documentIds.
 */
export async function relationTargets(strapi: Core.Strapi, value: unknown): Promise<string[] | undefined> {
  const refs = relationRefs(value);
  if (refs === undefined) return undefined;
  const ids: string[] = [];
  for (const ref of refs) {
    const documentId =
      typeof ref === 'object' && ref
        ? (ref as { documentId?: unknown }).documentId
        : typeof ref === 'string'
          ? ref
          : undefined;
    if (typeof documentId === 'string') {
      ids.push(documentId);
      continue;
    }
    const rowId = typeof ref === 'object' && ref ? (ref as { id?: unknown }).id : ref;
    const row = await strapi.db.query(TERRITORY).findOne({ where: { id: rowId }, select: ['documentId'] });
    ids.push(row?.documentId ?? `unknown-row-${String(rowId)}`);
  }
  return ids;
}

const forbidden = (message: string) => new errors.ForbiddenError(message);

/**
 * The server-side half of tenant isolation. For an admin request by a territory operator, every
 * Document Service call on territorial content is checked against the operator's territories:
 * reads are narrowed to their territories plus regional entries, and writes (create, update,
 * delete, publish, unpublish, discard) must start and end inside their territories. It holds
 * whatever calls the Document Service: the admin UI, the admin API called directly, bulk actions.
 */
export function territoryGuard(strapi: Core.Strapi): Modules.Documents.Middleware.Middleware {
  return async (ctx, next) => {
    const editorial = EDITORIAL_TYPES.includes(ctx.uid);
    if (!editorial && ctx.uid !== TERRITORY) return next();
    const state = (strapi.requestContext.get() as { state?: RequestState } | undefined)?.state;
    if (!state || state.auth?.strategy?.name !== 'admin') return next();
    const scope = await requestScope(strapi, state);
    if (!scope) return next();
    if (scope.unrestricted) return next();

    const mine = new Set(scope.territories);
    const params = ctx.params as { data?: Data; documentId?: string; locale?: string; filters?: Data };

    if (READS.has(ctx.action)) {
      const visible = editorial
        ? { $or: [{ territory: { documentId: { $in: scope.territories } } }, { regional: true }] }
        : { documentId: { $in: scope.territories } };
      params.filters = params.filters ? { $and: [params.filters, visible] } : visible;
      return next();
    }

    if (ctx.uid === TERRITORY) {
      if (ctx.action === 'create' || ctx.action === 'delete')
        throw forbidden('Solo la redazione regionale può creare o eliminare territori.');
      if (!params.documentId || !mine.has(params.documentId)) throw forbidden('Puoi modificare solo i tuoi territori.');
      return next();
    }

    const data = params.data ?? {};
    if (data.regional === true) throw forbidden('Solo la redazione regionale può gestire le voci regionali.');

    if (ctx.action !== 'create') {
      if (!params.documentId) throw forbidden('Azione non consentita senza indicare la voce.');
      const stored = await strapi.db.query(ctx.uid).findMany({
        where: { documentId: params.documentId },
        select: ['id', 'regional'],
        populate: { territory: { select: ['documentId'] } },
      });
      if (stored.length === 0) throw new errors.NotFoundError('Voce non trovata.');
      const outside = stored.some(
        (row: { regional?: boolean; territory?: { documentId?: string } | null }) =>
          row.regional === true || !row.territory?.documentId || !mine.has(row.territory.documentId),
      );
      if (outside) throw forbidden('Questa voce non appartiene ai tuoi territori.');
    }

    if (ctx.action === 'create' || ctx.action === 'update' || ctx.action === 'clone') {
      const targets = await relationTargets(strapi, data.territory);
      if (targets !== undefined && targets.some((target) => !mine.has(target))) {
        throw forbidden('Puoi assegnare le voci solo ai tuoi territori.');
      }
    }
    return next();
  };
}
