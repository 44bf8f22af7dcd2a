import type { Core } from '@strapi/strapi';
import { EDITORIAL_TYPES, TERRITORY, THEMATIC_AREA } from '../tenancy/scope';

const time = (row: { updatedAt?: string | Date } | null | undefined) =>
  row?.updatedAt ? new Date(row.updatedAt).getTime() : null;

/**
 * When the published content a hub shows last changed: its territory and antennas, their entries,
 * regional entries and the thematic areas (published versions only: a draft edit changes nothing).
 */
export async function latestChange(strapi: Core.Strapi, hubId: string): Promise<number | null> {
  const published = { publishedAt: { $notNull: true } };
  const territories = (await strapi.db.query(TERRITORY).findMany({
    where: { ...published, $or: [{ documentId: hubId }, { parent: { documentId: hubId } }] },
    select: ['documentId', 'updatedAt'],
  })) as Array<{ documentId: string; updatedAt: string }>;
  const ids = [...new Set(territories.map((t) => t.documentId))];
  const times = territories.map(time);
  for (const uid of EDITORIAL_TYPES) {
    const newest = await strapi.db.query(uid).findOne({
      where: { ...published, $or: [{ territory: { documentId: { $in: ids } } }, { regional: true }] },
      select: ['updatedAt'],
      orderBy: { updatedAt: 'desc' },
    });
    times.push(time(newest));
  }
  times.push(
    time(
      await strapi.db
        .query(THEMATIC_AREA)
        .findOne({ where: published, select: ['updatedAt'], orderBy: { updatedAt: 'desc' } }),
    ),
  );
  const known = times.filter((t): t is number => t !== null);
  return known.length ? Math.max(...known) : null;
}
