import type { Core, Modules } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { EDITORIAL_TYPES, entryOwners, operatorScope, refusal, TERRITORY, visibleTo } from '../tenancy/scope';

type Data = Record<string, unknown>;
const READS = new Set(['findMany', 'findFirst', 'findOne', 'count']);

/**
 * The first half of tenant isolation, before anything is written. For an admin request by a
 * territory operator, every Document Service call on territorial content is checked against the
 * operator's territories: reads are narrowed to their territories plus regional entries (and an
 * entry they may not see is not found, with nothing of it shown), and a write may only start
 * from an entry of their own territories. It holds whatever calls the Document Service: the admin
 * UI, the admin API called directly, bulk actions, clones.
 *
 * Where a write ends is decided on the stored result, not on the request's syntax:
 * document-middlewares/ownership-check.ts.
 */
export function territoryGuard(strapi: Core.Strapi): Modules.Documents.Middleware.Middleware {
  return async (ctx, next) => {
    const editorial = EDITORIAL_TYPES.includes(ctx.uid);
    if (!editorial && ctx.uid !== TERRITORY) return next();
    const scope = await operatorScope(strapi);
    if (!scope) return next();

    const mine = new Set(scope.territories);
    const params = ctx.params as { data?: Data; documentId?: string; locale?: string; filters?: Data };
    const visible = visibleTo(scope.territories, editorial);

    if (READS.has(ctx.action)) {
      params.filters = params.filters ? { $and: [params.filters, visible] } : visible;
      const found = await next();
      // The content manager answers a missing version with the document's locales and dates
      // (200 and empty data): for an entry the operator may not see, it must not exist at all.
      if (ctx.action === 'findOne' && !found && params.documentId) {
        const exists = await strapi.db.query(ctx.uid).count({ where: { documentId: params.documentId } });
        const seen = await strapi.db
          .query(ctx.uid)
          .count({ where: { $and: [{ documentId: params.documentId }, visible] } });
        if (exists > 0 && seen === 0) throw new errors.NotFoundError('Voce non trovata.');
      }
      return found;
    }

    if (ctx.uid === TERRITORY && (ctx.action === 'create' || ctx.action === 'delete' || ctx.action === 'clone'))
      throw refusal('Solo la redazione regionale può creare o eliminare territori.');
    if (ctx.action === 'create') return next();
    if (!params.documentId) throw refusal('Azione non consentita senza indicare la voce.');

    if (ctx.uid === TERRITORY) {
      if (!mine.has(params.documentId)) throw new errors.NotFoundError('Territorio non trovato.');
      return next();
    }
    const stored = await entryOwners(strapi, ctx.uid, params.documentId);
    if (stored.some((row) => row.regional === true))
      throw refusal('Le voci regionali sono gestite dalla redazione regionale: puoi solo leggerle.');
    // Another territory's entry does not exist for this operator, as when reading it.
    if (stored.length === 0 || stored.some((row) => !row.territory?.documentId || !mine.has(row.territory.documentId)))
      throw new errors.NotFoundError('Voce non trovata.');
    return next();
  };
}
