import type { Core, UID } from '@strapi/strapi';
import { EDITORIAL_TYPES, TERRITORY, THEMATIC_AREA } from '../tenancy/scope';
import type { Hub } from './store';

interface TerritoryRow {
  documentId: string;
  slug: string;
  name: string;
  kind: 'hub' | 'antenna';
  hostname?: string | null;
  publishedAt?: string | null;
  parent?: { documentId: string; slug: string; kind?: string } | null;
}

export interface HubInfo extends Hub {
  name: string;
  hostname: string | null;
}

/** Every published territory of kind hub: one site each. */
export async function allHubs(strapi: Core.Strapi): Promise<HubInfo[]> {
  const rows = (await strapi.db.query(TERRITORY).findMany({
    where: { kind: 'hub', publishedAt: { $notNull: true } },
    select: ['documentId', 'slug', 'name', 'hostname'],
    orderBy: { slug: 'asc' },
  })) as TerritoryRow[];
  return rows.map((row) => ({ id: row.documentId, slug: row.slug, name: row.name, hostname: row.hostname ?? null }));
}

/**
 * The hubs whose site shows content of these territories: a hub shows its own, an antenna's
 * content appears on its parent hub's site. Draft and published versions are both read, so a
 * territory that was just unpublished still names its hub.
 */
export async function hubsOfTerritories(strapi: Core.Strapi, territoryIds: string[]): Promise<Hub[]> {
  if (territoryIds.length === 0) return [];
  const rows = (await strapi.db.query(TERRITORY).findMany({
    where: { documentId: { $in: territoryIds } },
    select: ['documentId', 'slug', 'kind'],
    populate: { parent: { select: ['documentId', 'slug', 'kind'] } },
  })) as TerritoryRow[];
  const hubs = new Map<string, Hub>();
  for (const row of rows) {
    if (row.kind === 'hub') hubs.set(row.documentId, { id: row.documentId, slug: row.slug });
    else if (row.parent) hubs.set(row.parent.documentId, { id: row.parent.documentId, slug: row.parent.slug });
  }
  return [...hubs.values()];
}

/** Who an entry belongs to, across all its versions and locales, and a name to show in the history. */
export interface Ownership {
  territories: string[];
  regional: boolean;
  everyHub: boolean;
  label: string | null;
}

const LABEL_FIELDS: Record<string, string> = {
  'api::profession.profession': 'name',
  'api::question.question': 'question',
  [TERRITORY]: 'name',
  [THEMATIC_AREA]: 'name',
};

export async function ownershipOf(strapi: Core.Strapi, uid: UID.ContentType, documentId: string): Promise<Ownership> {
  const label = LABEL_FIELDS[uid] ?? 'title';
  if (uid === TERRITORY) {
    const rows = (await strapi.db
      .query(uid)
      .findMany({ where: { documentId }, select: ['documentId', label] })) as Array<Record<string, string>>;
    return {
      territories: rows.length ? [documentId] : [],
      regional: false,
      everyHub: false,
      label: rows[0]?.[label] ?? null,
    };
  }
  if (uid === THEMATIC_AREA) {
    const rows = (await strapi.db.query(uid).findMany({ where: { documentId }, select: [label] })) as Array<
      Record<string, string>
    >;
    return { territories: [], regional: false, everyHub: true, label: rows[0]?.[label] ?? null };
  }
  const rows = (await strapi.db.query(uid).findMany({
    where: { documentId },
    select: ['regional', label],
    populate: { territory: { select: ['documentId'] } },
  })) as Array<{ regional?: boolean; territory?: { documentId: string } | null } & Record<string, unknown>>;
  return {
    territories: [...new Set(rows.map((row) => row.territory?.documentId).filter((id): id is string => Boolean(id)))],
    regional: rows.some((row) => row.regional === true),
    everyHub: false,
    label: (rows.find((row) => typeof row[label] === 'string')?.[label] as string | undefined) ?? null,
  };
}

/** The content types whose changes reach a hub's site. */
export const PUBLISHED_TYPES: UID.ContentType[] = [...EDITORIAL_TYPES, TERRITORY, THEMATIC_AREA];

/** Hubs to rebuild for a change of these owners: every hub for regional content and areas. */
export async function affectedHubs(strapi: Core.Strapi, owners: Ownership[]): Promise<Hub[]> {
  if (owners.some((owner) => owner.regional || owner.everyHub)) return allHubs(strapi);
  return hubsOfTerritories(strapi, [...new Set(owners.flatMap((owner) => owner.territories))]);
}
