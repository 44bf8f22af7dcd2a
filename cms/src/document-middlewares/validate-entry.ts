import type { Core, Modules } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { checkEntry, problemsToStrapiDetails, type Problem } from '@sito/shared';
import { relationRefs } from '../lib/relations';

type Data = Record<string, unknown>;

/** Whether a relation value leaves the relation set; `undefined` when the update does not touch it. */
export function relationIsSet(value: unknown): boolean | undefined {
  const refs = relationRefs(value);
  return refs === undefined ? undefined : refs.length > 0;
}

/**
 * Enforces the editorial rules (shared/src/rules) on every create and update, whoever makes it:
 * the admin, the REST API or a script. The entry is not stored when a rule fails, and the error
 * names each field with a reason operators can act on.
 */
export function validateEntry(strapi: Core.Strapi): Modules.Documents.Middleware.Middleware {
  return async (ctx, next) => {
    if (!ctx.uid.startsWith('api::') || (ctx.action !== 'create' && ctx.action !== 'update')) return next();
    const params = ctx.params as { data?: Data; documentId?: string; locale?: string };
    const data = params.data ?? {};
    const model = strapi.getModel(ctx.uid);

    let existing: Data = {};
    if (ctx.action === 'update' && params.documentId) {
      existing =
        ((await strapi.documents(ctx.uid).findOne({
          documentId: params.documentId,
          locale: params.locale,
          status: 'draft',
          populate: 'territory' in model.attributes ? { territory: { fields: ['documentId'] } } : undefined,
        } as never)) as Data | null) ?? {};
    }

    const problems: Problem[] = checkEntry({ ...existing, ...data });

    // Editorial types belong to one territory or are regional: never both, never none.
    if ('regional' in model.attributes && 'territory' in model.attributes) {
      const regional = (data.regional ?? existing.regional ?? false) === true;
      const hasTerritory = relationIsSet(data.territory) ?? Boolean(existing.territory);
      if (!regional && !hasTerritory) {
        problems.push({
          field: 'territory',
          message: 'Scegli il territorio a cui appartiene la voce, oppure segnala che è regionale.',
        });
      } else if (regional && hasTerritory) {
        problems.push({
          field: 'territory',
          message:
            'Una voce regionale non appartiene a un territorio: togli il territorio oppure la spunta «regionale».',
        });
      }
    }

    if (problems.length > 0) {
      const summary = problems.map((problem) => `${problem.field}: ${problem.message}`).join(' ');
      throw new errors.ValidationError(summary, problemsToStrapiDetails(problems));
    }
    return next();
  };
}
