import type { Core } from '@strapi/strapi';
import { EDITORIAL_TYPES, TERRITORY, THEMATIC_AREA } from '../tenancy/scope';

/** Content types whose published entries anyone may read through the REST API. */
export const PUBLIC_READABLE = [TERRITORY, THEMATIC_AREA, ...EDITORIAL_TYPES];

/**
 * Grants the users-permissions Public role `find` and `findOne` on the public content types.
 * Drafts stay out of reach: the REST API returns published versions by default and the
 * `global::published-only` middleware refuses `?status=draft`.
 */
export async function ensurePublicReadAccess(strapi: Core.Strapi): Promise<void> {
  const roles = strapi.db.query('plugin::users-permissions.role');
  const permissions = strapi.db.query('plugin::users-permissions.permission');
  const publicRole = await roles.findOne({ where: { type: 'public' } });
  if (!publicRole) throw new Error('The users-permissions Public role is missing: is the plugin installed?');

  for (const uid of PUBLIC_READABLE) {
    for (const verb of ['find', 'findOne']) {
      const action = `${uid}.${verb}`;
      const granted = await permissions.findOne({ where: { action, role: publicRole.id } });
      if (!granted) await permissions.create({ data: { action, role: publicRole.id } });
    }
  }
}
