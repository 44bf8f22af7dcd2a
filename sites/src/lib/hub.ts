import { getCollection } from 'astro:content';
import type { Territory, ThematicArea } from '@sito/shared';
import { loadBuilderConfig } from './builder-env.ts';

/** The slug of the hub being built (SITO_HUB). */
export const hubSlug = (): string => loadBuilderConfig().SITO_HUB;

// Content does not change during a build; every page's layout asks for the hub and its partners.
let thisHub: Promise<Territory> | undefined;

/** This hub's territory; fails the build, naming the published ones, if it does not exist. */
export function getHub(): Promise<Territory> {
  thisHub ??= findHub();
  return thisHub;
}

async function findHub(): Promise<Territory> {
  const territories = await getCollection('territories');
  const hub = territories.find((territory) => territory.id === hubSlug())?.data;
  if (!hub) {
    throw new Error(
      `Hub "${hubSlug()}" is not a published territory in the CMS. Published territories: ${territories.map((x) => x.id).join(', ') || 'none'}.`,
    );
  }
  return hub;
}

let partners: Promise<Territory[]> | undefined;

/** The other hubs of the network (antennas are part of their hub, not a site of their own). */
export function partnerHubs(): Promise<Territory[]> {
  partners ??= getCollection('territories').then((entries) =>
    entries.map((entry) => entry.data).filter((t) => t.slug !== hubSlug() && t.kind === 'hub'),
  );
  return partners;
}

let antennaList: Promise<Territory[]> | undefined;

/**
 * This hub's antennas: sportelli of the hub in other towns, without a site of their own. Their
 * entries are published on this hub's site (the CMS rebuilds it when one changes), and their
 * contact points are on its contacts page.
 */
export function antennas(): Promise<Territory[]> {
  antennaList ??= getCollection('territories').then((entries) =>
    entries.map((entry) => entry.data).filter((t) => t.kind === 'antenna' && t.parent?.slug === hubSlug()),
  );
  return antennaList;
}

/** Entries of this hub and its antennas first, then regional ones, keeping the given order within each group. */
export async function ownFirst<T extends { territory: { slug: string } | null }>(entries: readonly T[]): Promise<T[]> {
  const own = new Set([hubSlug(), ...(await antennas()).map((antenna) => antenna.slug)]);
  const isOwn = (entry: T) => entry.territory !== null && own.has(entry.territory.slug);
  return [...entries.filter(isOwn), ...entries.filter((entry) => !isOwn(entry))];
}

export interface AreaWithSections extends ThematicArea {
  sections: ThematicArea[];
}

/** The thematic areas in order, each with its sections in order. */
export async function areasWithSections(): Promise<AreaWithSections[]> {
  const all = (await getCollection('thematicAreas')).map((entry) => entry.data);
  return all
    .filter((area) => !area.parent)
    .sort((a, b) => a.position - b.position)
    .map((area) => ({
      ...area,
      sections: all
        .filter((section) => section.parent?.documentId === area.documentId)
        .sort((a, b) => a.position - b.position),
    }));
}
