import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { mayPreviewEntry } from '../publishing/previews';
import type { AdminUserLike } from '../tenancy/scope';

/**
 * On Strapi's preview-link route (publishing/previews.ts adds it): an operator may preview the
 * entries of their own territories only.
 */
export default async (
  // A policy context copies the request context's own properties: `request`, not koa's `query` getter.
  ctx: {
    state: { user?: AdminUserLike };
    params: { contentType?: string };
    request: { query?: { documentId?: unknown } };
  },
  _config: unknown,
  { strapi }: { strapi: Core.Strapi },
): Promise<boolean> => {
  const documentId = ctx.request.query?.documentId;
  if (!ctx.state.user || typeof documentId !== 'string') return true;
  if (await mayPreviewEntry(strapi, ctx.state.user, ctx.params.contentType ?? '', documentId)) return true;
  throw new errors.PolicyError('Puoi vedere in anteprima solo i contenuti dei tuoi territori.');
};
