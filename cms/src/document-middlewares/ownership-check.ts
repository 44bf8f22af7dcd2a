import type { Core, Modules, UID } from '@strapi/strapi';
import { checkedWrite } from '../lib/checked-write';
import {
  EDITORIAL_TYPES,
  entryOwners,
  operatorScope,
  refusal,
  TERRITORY,
  TERRITORY_FIELDS_FOR_OPERATORS,
  type TerritoryScope,
} from '../tenancy/scope';

const WRITES = new Set(['create', 'update', 'clone', 'publish', 'unpublish', 'discardDraft']);

type Row = Record<string, unknown> & { documentId: string; publishedAt?: unknown; locale?: string | null };
const status = (row: Row) => (row.publishedAt ? 'published' : 'draft');

/** An editorial entry, after the write: every version must belong to one of the operator's territories. */
async function checkEntry(strapi: Core.Strapi, uid: UID.ContentType, documentId: string, scope: TerritoryScope) {
  for (const row of await entryOwners(strapi, uid, documentId)) {
    if (row.regional === true) throw refusal('Solo la redazione regionale può gestire le voci regionali.');
    const owner = row.territory?.documentId;
    if (!owner)
      throw refusal('Scegli uno dei tuoi territori: le voci senza territorio le gestisce la redazione regionale.');
    if (!scope.territories.includes(owner)) throw refusal('Puoi assegnare le voci solo ai tuoi territori.');
  }
}

/**
 * What a territory's action can change about ownership, as stored: its reserved fields (with
 * relations as sorted documentIds), per version, and which entries and antennas point at it.
 */
async function territorySnapshot(strapi: Core.Strapi, documentId: string) {
  const model = strapi.getModel(TERRITORY);
  const reserved = Object.keys(model.attributes).filter(
    (field) => !TERRITORY_FIELDS_FOR_OPERATORS.includes(field) && !['createdBy', 'updatedBy'].includes(field),
  );
  const relations = reserved.filter((field) => model.attributes[field]?.type === 'relation');
  const scalars = reserved.filter(
    (field) =>
      model.attributes[field]?.type !== 'relation' && !['publishedAt', 'updatedAt', 'createdAt'].includes(field),
  );
  const rows = (await strapi.db.query(TERRITORY).findMany({
    where: { documentId },
    select: ['documentId', 'publishedAt', ...scalars],
    populate: Object.fromEntries(relations.map((field) => [field, { select: ['id', 'documentId'] }])),
  })) as Row[];
  const versions = new Map<string, string>();
  for (const row of rows) {
    const shape = Object.fromEntries([
      ...scalars.filter((field) => field !== 'documentId').map((field) => [field, row[field] ?? null]),
      ...relations
        // The reverse sides are checked from the entries' side below, where a publish does not
        // change them.
        .filter((field) => !(model.attributes[field] as { mappedBy?: string }).mappedBy)
        .map((field) => {
          const value = row[field] as
            Array<{ id: number; documentId?: string }> | { id: number; documentId?: string } | null;
          const list = value === null || value === undefined ? [] : Array.isArray(value) ? value : [value];
          return [field, list.map((item) => item.documentId ?? String(item.id)).sort()];
        }),
    ]);
    versions.set(status(row), JSON.stringify(shape));
  }
  // Which entries (every type with a territory) and antennas point at this territory, version by version.
  const pointing: string[] = [];
  for (const uid of [...EDITORIAL_TYPES, TERRITORY]) {
    const field = uid === TERRITORY ? 'parent' : 'territory';
    const linked = (await strapi.db.query(uid).findMany({
      where: { [field]: { documentId } },
      select: ['documentId', 'publishedAt', 'locale'],
    })) as Row[];
    for (const row of linked) pointing.push(`${uid}|${row.documentId}|${row.locale ?? ''}|${status(row)}`);
  }
  return { versions, pointing: pointing.sort() };
}

export type Snapshot = Awaited<ReturnType<typeof territorySnapshot>>;

/**
 * An operator's action on their territory may move its reserved fields between its versions as
 * Strapi does (publishing copies the draft, discarding copies the published version back) but never
 * give them a value they did not have, and never change which entries or antennas belong to it.
 */
export function territoryChange(action: string, before: Snapshot, after: Snapshot): string | null {
  if (before.pointing.join('\n') !== after.pointing.join('\n'))
    return 'Le voci e le antenne di un territorio si assegnano dalla voce stessa, non dal territorio.';
  for (const [version, shape] of after.versions) {
    const source =
      action === 'publish' && version === 'published'
        ? before.versions.get('draft')
        : action === 'discardDraft' && version === 'draft'
          ? before.versions.get('published')
          : before.versions.get(version);
    if (shape !== source)
      return 'Nome, indirizzo, tipo, antenne, operatori e impostazioni di pubblicazione del territorio li cambia la redazione regionale.';
  }
  return null;
}

/**
 * The second half of tenant isolation: for a territory operator, every write is checked on what it
 * stored, in the same transaction, which is rolled back when the result leaves their territories.
 * No relation syntax (`connect`/`set` as list, object, bare id, `null`), string boolean, clone or
 * reverse relation can move an entry out of, or into, a territory unnoticed, because the check does
 * not read the request: it reads the database after Strapi applied it.
 *
 * Registered last, so it wraps only the write itself and the build queue sees only what committed.
 */
export function ownershipCheck(strapi: Core.Strapi): Modules.Documents.Middleware.Middleware {
  return async (ctx, next) => {
    const editorial = EDITORIAL_TYPES.includes(ctx.uid);
    if ((!editorial && ctx.uid !== TERRITORY) || !WRITES.has(ctx.action)) return next();
    const scope = await operatorScope(strapi);
    if (!scope) return next();
    const params = ctx.params as { documentId?: string };

    return checkedWrite(strapi, ctx, next, async () => {
      const before =
        ctx.uid === TERRITORY && params.documentId ? await territorySnapshot(strapi, params.documentId) : null;
      return async (documentId) => {
        if (editorial) return checkEntry(strapi, ctx.uid, documentId, scope);
        if (!before) return;
        const problem = territoryChange(ctx.action, before, await territorySnapshot(strapi, documentId));
        if (problem) throw refusal(problem);
      };
    });
  };
}
