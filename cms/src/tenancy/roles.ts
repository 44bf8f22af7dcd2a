import type { Core, UID } from '@strapi/strapi';
import { CONDITIONS } from './conditions';
import {
  BOOKING_FIELDS_FOR_OPERATORS,
  BOOKING_TYPE,
  EDITORIAL_TYPES,
  PERSONAL_CONTACT,
  ROLE_CODES,
  TERRITORY,
  TERRITORY_FIELDS_FOR_OPERATORS,
  THEMATIC_AREA,
} from './scope';

const CM = 'plugin::content-manager.explorer';
const ACTIONS = {
  create: `${CM}.create`,
  read: `${CM}.read`,
  update: `${CM}.update`,
  delete: `${CM}.delete`,
  publish: `${CM}.publish`,
};

/** Territory fields an operator does not even see: who operates it and where its hub notifies. */
const TERRITORY_FIELDS_HIDDEN = ['operators', 'deployHookUrl', 'deployHookSecret'];

interface PermissionInput {
  action: string;
  subject?: UID.ContentType;
  properties?: { fields?: string[]; locales?: string[] };
  conditions?: string[];
}

const UPLOAD_PERMISSIONS: PermissionInput[] = [
  'plugin::upload.read',
  'plugin::upload.configure-view',
  'plugin::upload.assets.create',
  'plugin::upload.assets.update',
  'plugin::upload.assets.download',
  'plugin::upload.assets.copy-link',
].map((action) => ({ action }));

/** Operators see the whole media library but change and delete only their territories' files. */
const OPERATOR_UPLOAD_PERMISSIONS: PermissionInput[] = UPLOAD_PERMISSIONS.map((permission) =>
  permission.action === 'plugin::upload.assets.update'
    ? { ...permission, conditions: [CONDITIONS.filesOfMyTerritories] }
    : permission,
);

function permission(
  strapi: Core.Strapi,
  action: string,
  subject: UID.ContentType,
  conditions: string[] = [],
  omit: string[] = [],
): PermissionInput {
  const registered = strapi.service('admin::permission').actionProvider.get(action);
  const [withFields] = strapi
    .service('admin::content-type')
    .getPermissionsWithNestedFields([{ ...registered, subjects: [subject] }]) as Array<{
    properties: { fields?: string[] };
  }>;
  const fields = withFields?.properties.fields?.filter(
    (field) => !omit.some((o) => field === o || field.startsWith(`${o}.`)),
  );
  const localized = (strapi.getModel(subject).pluginOptions as { i18n?: { localized?: boolean } } | undefined)?.i18n
    ?.localized;
  return {
    action,
    subject,
    properties: {
      ...(action === ACTIONS.delete || action === ACTIONS.publish ? {} : { fields }),
      ...(localized ? { locales: ['it', 'en'] } : {}),
    },
    conditions,
  };
}

/**
 * Everything of a territory but the fields operators may change: the edit form shows them read-only.
 * The rule itself holds on the stored result (document-middlewares/ownership-check.ts).
 */
const reservedTerritoryFields = (strapi: Core.Strapi) =>
  Object.keys(strapi.getModel(TERRITORY).attributes).filter((field) => !TERRITORY_FIELDS_FOR_OPERATORS.includes(field));

/** A booking's fields nobody changes in the admin (see BOOKING_FIELDS_FOR_OPERATORS). */
const bookingFieldsKept = (strapi: Core.Strapi) =>
  Object.keys(strapi.getModel(BOOKING_TYPE).attributes).filter(
    (field) => !BOOKING_FIELDS_FOR_OPERATORS.includes(field),
  );

/** Bookings: read, answer (confirm, move, cancel, with a message) and erase, never create. */
const bookingPermissions = (strapi: Core.Strapi, conditions: string[] = []): PermissionInput[] => [
  permission(strapi, ACTIONS.read, BOOKING_TYPE, conditions),
  permission(strapi, ACTIONS.update, BOOKING_TYPE, conditions, bookingFieldsKept(strapi)),
  permission(strapi, ACTIONS.delete, BOOKING_TYPE, conditions),
];

/**
 * Operators: their territories' entries, regional entries read-only, their own territory's contacts
 * and branding, and who wrote to their territories (read and erase, never change).
 */
function operatorPermissions(strapi: Core.Strapi): PermissionInput[] {
  const mine = [CONDITIONS.inMyTerritories];
  return [
    ...EDITORIAL_TYPES.flatMap((uid) => [
      permission(strapi, ACTIONS.read, uid, [CONDITIONS.inMyTerritories, CONDITIONS.isRegional]),
      permission(strapi, ACTIONS.create, uid, mine),
      permission(strapi, ACTIONS.update, uid, mine),
      permission(strapi, ACTIONS.delete, uid, mine),
      permission(strapi, ACTIONS.publish, uid, mine),
    ]),
    permission(strapi, ACTIONS.read, TERRITORY, [CONDITIONS.isMyTerritory], TERRITORY_FIELDS_HIDDEN),
    permission(strapi, ACTIONS.update, TERRITORY, [CONDITIONS.isMyTerritory], reservedTerritoryFields(strapi)),
    permission(strapi, ACTIONS.publish, TERRITORY, [CONDITIONS.isMyTerritory]),
    permission(strapi, ACTIONS.read, THEMATIC_AREA),
    // Who asked their territory's questions: to answer them, and to erase them on request.
    permission(strapi, ACTIONS.read, PERSONAL_CONTACT, mine),
    permission(strapi, ACTIONS.delete, PERSONAL_CONTACT, mine),
    ...bookingPermissions(strapi, mine),
    ...OPERATOR_UPLOAD_PERMISSIONS,
  ];
}

/** Regional editors: everything, in every territory, plus regional content and thematic areas. */
function regionalEditorPermissions(strapi: Core.Strapi): PermissionInput[] {
  return [
    ...[...EDITORIAL_TYPES, TERRITORY, THEMATIC_AREA].flatMap((uid) =>
      Object.values(ACTIONS).map((action) => permission(strapi, action, uid)),
    ),
    permission(strapi, ACTIONS.read, PERSONAL_CONTACT),
    permission(strapi, ACTIONS.delete, PERSONAL_CONTACT),
    ...bookingPermissions(strapi),
    ...UPLOAD_PERMISSIONS,
  ];
}

/**
 * Creates the platform's roles on first boot and keeps their permissions as defined here on every
 * boot (changes made to these two roles in the admin are reset: define them in code).
 */
export async function ensureRoles(strapi: Core.Strapi): Promise<Record<'operator' | 'regionalEditor', number>> {
  const roles = strapi.service('admin::role');
  const definitions = [
    {
      key: 'regionalEditor' as const,
      code: ROLE_CODES.regionalEditor,
      name: 'Redazione regionale',
      description: 'Gestisce i contenuti regionali e quelli di ogni territorio della rete.',
      permissions: regionalEditorPermissions(strapi),
    },
    {
      key: 'operator' as const,
      code: ROLE_CODES.operator,
      name: 'Operatore territoriale',
      description: 'Gestisce solo i contenuti dei propri territori; legge quelli regionali.',
      permissions: operatorPermissions(strapi),
    },
  ];
  const ids = {} as Record<'operator' | 'regionalEditor', number>;
  for (const definition of definitions) {
    let role = await roles.findOne({ code: definition.code });
    if (!role)
      role = await roles.create({ name: definition.name, code: definition.code, description: definition.description });
    await roles.assignPermissions(role.id, definition.permissions);
    ids[definition.key] = role.id;
  }
  return ids;
}
