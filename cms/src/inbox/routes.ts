import type { Core } from '@strapi/strapi';
import { formatSlot } from '@sito/shared';
import { territoryScope, type AdminUserLike, type TerritoryScope } from '../tenancy/scope';

/**
 * «In arrivo»: what people sent from the hubs and is still waiting for an operator, oldest first —
 * questions not yet answered (never published), bookings not yet confirmed, offers from companies
 * not yet published. Scoped exactly as the entries are: an operator gets their territories' only,
 * the regional editors every territory's. `GET /sito/inbox` (admin API), shown by the admin page
 * admin/pages/Inbox.tsx.
 */
type Context = { state: { user?: AdminUserLike }; status: number; body: unknown };

export interface InboxItem {
  kind: 'question' | 'booking' | 'offer';
  documentId: string;
  title: string;
  territory: string;
  /** The territory's slug (its hub). */
  hub: string | null;
  receivedAt: string;
  /** The entry in the content manager, under /admin. */
  path: string;
}

const QUESTION = 'api::question.question';
const BOOKING = 'api::booking.booking';
const OPPORTUNITY = 'api::opportunity.opportunity';
const CM = '/content-manager/collection-types';

type Row = {
  documentId: string;
  locale?: string;
  createdAt: string | Date;
  territory: { name: string; slug: string } | null;
};

export async function inboxFor(strapi: Core.Strapi, scope: TerritoryScope): Promise<InboxItem[]> {
  const mine = scope.unrestricted ? {} : { territory: { documentId: { $in: scope.territories } } };
  const territory = { territory: { select: ['name', 'slug'] } };
  /** Drafts of a localized type whose document has no published version, in any language. */
  const neverPublished = async (uid: string, where: Record<string, unknown>, select: string[]) => {
    const drafts = (await strapi.db.query(uid as never).findMany({
      where: { ...where, ...mine, publishedAt: { $null: true } },
      select: ['documentId', 'locale', 'createdAt', ...select],
      populate: territory,
    })) as Array<Row & Record<string, unknown>>;
    if (drafts.length === 0) return [];
    const published = (await strapi.db.query(uid as never).findMany({
      where: { documentId: { $in: drafts.map((row) => row.documentId) }, publishedAt: { $notNull: true } },
      select: ['documentId'],
    })) as Array<{ documentId: string }>;
    const live = new Set(published.map((row) => row.documentId));
    // One item per document: the first of its language versions.
    const waiting = new Map<string, (typeof drafts)[number]>();
    for (const row of drafts)
      if (!live.has(row.documentId) && !waiting.has(row.documentId)) waiting.set(row.documentId, row);
    return [...waiting.values()];
  };

  const questions = await neverPublished(QUESTION, {}, ['question']);
  const offers = await neverPublished(OPPORTUNITY, { fromSubmission: true }, ['title', 'organisation']);
  const bookings = (await strapi.db.query(BOOKING).findMany({
    where: { state: 'requested', ...mine },
    select: ['documentId', 'createdAt', 'name', 'startsAt', 'contactPoint'],
    populate: territory,
  })) as Array<Row & { name: string; startsAt: string | Date; contactPoint: string }>;

  const item = (kind: InboxItem['kind'], uid: string, row: Row, title: string): InboxItem => ({
    kind,
    documentId: row.documentId,
    title,
    territory: row.territory?.name ?? '–',
    hub: row.territory?.slug ?? null,
    receivedAt: new Date(row.createdAt).toISOString(),
    path: `${CM}/${uid}/${row.documentId}${row.locale ? `?plugins[i18n][locale]=${row.locale}` : ''}`,
  });
  return [
    ...questions.map((row) => item('question', QUESTION, row, String(row.question))),
    ...bookings.map((row) =>
      item(
        'booking',
        BOOKING,
        row,
        `${row.name} · ${formatSlot(new Date(row.startsAt).toISOString(), 'it')} · ${row.contactPoint}`,
      ),
    ),
    ...offers.map((row) => item('offer', OPPORTUNITY, row, `${String(row.title)} · ${String(row.organisation ?? '')}`)),
  ].sort((a, b) => a.receivedAt.localeCompare(b.receivedAt));
}

export function registerInboxRoutes(strapi: Core.Strapi): void {
  strapi.server.routes({
    type: 'admin',
    prefix: '/sito',
    routes: [
      {
        method: 'GET',
        path: '/inbox',
        handler: async (ctx: Context) => {
          const items = await inboxFor(strapi, await territoryScope(strapi, ctx.state.user!));
          const counts = { question: 0, booking: 0, offer: 0 };
          for (const entry of items) counts[entry.kind] += 1;
          ctx.status = 200;
          ctx.body = { data: { items, counts } };
        },
        config: { policies: ['admin::isAuthenticatedAdmin'] },
      },
    ],
  } as never);
}
