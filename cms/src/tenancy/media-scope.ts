import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { pluginRoutes } from '../lib/routes';
import { refusal, requestScope, teamOf } from './scope';

const FILE = 'plugin::upload.file';
const FOLDER = 'plugin::upload.folder';

/**
 * Media library routes an operator may call as Strapi ships them: reads, uploads of new files,
 * and the single-file actions, which Strapi itself checks file by file against the role's
 * condition (tenancy/conditions.ts: files of my territories). Every other route of the upload
 * plugin, the bulk actions and folder changes among them, is checked here first, and any route a
 * later Strapi adds is refused to operators until it is listed: the default is no.
 */
const CHECKED_BY_STRAPI = new Set([
  'admin-file.find',
  'admin-file.findOne',
  'admin-file.destroy',
  'admin-file.getLatestAIMetadataJob',
  'admin-file.getAIMetadataPendingCount',
  'admin-folder.find',
  'admin-folder.findOne',
  'admin-folder.getStructure',
  'admin-folder.create',
  'admin-upload.upload',
  'admin-upload.uploadFile',
  'admin-upload.uploadFromUrls',
  'admin-upload.updateFileInfo',
  'admin-upload.replaceFile',
  'admin-upload.bulkUpdateFileInfo',
  'admin-settings.getSettings',
  'admin-settings.updateSettings',
]);

type Owned = { id: number; createdBy?: { id: number } | null };
/** Ids as the upload plugin takes them (numbers or numeric strings); anything else is refused here. */
function ids(value: unknown): number[] {
  const list = (Array.isArray(value) ? value : value === undefined || value === null ? [] : [value]).map(Number);
  if (list.some((id) => !Number.isInteger(id)))
    throw new errors.ValidationError('Gli identificativi di file e cartelle devono essere numeri.');
  return list;
}

async function assertFilesOwned(strapi: Core.Strapi, fileIds: number[], team: Set<number>) {
  if (fileIds.length === 0) return;
  const files = (await strapi.db.query(FILE).findMany({
    where: { id: { $in: fileIds } },
    select: ['id'],
    populate: { createdBy: { select: ['id'] } },
  })) as Owned[];
  if (files.some((file) => !file.createdBy || !team.has(Number(file.createdBy.id))))
    throw refusal('Puoi modificare o eliminare solo i file caricati dal tuo territorio.');
}

/** A folder, its subfolders and every file in them must all be the territory's. */
async function assertFoldersOwned(strapi: Core.Strapi, folderIds: number[], team: Set<number>) {
  for (const id of folderIds) {
    const folder = (await strapi.db.query(FOLDER).findOne({
      where: { id },
      select: ['id', 'path'],
      populate: { createdBy: { select: ['id'] } },
    })) as (Owned & { path: string }) | null;
    if (!folder) continue;
    const inside = { $or: [{ path: folder.path }, { path: { $startsWith: `${folder.path}/` } }] };
    const folders = (await strapi.db.query(FOLDER).findMany({
      where: inside,
      select: ['id'],
      populate: { createdBy: { select: ['id'] } },
    })) as Owned[];
    const files = (await strapi.db.query(FILE).findMany({
      where: { $or: [{ folderPath: folder.path }, { folderPath: { $startsWith: `${folder.path}/` } }] },
      select: ['id'],
      populate: { createdBy: { select: ['id'] } },
    })) as Owned[];
    if ([...folders, ...files].some((item) => !item.createdBy || !team.has(Number(item.createdBy.id))))
      throw refusal(
        'Questa cartella contiene file o cartelle di altri territori: solo la redazione regionale può modificarla.',
      );
  }
}

export interface MediaPolicyContext {
  state: Parameters<typeof requestScope>[1];
  params: { id?: string };
  request: { body?: Record<string, unknown> };
}

/** The policy's decision for one request to one upload route (policies/media-scope.ts). */
export async function mediaActionAllowed(
  strapi: Core.Strapi,
  ctx: MediaPolicyContext,
  handler: string,
): Promise<boolean> {
  const scope = ctx.state.user ? await requestScope(strapi, ctx.state) : null;
  if (!scope || scope.unrestricted) return true;
  const team = new Set(await teamOf(strapi, scope.territories));
  const body = ctx.request.body ?? {};
  if (handler === 'admin-folder-file.deleteMany' || handler === 'admin-folder-file.moveMany') {
    await assertFilesOwned(strapi, ids(body.fileIds), team);
    await assertFoldersOwned(strapi, ids(body.folderIds), team);
    if (body.destinationFolderId !== undefined && body.destinationFolderId !== null)
      await assertFoldersOwned(strapi, ids(body.destinationFolderId), team);
    return true;
  }
  if (handler === 'admin-folder.update') {
    await assertFoldersOwned(strapi, ids(ctx.params.id), team);
    if (body.parent !== undefined && body.parent !== null) await assertFoldersOwned(strapi, ids(body.parent), team);
    return true;
  }
  throw refusal('Questa azione sulla libreria dei file è riservata alla redazione regionale.');
}

/**
 * Operators never touch another territory's files: the policy `global::media-scope` is attached
 * to every route of the upload plugin Strapi does not check file by file (register()), by the
 * route's handler, so no path spelling skips it.
 */
export function scopeMediaLibrary(strapi: Core.Strapi): void {
  for (const route of pluginRoutes(strapi, 'upload')) {
    if (CHECKED_BY_STRAPI.has(route.handler)) continue;
    const policy = { name: 'global::media-scope', config: { handler: route.handler } };
    route.config = { ...route.config, policies: [...(route.config?.policies ?? []), policy] };
  }
}
