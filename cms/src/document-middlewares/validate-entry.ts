import type { Core, Modules, UID } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { checkedWrite } from '../lib/checked-write';
import { checkEntry, problemsToStrapiDetails, type Problem } from '@sito/shared';

type Data = Record<string, unknown>;
type Attribute = { type: string; component?: string };

/** Actions that store a version of an entry: each is checked on what it stored. */
const WRITES = new Set(['create', 'update', 'clone', 'publish']);

/** What to load of a stored version for the rules: its components, recursively, and its territory. */
function rulesPopulate(strapi: Core.Strapi, attributes: Record<string, Attribute>): Data {
  const populate: Data = {};
  for (const [name, attribute] of Object.entries(attributes)) {
    if (attribute.type === 'component' && attribute.component) {
      const component = strapi.components[attribute.component as UID.Component];
      const nested = rulesPopulate(strapi, component.attributes as Record<string, Attribute>);
      populate[name] = Object.keys(nested).length > 0 ? { populate: nested } : true;
    } else if (name === 'territory' && attribute.type === 'relation') {
      populate[name] = { select: ['documentId'] };
    }
  }
  return populate;
}

/** Values as the rules compare them: dates as ISO strings, whatever the database driver returns. */
function asWritten(row: Data, attributes: Record<string, Attribute>): Data {
  const out: Data = { ...row };
  for (const [name, attribute] of Object.entries(attributes)) {
    const value = row[name];
    if (value instanceof Date)
      out[name] = attribute.type === 'date' ? value.toISOString().slice(0, 10) : value.toISOString();
  }
  return out;
}

/** The problems of one stored version: the editorial rules, and a territory or «regionale», not both. */
export function storedProblems(row: Data, attributes: Record<string, Attribute>): Problem[] {
  const problems = checkEntry(asWritten(row, attributes));
  if ('regional' in attributes && 'territory' in attributes) {
    const regional = row.regional === true;
    const hasTerritory = Boolean((row.territory as { documentId?: string } | null | undefined)?.documentId);
    if (!regional && !hasTerritory) {
      problems.push({
        field: 'territory',
        message: 'Scegli il territorio a cui appartiene la voce, oppure segnala che è regionale.',
      });
    } else if (regional && hasTerritory) {
      problems.push({
        field: 'territory',
        message: 'Una voce regionale non appartiene a un territorio: togli il territorio oppure la spunta «regionale».',
      });
    }
  }
  return problems;
}

/**
 * Enforces the editorial rules (shared/src/rules) on every create, update, clone and publish,
 * whoever makes it: the admin, the REST API or a script. The rules read what was stored, in the
 * write's own transaction: the values after Strapi coerced them (`"true"`, `1` and `"1"` are
 * stored as true), the entry a clone produced, the version a publish made. When a rule fails the
 * transaction is rolled back, nothing is stored, and the error names each field with a reason
 * operators can act on.
 */
export function validateEntry(strapi: Core.Strapi): Modules.Documents.Middleware.Middleware {
  return async (ctx, next) => {
    if (!ctx.uid.startsWith('api::') || !WRITES.has(ctx.action)) return next();
    const params = ctx.params as { documentId?: string; locale?: string; status?: string };
    const attributes = strapi.getModel(ctx.uid).attributes as Record<string, Attribute>;

    return checkedWrite(strapi, ctx, next, async () => async (documentId) => {
      const locale = params.locale && params.locale !== '*' && ctx.action !== 'clone' ? params.locale : undefined;
      // The version the action wrote: an update writes the draft (and the published version when
      // it publishes too), a publish the published one, a create or clone every one it made.
      const version =
        ctx.action === 'publish'
          ? { publishedAt: { $notNull: true } }
          : ctx.action === 'update' && params.status !== 'published'
            ? { publishedAt: { $null: true } }
            : {};
      const rows = (await strapi.db.query(ctx.uid).findMany({
        where: { documentId, ...version, ...(locale && 'locale' in attributes ? { locale } : {}) },
        populate: rulesPopulate(strapi, attributes),
      })) as Data[];
      const problems = rows.flatMap((row) => storedProblems(row, attributes));
      if (problems.length > 0) {
        const unique = [
          ...new Map(problems.map((problem) => [`${problem.field}|${problem.message}`, problem])).values(),
        ];
        const summary = unique.map((problem) => `${problem.field}: ${problem.message}`).join(' ');
        throw new errors.ValidationError(summary, problemsToStrapiDetails(unique));
      }
    });
  };
}
