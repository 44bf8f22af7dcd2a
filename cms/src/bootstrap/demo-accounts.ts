import type { Core } from '@strapi/strapi';
import { DEV_ADMIN, type CmsEnv } from '@sito/shared';
import { ROLE_CODES, TERRITORY } from '../tenancy/scope';

/** Demo accounts, listed in the README: a regional editor and one operator per territory. */
export const demoEditorEmail = 'redazione@sitogiovani.test';
export const demoOperatorEmail = (territorySlug: string) => `operatore.${territorySlug}@sitogiovani.test`;

/**
 * Outside production, creates the demo accounts (password: the development admin password) and
 * assigns each operator to its territory. Idempotent; never runs in production.
 */
export async function ensureDemoAccounts(strapi: Core.Strapi, env: CmsEnv): Promise<number> {
  if (env.NODE_ENV === 'production') return 0;
  const users = strapi.service('admin::user');
  const roles = strapi.service('admin::role');
  const editorRole = await roles.findOne({ code: ROLE_CODES.regionalEditor });
  const operatorRole = await roles.findOne({ code: ROLE_CODES.operator });
  let created = 0;

  const ensureUser = async (email: string, firstname: string, lastname: string, roleId: number) => {
    const existing = await strapi.db.query('admin::user').findOne({ where: { email } });
    if (existing) return existing.id as number;
    const user = await users.create({
      email,
      firstname,
      lastname,
      password: DEV_ADMIN.password,
      isActive: true,
      registrationToken: null,
      roles: [roleId],
    });
    created += 1;
    return user.id as number;
  };

  await ensureUser(demoEditorEmail, 'Redazione', 'Regionale', editorRole.id);
  const territories = await strapi.db
    .query(TERRITORY)
    .findMany({ select: ['id', 'documentId', 'slug', 'shortName'], populate: { operators: { select: ['id'] } } });
  for (const territory of territories as Array<{
    id: number;
    slug: string;
    shortName: string;
    operators?: Array<{ id: number }>;
  }>) {
    const userId = await ensureUser(
      demoOperatorEmail(territory.slug),
      'Operatore',
      territory.shortName ?? territory.slug,
      operatorRole.id,
    );
    if (!territory.operators?.some((operator) => operator.id === userId)) {
      // Both the draft and the published row of the territory carry the assignment.
      await strapi.db
        .query(TERRITORY)
        .update({ where: { id: territory.id }, data: { operators: { connect: [userId] } } });
    }
  }
  return created;
}
