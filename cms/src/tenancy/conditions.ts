import type { Core } from '@strapi/strapi';
import { teamOf, territoriesOf, type AdminUserLike } from './scope';

/**
 * RBAC conditions for territory operators. Strapi turns them into query filters for lists,
 * relation pickers and bulk actions, and checks them against single entries. They only see the
 * entry as stored, so the territory guard (document-middlewares/territory-guard.ts) covers what
 * they cannot: creating in, or moving an entry to, another territory.
 */
export const CONDITIONS = {
  inMyTerritories: 'api::in-my-territories',
  isRegional: 'api::is-regional',
  isMyTerritory: 'api::is-my-territory',
  filesOfMyTerritories: 'api::files-of-my-territories',
} as const;

export async function registerTenancyConditions(strapi: Core.Strapi): Promise<void> {
  const { conditionProvider } = strapi.service('admin::permission');
  const conditions = [
    {
      displayName: 'Voci dei miei territori',
      name: 'in-my-territories',
      handler: async (user: AdminUserLike) => ({
        'territory.documentId': { $in: await territoriesOf(strapi, user.id) },
      }),
    },
    { displayName: 'Voci regionali', name: 'is-regional', handler: () => ({ regional: { $eq: true } }) },
    {
      displayName: 'I miei territori',
      name: 'is-my-territory',
      handler: async (user: AdminUserLike) => ({ documentId: { $in: await territoriesOf(strapi, user.id) } }),
    },
    {
      // Media files carry no territory: a file is a territory's when one of its operators uploaded it.
      displayName: 'File dei miei territori',
      name: 'files-of-my-territories',
      handler: async (user: AdminUserLike) => ({
        'createdBy.id': { $in: await teamOf(strapi, await territoriesOf(strapi, user.id)) },
      }),
    },
  ];
  for (const condition of conditions) {
    if (!conditionProvider.has(`api::${condition.name}`)) await conditionProvider.register(condition);
  }
}
