import type { Core } from '@strapi/strapi';
import { mediaActionAllowed, type MediaPolicyContext } from '../tenancy/media-scope';

/**
 * On the upload plugin's routes (tenancy/media-scope.ts adds it, with the route's handler as
 * config): territory operators never change or delete another territory's files.
 */
export default (ctx: MediaPolicyContext, config: { handler: string }, { strapi }: { strapi: Core.Strapi }) =>
  mediaActionAllowed(strapi, ctx, config.handler);
