import type { Core } from '@strapi/strapi';
import { EDITORIAL_TYPES, TERRITORY, THEMATIC_AREA } from '../tenancy/scope';

/** Content types whose published entries anyone may read through the REST API. */
export const PUBLIC_READABLE = [TERRITORY, THEMATIC_AREA, ...EDITORIAL_TYPES];

/** Exactly what the users-permissions Public role may do: read published content, nothing else. */
export const PUBLIC_ACTIONS = PUBLIC_READABLE.flatMap((uid) => [`${uid}.find`, `${uid}.findOne`]);

/**
 * Makes the users-permissions Public role's permissions exactly PUBLIC_ACTIONS on every boot:
 * `find` and `findOne` on the public content types, and nothing else. Strapi grants the public
 * registration, login and password-reset routes by default; the platform has no public accounts,
 * so they are taken away, and registration is switched off in the plugin's settings too.
 * Drafts stay out of reach whatever the request asks (document-middlewares/public-reads.ts).
 */
export async function ensurePublicReadAccess(strapi: Core.Strapi): Promise<void> {
  const roles = strapi.db.query('plugin::users-permissions.role');
  const permissions = strapi.db.query('plugin::users-permissions.permission');
  const publicRole = await roles.findOne({ where: { type: 'public' } });
  if (!publicRole) throw new Error('The users-permissions Public role is missing: is the plugin installed?');

  const granted = (await permissions.findMany({ where: { role: publicRole.id }, select: ['id', 'action'] })) as Array<{
    id: number;
    action: string;
  }>;
  const extra = granted.filter((permission) => !PUBLIC_ACTIONS.includes(permission.action));
  if (extra.length > 0)
    await permissions.deleteMany({ where: { id: { $in: extra.map((permission) => permission.id) } } });
  for (const action of PUBLIC_ACTIONS) {
    if (!granted.some((permission) => permission.action === action))
      await permissions.create({ data: { action, role: publicRole.id } });
  }

  const settings = strapi.store({ type: 'plugin', name: 'users-permissions', key: 'advanced' });
  const advanced = ((await settings.get()) ?? {}) as Record<string, unknown>;
  if (advanced.allow_register !== false) await settings.set({ value: { ...advanced, allow_register: false } });
}
