import type { Core, UID } from '@strapi/strapi';
import { addDays, daysUntil, romeDate } from '@sito/shared';
import { cmsEnv } from '../cms-env';
import { EDITORIAL_TYPES, territoryScope, type AdminUserLike, type TerritoryScope } from '../tenancy/scope';

/**
 * «Da verificare»: the published entries an office should look at again, oldest verification
 * first: not verified for more than SITO_STALE_AFTER_DAYS days (or never), flagged «da verificare»,
 * or opportunities closing within 7 days. `GET /sito/review-queue` lists them, scoped as entries
 * are; `POST /sito/review-queue/verify` with `{ items: [{ type, documentId }] }` confirms them
 * «Verificato oggi»: `lastVerifiedAt` today, `toReview` cleared and `verifiedBy` the entry's own
 * territory, on every stored version of the entry and nothing else — no new draft, no `updatedAt`,
 * no build (nothing a reader sees changes; the open data's `ultima_verifica` follows at the next
 * build). Shown by admin/pages/ReviewQueue.tsx.
 */
type Context = {
  state: { user?: AdminUserLike };
  request: { body?: unknown };
  status: number;
  body: unknown;
};

export type ReviewReason = 'stale' | 'flagged' | 'closing';

export interface ReviewItem {
  type: string;
  documentId: string;
  title: string;
  territory: string;
  hub: string | null;
  lastVerifiedAt: string | null;
  deadline: string | null;
  reasons: ReviewReason[];
  path: string;
}

const MAX_ITEMS = 200;
const TYPES = new Map<string, UID.ContentType>(EDITORIAL_TYPES.map((uid) => [uid.split('.')[1]!, uid]));
const LABEL_FIELD = (type: string) => (type === 'question' ? 'question' : type === 'profession' ? 'name' : 'title');

type Stored = {
  id: number;
  documentId: string;
  locale?: string;
  lastVerifiedAt: string | null;
  toReview: boolean | null;
  deadline?: string | null;
  territory: { id: number; documentId: string; name: string; slug: string } | null;
} & Record<string, unknown>;

const inScope = (scope: TerritoryScope) =>
  scope.unrestricted ? {} : { territory: { documentId: { $in: scope.territories } } };

export async function reviewQueueFor(strapi: Core.Strapi, scope: TerritoryScope, now = new Date()) {
  const today = romeDate(now);
  const staleBefore = addDays(today, -cmsEnv().SITO_STALE_AFTER_DAYS);
  const items: ReviewItem[] = [];
  for (const [type, uid] of TYPES) {
    const closing = type === 'opportunity' ? [{ deadline: { $gte: today, $lte: addDays(today, 7) } }] : [];
    const rows = (await strapi.db.query(uid).findMany({
      where: {
        publishedAt: { $notNull: true },
        ...inScope(scope),
        $or: [
          { toReview: true },
          { lastVerifiedAt: { $null: true } },
          { lastVerifiedAt: { $lt: staleBefore } },
          ...closing,
        ],
      },
      select: [
        'documentId',
        'locale',
        'lastVerifiedAt',
        'toReview',
        LABEL_FIELD(type),
        ...(closing.length ? ['deadline'] : []),
      ],
      populate: { territory: { select: ['name', 'slug'] } },
    })) as Stored[];
    const byDocument = new Map<string, Stored>();
    for (const row of rows)
      if (!byDocument.has(row.documentId) || row.locale === 'it') byDocument.set(row.documentId, row);
    for (const row of byDocument.values()) {
      const verified = row.lastVerifiedAt ? String(row.lastVerifiedAt).slice(0, 10) : null;
      const deadline = (row.deadline as string | null | undefined) ?? null;
      const reasons: ReviewReason[] = [];
      if (!verified || verified < staleBefore) reasons.push('stale');
      if (row.toReview === true) reasons.push('flagged');
      if (deadline && daysUntil(deadline, now) >= 0 && daysUntil(deadline, now) <= 7) reasons.push('closing');
      items.push({
        type,
        documentId: row.documentId,
        title: String(row[LABEL_FIELD(type)] ?? ''),
        territory: row.territory?.name ?? '–',
        hub: row.territory?.slug ?? null,
        lastVerifiedAt: verified,
        deadline,
        reasons,
        path: `/content-manager/collection-types/${uid}/${row.documentId}${row.locale ? `?plugins[i18n][locale]=${row.locale}` : ''}`,
      });
    }
  }
  // Never verified first, then the oldest verification; ties by the closest deadline.
  return items.sort(
    (a, b) =>
      (a.lastVerifiedAt ?? '').localeCompare(b.lastVerifiedAt ?? '') ||
      (a.deadline ?? '9999').localeCompare(b.deadline ?? '9999'),
  );
}

type Problem = { status: number; message: string };

/** The request's items, checked: a list of 1 to 200 `{ type, documentId }`, or what is wrong with it. */
function itemsOf(body: unknown): Array<{ type: string; uid: UID.ContentType; documentId: string }> | Problem {
  const items = (body as { items?: unknown } | null)?.items;
  if (!Array.isArray(items) || items.length === 0 || items.length > MAX_ITEMS)
    return { status: 400, message: `items: una lista di 1–${MAX_ITEMS} voci { type, documentId }` };
  const checked = [];
  for (const [index, item] of items.entries()) {
    const { type, documentId } = (item ?? {}) as { type?: unknown; documentId?: unknown };
    const uid = typeof type === 'string' ? TYPES.get(type) : undefined;
    if (!uid) return { status: 400, message: `items[${index}].type: tipo di contenuto sconosciuto` };
    if (typeof documentId !== 'string' || !/^[a-z0-9]{1,64}$/i.test(documentId))
      return { status: 400, message: `items[${index}].documentId: non è l’identificativo di una voce` };
    checked.push({ type, uid, documentId });
  }
  return checked as Array<{ type: string; uid: UID.ContentType; documentId: string }>;
}

/**
 * Confirms the entries verified today, all or none: an entry that does not exist, or belongs to a
 * territory the user does not operate, refuses the whole request and changes nothing.
 */
export async function verifyEntries(strapi: Core.Strapi, user: AdminUserLike, body: unknown, now = new Date()) {
  const items = itemsOf(body);
  if (!Array.isArray(items)) return items;
  const scope = await territoryScope(strapi, user);
  const today = romeDate(now);
  return strapi.db.transaction(async () => {
    let rowsUpdated = 0;
    for (const [index, item] of items.entries()) {
      const rows = (await strapi.db.query(item.uid).findMany({
        where: { documentId: item.documentId },
        select: ['id', 'documentId', 'updatedAt'],
        populate: { territory: { select: ['id', 'documentId'] } },
      })) as Stored[];
      if (rows.length === 0)
        throw { status: 404, message: `items[${index}].documentId: nessuna voce ${item.documentId}` } as Problem;
      if (
        !scope.unrestricted &&
        !rows.every((row) => row.territory && scope.territories.includes(row.territory.documentId))
      )
        throw {
          status: 403,
          message: `items[${index}]: la voce ${item.documentId} è di un territorio che non gestisci`,
        } as Problem;
      for (const row of rows) {
        await strapi.db.query(item.uid).update({
          where: { id: row.id },
          data: { lastVerifiedAt: today, toReview: false, verifiedBy: row.territory?.id ?? null },
        });
        // Strapi stamps every update; a verification is not an edit (nor a «Modified» draft): the
        // stored updatedAt is given back (updateMany with one object leaves it as given).
        await strapi.db.query(item.uid).updateMany({ where: { id: row.id }, data: { updatedAt: row.updatedAt } });
        rowsUpdated += 1;
      }
    }
    return { verified: items.length, rows: rowsUpdated, lastVerifiedAt: today };
  });
}

export function registerReviewQueueRoutes(strapi: Core.Strapi): void {
  strapi.server.routes({
    type: 'admin',
    prefix: '/sito',
    routes: [
      {
        method: 'GET',
        path: '/review-queue',
        handler: async (ctx: Context) => {
          const items = await reviewQueueFor(strapi, await territoryScope(strapi, ctx.state.user!));
          ctx.status = 200;
          ctx.body = { data: { items, staleAfterDays: cmsEnv().SITO_STALE_AFTER_DAYS } };
        },
        config: { policies: ['admin::isAuthenticatedAdmin'] },
      },
      {
        method: 'POST',
        path: '/review-queue/verify',
        handler: async (ctx: Context) => {
          try {
            const result = await verifyEntries(strapi, ctx.state.user!, ctx.request.body);
            if ('message' in result) throw result;
            ctx.status = 200;
            ctx.body = { data: result };
          } catch (error) {
            const problem = error as Problem;
            if (typeof problem?.status !== 'number' || typeof problem.message !== 'string') throw error;
            ctx.status = problem.status;
            ctx.body = {
              data: null,
              error: {
                status: problem.status,
                name:
                  problem.status === 403 ? 'PolicyError' : problem.status === 404 ? 'NotFoundError' : 'ValidationError',
                message: problem.message,
              },
            };
          }
        },
        config: { policies: ['admin::isAuthenticatedAdmin'] },
      },
    ],
  } as never);
}
