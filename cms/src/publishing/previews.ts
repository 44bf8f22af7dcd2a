import { randomBytes } from 'node:crypto';
import type { Core, UID } from '@strapi/strapi';
import {
  EDITORIAL_CONTENT_TYPES,
  entryPagePath,
  previewPath,
  type ClaimedPreview,
  type EditorialUid,
} from '@sito/shared';
import { cmsEnv } from '../cms-env';
import { pluginRoutes } from '../lib/routes';
import { territoryScope, type AdminUserLike } from '../tenancy/scope';
import { allHubs, hubsOfTerritories, ownershipOf, type Ownership } from './hubs';

/**
 * Draft previews. Strapi's Preview panel asks `previewUrl` for a link (config/admin.ts); for a draft
 * it queues a preview here, in `sito_previews`, and answers with the preview's private address on
 * the hub server. A build worker claims it before any queued build, builds the hub with that one
 * draft in place of its published version into a folder that is never a release, and reports it
 * ready or failed. The preview's random id is the only key to its pages, and, while the worker
 * builds it, the only grant that lets the builder read that one draft through the content API
 * (middlewares/published-only.ts). A draft never enters a release or the public API.
 */
export const PREVIEW_TABLE = 'sito_previews';
/** A preview link is reused for an unchanged draft this long, then built again. */
const REUSE_MS = 30 * 60_000;
/** A claimed preview not reported within this is given to another worker. */
const CLAIM_MS = 5 * 60_000;
/** Rows are forgotten after a day (the worker deletes the folders after an hour). */
const KEEP_MS = 24 * 60 * 60_000;

interface PreviewRow {
  id: string;
  hub: string;
  uid: string;
  collection: string;
  document_id: string;
  locale: string;
  status: 'queued' | 'running' | 'ready' | 'failed';
  draft_updated_at: number | string;
  requested_at: number | string;
  started_at: number | string | null;
  worker: string | null;
  error: string | null;
}

export function createPreviewStore(strapi: Core.Strapi, now: () => number = Date.now) {
  const table = () => strapi.db.getConnection(PREVIEW_TABLE);

  async function ensureTable(): Promise<void> {
    const schema = strapi.db.getSchemaConnection();
    if (await schema.hasTable(PREVIEW_TABLE)) return;
    await schema.createTable(PREVIEW_TABLE, (t) => {
      t.string('id', 32).primary();
      t.string('hub', 120).notNullable();
      t.string('uid', 120).notNullable();
      t.string('collection', 60).notNullable();
      t.string('document_id', 64).notNullable();
      t.string('locale', 8).notNullable();
      t.string('status', 16).notNullable();
      t.bigInteger('draft_updated_at').notNullable();
      t.bigInteger('requested_at').notNullable();
      t.bigInteger('started_at');
      t.bigInteger('finished_at');
      t.string('worker', 80);
      t.text('error');
      t.index(['status', 'requested_at'], 'sito_previews_due');
    });
  }

  /** A preview of a draft as it is now: the same one while the draft is unchanged, else a new one. */
  async function request(input: {
    hub: string;
    uid: EditorialUid;
    documentId: string;
    locale: string;
    draftUpdatedAt: number;
  }): Promise<string> {
    const t = now();
    const same = (await table()
      .where({
        hub: input.hub,
        uid: input.uid,
        document_id: input.documentId,
        locale: input.locale,
        draft_updated_at: input.draftUpdatedAt,
      })
      .whereIn('status', ['queued', 'running', 'ready'])
      .andWhere('requested_at', '>', t - REUSE_MS)
      .orderBy('requested_at', 'desc')
      .first()) as PreviewRow | undefined;
    if (same) return same.id;
    await table()
      .where('requested_at', '<', t - KEEP_MS)
      .delete();
    const id = randomBytes(16).toString('hex');
    await table().insert({
      id,
      hub: input.hub,
      uid: input.uid,
      collection: EDITORIAL_CONTENT_TYPES[input.uid].collection,
      document_id: input.documentId,
      locale: input.locale,
      status: 'queued',
      draft_updated_at: input.draftUpdatedAt,
      requested_at: t,
    });
    return id;
  }

  /** The oldest waiting preview (or one whose worker went silent), claimed atomically. */
  async function claim(worker: string): Promise<ClaimedPreview | null> {
    const t = now();
    const candidates = (await table()
      .where({ status: 'queued' })
      .orWhere((q) => q.where({ status: 'running' }).andWhere('started_at', '<', t - CLAIM_MS))
      .orderBy('requested_at')
      .limit(5)) as PreviewRow[];
    for (const row of candidates) {
      const won = await table()
        .where({ id: row.id, status: row.status })
        .andWhere((q) => (row.started_at === null ? q.whereNull('started_at') : q.where('started_at', row.started_at)))
        .update({ status: 'running', worker, started_at: t });
      if (won === 1)
        return {
          id: row.id,
          hub: row.hub,
          collection: row.collection,
          documentId: row.document_id,
          locale: row.locale,
        };
    }
    return null;
  }

  /** The worker's report: ready, or failed and why. */
  async function finish(worker: string, id: string, error: string | null): Promise<boolean> {
    const changed = await table()
      .where({ id, status: 'running', worker })
      .update({ status: error ? 'failed' : 'ready', error, finished_at: now() });
    return changed === 1;
  }

  /** Whether `grant` is a preview being built right now of this document of this collection. */
  async function allows(grant: string, collection: string, documentId: string): Promise<boolean> {
    if (!/^[a-f0-9]{32}$/.test(grant)) return false;
    const row = (await table()
      .where({ id: grant, status: 'running', collection, document_id: documentId })
      .andWhere('started_at', '>', now() - CLAIM_MS)
      .first()) as PreviewRow | undefined;
    return Boolean(row);
  }

  return { ensureTable, request, claim, finish, allows };
}

export type PreviewStore = ReturnType<typeof createPreviewStore>;

let instance: PreviewStore | undefined;
export function previewStore(strapi: Core.Strapi): PreviewStore {
  instance ??= createPreviewStore(strapi);
  return instance;
}

const isEditorial = (uid: string): uid is EditorialUid => uid in EDITORIAL_CONTENT_TYPES;

/** Editors preview everything; an operator, the entries of their own territories (not regional ones). */
async function mayPreview(strapi: Core.Strapi, user: AdminUserLike, owner: Ownership): Promise<boolean> {
  const scope = await territoryScope(strapi, user);
  return (
    scope.unrestricted ||
    (!owner.regional && owner.territories.some((territory) => scope.territories.includes(territory)))
  );
}

/**
 * Strapi's preview-link route checks only that the caller is an admin (and turns any error of the
 * handler into a 400): the policy `global::preview-scope` (src/policies/preview-scope.ts), added to
 * that route in register(), refuses another territory's entry with a 403 before the handler runs.
 */
export function protectPreviewRoute(strapi: Core.Strapi): void {
  const route = pluginRoutes(strapi, 'content-manager').find(
    (candidate) => candidate.path === '/preview/url/:contentType',
  );
  if (!route) throw new Error("Strapi's preview route was not found: the preview scope policy cannot be added.");
  route.config = { ...route.config, policies: [...(route.config?.policies ?? []), 'global::preview-scope'] };
}

/** For the policy: may this admin preview this entry? */
export async function mayPreviewEntry(
  strapi: Core.Strapi,
  user: AdminUserLike,
  uid: string,
  documentId: string,
): Promise<boolean> {
  if (!isEditorial(uid)) return true;
  return mayPreview(strapi, user, await ownershipOf(strapi, uid as UID.ContentType, documentId));
}

/**
 * Strapi's Preview handler (config/admin.ts): the address of an entry as it will look on its hub.
 * A published version opens its public page; a draft gets a private preview, queued for a worker.
 * Strapi checks only that the caller is an admin, so the territory rules are checked here: an
 * operator previews their own territories' entries only.
 */
export async function previewUrl(
  strapi: Core.Strapi,
  uid: string,
  params: { documentId?: string; locale?: string | null; status?: string | null },
): Promise<string | null> {
  if (!isEditorial(uid) || !params.documentId) return null;
  const documentId = params.documentId;
  const locale = params.locale ?? 'it';
  const user = (strapi.requestContext.get() as { state?: { user?: AdminUserLike } } | undefined)?.state?.user;
  if (!user) return null;

  const owner = await ownershipOf(strapi, uid as UID.ContentType, documentId);
  // The route's policy (previewScopePolicy) answers 403 first; this is the second lock.
  if (!(await mayPreview(strapi, user, owner))) return null;

  // Regional content is shown by every hub: it is previewed on the first one.
  const hubs =
    owner.regional || owner.territories.length === 0
      ? await allHubs(strapi)
      : await hubsOfTerritories(strapi, owner.territories);
  const hub = [...hubs].sort((a, b) => a.slug.localeCompare(b.slug))[0];
  if (!hub) return null;

  const status = params.status === 'published' ? 'published' : 'draft';
  const entry = (await strapi.documents(uid as UID.ContentType).findOne({
    documentId,
    locale,
    status,
    fields: ['slug', 'updatedAt'],
  } as never)) as { slug?: string | null; updatedAt?: string } | null;
  if (!entry?.slug) return null;

  const origin = cmsEnv().SITO_HUBS_URL.replace(/\/$/, '');
  if (status === 'published') return `${origin}${entryPagePath(`/${hub.slug}`, uid, entry.slug, locale)}`;
  const id = await previewStore(strapi).request({
    hub: hub.slug,
    uid,
    documentId,
    locale,
    draftUpdatedAt: Date.parse(entry.updatedAt ?? '') || 0,
  });
  return `${origin}${entryPagePath(previewPath(id, hub.slug), uid, entry.slug, locale)}`;
}
