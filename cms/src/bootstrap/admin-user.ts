import type { Core } from '@strapi/strapi';
import { DEV_ADMIN, type CmsEnv } from '@sito/shared';

/**
 * Creates the first super admin from SITO_ADMIN_EMAIL / SITO_ADMIN_PASSWORD, once.
 * Outside production the documented development defaults apply; in production both variables
 * must be set explicitly, and the development password is refused.
 */
export async function ensureSuperAdmin(strapi: Core.Strapi, env: CmsEnv): Promise<void> {
  const production = env.NODE_ENV === 'production';
  if (production && env.SITO_ADMIN_PASSWORD === DEV_ADMIN.password) {
    throw new Error('SITO_ADMIN_PASSWORD is the documented development password: choose another one for production.');
  }
  const email = (env.SITO_ADMIN_EMAIL ?? (production ? undefined : DEV_ADMIN.email))?.toLowerCase();
  const password = env.SITO_ADMIN_PASSWORD ?? (production ? undefined : DEV_ADMIN.password);

  if (!email || !password) {
    const users = strapi.service('admin::user');
    if (!(await users.exists())) {
      strapi.log.warn(
        '[sito] production mode: no super admin was created because SITO_ADMIN_EMAIL and SITO_ADMIN_PASSWORD are not both set.',
      );
    }
    return;
  }

  const existing = await strapi.db.query('admin::user').findOne({ where: { email } });
  if (existing) return;

  const superAdminRole = await strapi.service('admin::role').getSuperAdmin();
  await strapi.service('admin::user').create({
    email,
    firstname: 'Amministratore',
    lastname: 'SITO Giovani',
    password,
    isActive: true,
    registrationToken: null,
    roles: [superAdminRole.id],
  });
  strapi.log.info(`[sito] created super admin ${email}`);
}
