import type { Core } from '@strapi/strapi';

export interface PluginRoute {
  method: string;
  path: string;
  handler: string;
  config?: { policies?: unknown[]; middlewares?: unknown[] };
}

/** Every admin and content-API route a plugin declares, before the server mounts them (register()). */
export function pluginRoutes(strapi: Core.Strapi, plugin: string): PluginRoute[] {
  const routers = strapi.plugin(plugin).routes as unknown as Record<string, { routes?: PluginRoute[] }> | PluginRoute[];
  if (Array.isArray(routers)) return routers;
  return Object.values(routers).flatMap((router) => router.routes ?? []);
}

/**
 * One of the content manager's routes, found by its handler. Guards are attached to the route
 * itself, so they run for every path spelling Strapi's (case-insensitive) router matches.
 */
export function contentManagerRoute(strapi: Core.Strapi, handler: string): PluginRoute {
  const route = pluginRoutes(strapi, 'content-manager').find((candidate) => candidate.handler === handler);
  if (!route) throw new Error(`The content manager's route "${handler}" was not found: its guard cannot be attached.`);
  return route;
}
