import fs from 'node:fs';
import path from 'node:path';
import type { Core } from '@strapi/strapi';
import { slugSchema, parseOrThrow, slugify } from '@sito/shared';
import { z } from 'zod';

/** The English name of an area or section: its English slug is made from it. */
const englishSchema = z.object({ name: z.string().min(2), description: z.string().nullable().default(null) });

const areaSeedSchema = z.array(
  z.object({
    slug: slugSchema,
    name: z.string().min(2),
    description: z.string().nullable().default(null),
    position: z.number().int().nonnegative(),
    en: englishSchema.optional(),
    sections: z.array(
      z.object({
        slug: slugSchema,
        name: z.string().min(2),
        position: z.number().int().nonnegative(),
        en: englishSchema.optional(),
      }),
    ),
  }),
);

const UID = 'api::thematic-area.thematic-area';

/**
 * The platform's thematic areas and their sections (cms/seed/thematic-areas.json), created on
 * every boot where missing, in Italian and, where the file gives one, with an English version
 * (English entries can only point at English areas: Strapi keeps relations per locale). They are
 * data: operators may add or rename sections in the admin. Returns how many versions it created.
 */
export async function ensureThematicAreas(strapi: Core.Strapi): Promise<number> {
  const file = path.join(strapi.dirs.app.root, 'seed', 'thematic-areas.json');
  const areas = parseOrThrow(areaSeedSchema, JSON.parse(fs.readFileSync(file, 'utf8')), 'cms/seed/thematic-areas.json');
  const documents = strapi.documents(UID);
  let created = 0;
  const ensure = async (
    data: { slug: string; name: string; description?: string | null; position: number },
    parent?: string,
  ) => {
    const existing = await strapi.db
      .query(UID)
      .findOne({ where: { slug: data.slug, locale: 'it' }, select: ['documentId'] });
    if (existing) return existing.documentId as string;
    const document = await documents.create({
      locale: 'it',
      status: 'published',
      data: { ...data, ...(parent ? { parent } : {}) },
    } as never);
    created += 1;
    return (document as { documentId: string }).documentId;
  };
  /** Adds the English version of an area or section, once; a section's parent must have one first. */
  const ensureEnglish = async (documentId: string, en: z.infer<typeof englishSchema> | undefined, parent?: string) => {
    if (!en) return;
    const existing = await strapi.db.query(UID).findOne({ where: { documentId, locale: 'en' }, select: ['id'] });
    if (existing) return;
    await documents.update({
      documentId,
      locale: 'en',
      status: 'published',
      data: { name: en.name, slug: slugify(en.name), description: en.description, ...(parent ? { parent } : {}) },
    } as never);
    created += 1;
  };
  for (const { sections, en, ...area } of areas) {
    const parentId = await ensure(area);
    await ensureEnglish(parentId, en);
    for (const { en: sectionEn, ...section } of sections) {
      const sectionId = await ensure(section, parentId);
      await ensureEnglish(sectionId, sectionEn, en ? parentId : undefined);
    }
  }
  return created;
}
