import fs from 'node:fs';
import path from 'node:path';
import type { Core } from '@strapi/strapi';
import { slugSchema, parseOrThrow } from '@sito/shared';
import { z } from 'zod';

const areaSeedSchema = z.array(
  z.object({
    slug: slugSchema,
    name: z.string().min(2),
    description: z.string().nullable().default(null),
    position: z.number().int().nonnegative(),
    sections: z.array(
      z.object({ slug: slugSchema, name: z.string().min(2), position: z.number().int().nonnegative() }),
    ),
  }),
);

/**
 * The platform's thematic areas and their sections (cms/seed/thematic-areas.json), created on
 * every boot where missing. They are data: operators may add or rename sections in the admin.
 */
export async function ensureThematicAreas(strapi: Core.Strapi): Promise<number> {
  const file = path.join(strapi.dirs.app.root, 'seed', 'thematic-areas.json');
  const areas = parseOrThrow(areaSeedSchema, JSON.parse(fs.readFileSync(file, 'utf8')), 'cms/seed/thematic-areas.json');
  const documents = strapi.documents('api::thematic-area.thematic-area');
  let created = 0;
  const ensure = async (
    data: { slug: string; name: string; description?: string | null; position: number },
    parent?: string,
  ) => {
    const existing = await strapi.db
      .query('api::thematic-area.thematic-area')
      .findOne({ where: { slug: data.slug }, select: ['documentId'] });
    if (existing) return existing.documentId as string;
    const document = await documents.create({
      locale: 'it',
      status: 'published',
      data: { ...data, ...(parent ? { parent } : {}) },
    } as never);
    created += 1;
    return (document as { documentId: string }).documentId;
  };
  for (const { sections, ...area } of areas) {
    const parentId = await ensure(area);
    for (const section of sections) await ensure(section, parentId);
  }
  return created;
}
