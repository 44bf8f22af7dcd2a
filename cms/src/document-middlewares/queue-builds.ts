import type { Core, Modules, UID } from '@strapi/strapi';
import { affectedHubs, ownershipOf, PUBLISHED_TYPES } from '../publishing/hubs';
import type { BuildStore } from '../publishing/store';

/** Actions that change what a public site shows. */
const LIVE_ACTIONS: Record<string, string> = {
  publish: 'Pubblicata',
  unpublish: 'Ritirata',
  delete: 'Eliminata',
};

/**
 * Queues a rebuild of the hubs a change reaches: publishing, unpublishing or deleting an entry,
 * and creating or updating one straight to published (`status: 'published'`). Editing a draft
 * changes nothing public, so it queues nothing. The hubs are those of the entry's territory
 * before and after the change (it may have moved), or every hub for regional content and
 * thematic areas. The request is stored before the action returns; a failure to store it fails
 * the action, so the editor knows.
 */
export function queueBuilds(strapi: Core.Strapi, store: () => BuildStore): Modules.Documents.Middleware.Middleware {
  return async (ctx, next) => {
    if (!PUBLISHED_TYPES.includes(ctx.uid)) return next();
    const params = ctx.params as { documentId?: string; status?: string };
    const verb =
      LIVE_ACTIONS[ctx.action] ??
      ((ctx.action === 'create' || ctx.action === 'update') && params.status === 'published'
        ? 'Pubblicata'
        : undefined);
    if (!verb) return next();

    const uid = ctx.uid as UID.ContentType;
    const before = params.documentId ? await ownershipOf(strapi, uid, params.documentId) : null;
    // The hubs as they are before the change: a territory deleted, or a hub made an antenna, still
    // names its own hub, whose site the build then withdraws.
    const hubsBefore = before ? await affectedHubs(strapi, [before]) : [];
    const result = await next();
    const documentId = params.documentId ?? (result as { documentId?: string } | null)?.documentId;
    const after = documentId && ctx.action !== 'delete' ? await ownershipOf(strapi, uid, documentId) : null;
    const hubsAfter = after ? await affectedHubs(strapi, [after]) : [];
    const hubs = [...new Map([...hubsBefore, ...hubsAfter].map((hub) => [hub.id, hub])).values()];
    if (hubs.length > 0) {
      const type = strapi.contentType(uid).info.displayName;
      const label = after?.label ?? before?.label ?? documentId ?? '?';
      await store().enqueue(hubs, `${verb}: ${type} «${label.slice(0, 80)}»`);
    }
    return result;
  };
}
