import type { Core, UID } from '@strapi/strapi';
import { errors } from '@strapi/utils';

/** Content types that belong to a territory (or are regional). Operators work on these. */
export const EDITORIAL_TYPES: UID.ContentType[] = [
  'api::opportunity.opportunity',
  'api::tutorial.tutorial',
  'api::profession.profession',
  'api::event.event',
  'api::question.question',
  'api::operator-resource.operator-resource',
  'api::useful-link.useful-link',
  'api::reading.reading',
  'api::news.news',
  'api::project.project',
];
export const TERRITORY: UID.ContentType = 'api::territory.territory';
/** Who wrote from a hub (cms/src/submissions): personal data of one territory, never published. */
export const PERSONAL_CONTACT: UID.ContentType = 'api::personal-contact.personal-contact';
/** Appointments asked for from a hub (cms/src/bookings): personal data of one territory, never published. */
export const BOOKING_TYPE: UID.ContentType = 'api::booking.booking';
/**
 * What an operator changes in a booking: confirm or cancel it, move it, write to the person. Who
 * booked, for what and where stay as they asked (and its territory stays its territory).
 */
export const BOOKING_FIELDS_FOR_OPERATORS = ['state', 'startsAt', 'endsAt', 'operatorMessage'];

/**
 * Territory fields an operator may change on their own territory: the office's texts, branding and
 * contact points. Everything else (identity, hosting, deploy settings, who operates it, which
 * entries and antennas belong to it) only the regional editors change: the roles make the rest
 * read-only (roles.ts) and the stored result is checked (document-middlewares/ownership-check.ts).
 */
export const TERRITORY_FIELDS_FOR_OPERATORS = [
  'shortName',
  'tagline',
  'logo',
  'primaryColor',
  'languages',
  'contactPoints',
];
export const THEMATIC_AREA: UID.ContentType = 'api::thematic-area.thematic-area';

export const ROLE_CODES = {
  superAdmin: 'strapi-super-admin',
  regionalEditor: 'sito-regional-editor',
  operator: 'sito-territory-operator',
} as const;

export interface AdminUserLike {
  id: number | string;
  roles?: Array<{ code?: string }>;
}

export interface TerritoryScope {
  /** Super admins and regional editors manage every territory and regional content. */
  unrestricted: boolean;
  /** documentIds of the territories the user operates. */
  territories: string[];
}

/** The territories an admin user may work on: those that list the user among their operators. */
export async function territoriesOf(strapi: Core.Strapi, userId: number | string): Promise<string[]> {
  const rows = await strapi.db
    .query(TERRITORY)
    .findMany({ where: { operators: { id: userId } }, select: ['documentId'] });
  return [...new Set(rows.map((row: { documentId: string }) => row.documentId))];
}

export async function territoryScope(strapi: Core.Strapi, user: AdminUserLike): Promise<TerritoryScope> {
  const codes = (user.roles ?? []).map((role) => role.code);
  if (codes.includes(ROLE_CODES.superAdmin) || codes.includes(ROLE_CODES.regionalEditor)) {
    return { unrestricted: true, territories: [] };
  }
  return { unrestricted: false, territories: await territoriesOf(strapi, user.id) };
}

/**
 * The scope of the admin user behind a request, computed once per request: a single admin call
 * runs several Document Service calls (and middlewares), each of which asks for it.
 */
export function requestScope(
  strapi: Core.Strapi,
  state: { user?: AdminUserLike; sitoScope?: Promise<TerritoryScope> },
): Promise<TerritoryScope> | null {
  if (!state.user) return null;
  state.sitoScope ??= territoryScope(strapi, state.user);
  return state.sitoScope;
}

interface RequestState {
  user?: AdminUserLike;
  auth?: { strategy?: { name?: string } };
  sitoScope?: Promise<TerritoryScope>;
}

/**
 * The territory operator behind the current request, if it is one: the scope of an admin-panel
 * request (admin session) by a user who is neither a super admin nor a regional editor. Null for
 * editors, for the content API and for the CMS's own work (boot, seed, cron).
 */
export async function operatorScope(strapi: Core.Strapi): Promise<TerritoryScope | null> {
  const state = (strapi.requestContext.get() as { state?: RequestState } | undefined)?.state;
  if (!state || state.auth?.strategy?.name !== 'admin') return null;
  const scope = await requestScope(strapi, state);
  return scope && !scope.unrestricted ? scope : null;
}

/**
 * A 403 whose message reaches the operator. Strapi's router answers any other ForbiddenError
 * raised while handling a request with a bare "Forbidden"; a PolicyError keeps its message.
 */
export const refusal = (message: string) => new errors.PolicyError(message);

/** Filters that keep an operator's reads inside what they may see: their territories' entries and regional ones. */
export function visibleTo(territories: string[], editorial: boolean): Record<string, unknown> {
  return editorial
    ? { $or: [{ territory: { documentId: { $in: territories } } }, { regional: true }] }
    : { documentId: { $in: territories } };
}

/** One stored version (locale × draft/published) of an editorial entry, with what decides who owns it. */
export interface EntryOwner {
  documentId: string;
  publishedAt?: unknown;
  locale?: string | null;
  regional?: boolean | null;
  territory?: { documentId?: string } | null;
}

/** Every stored version of an editorial document, read from the database as it is now. */
export async function entryOwners(
  strapi: Core.Strapi,
  uid: UID.ContentType,
  documentId: string,
): Promise<EntryOwner[]> {
  return (await strapi.db.query(uid).findMany({
    where: { documentId },
    select: ['documentId', 'publishedAt', 'locale', 'regional'],
    populate: { territory: { select: ['documentId'] } },
  })) as EntryOwner[];
}

/** The admin users who operate any of these territories: their files are the territories' files. */
export async function teamOf(strapi: Core.Strapi, territories: string[]): Promise<number[]> {
  if (territories.length === 0) return [];
  const rows = (await strapi.db.query(TERRITORY).findMany({
    where: { documentId: { $in: territories } },
    select: ['id'],
    populate: { operators: { select: ['id'] } },
  })) as Array<{ operators?: Array<{ id: number }> }>;
  return [...new Set(rows.flatMap((row) => (row.operators ?? []).map((user) => Number(user.id))))];
}
