import type { Core } from '@strapi/strapi';

/**
 * The admin speaks Italian to everyone who has not chosen otherwise: each admin user's
 * `preferedLanguage` (Strapi's spelling), which the admin applies at sign-in, is Italian unless
 * set. Users created later (by an administrator, or the demo accounts) get Italian as they are
 * created; anyone can switch to English in their profile, and that choice is kept.
 */
export const ADMIN_LANGUAGE = 'it';

export function defaultAdminLanguage(strapi: Core.Strapi): void {
  strapi.db.lifecycles.subscribe({
    models: ['admin::user'],
    beforeCreate(event: { params: { data: Record<string, unknown> } }) {
      event.params.data.preferedLanguage ??= ADMIN_LANGUAGE;
    },
  } as never);
}

/** Users stored before this default, or with none: Italian. Returns how many were set. */
export async function ensureAdminLanguage(strapi: Core.Strapi): Promise<number> {
  const { count } = (await strapi.db.query('admin::user').updateMany({
    where: { $or: [{ preferedLanguage: { $null: true } }, { preferedLanguage: '' }] },
    data: { preferedLanguage: ADMIN_LANGUAGE },
  })) as { count: number };
  return count;
}
