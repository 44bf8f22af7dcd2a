import fs from 'node:fs';
import path from 'node:path';
import type { Core } from '@strapi/strapi';
import { addDays, blocksSchema, parseOrThrow, romeDate, slugSchema } from '@sito/shared';
import { z } from 'zod';

/** Shape of `cms/seed/demo/territories.json`. */
const seedTerritoriesSchema = z.array(
  z.object({ slug: slugSchema, name: z.string().min(2), tagline: z.string().nullable().default(null) }),
);

/** Shape of `cms/seed/demo/opportunities.json`: dates are relative to the day the seed runs. */
const seedOpportunitiesSchema = z.array(
  z.object({
    territory: slugSchema,
    slug: slugSchema,
    title: z.string().min(3),
    summary: z.string().min(10),
    body: blocksSchema,
    deadlineInDays: z.number().int().nullable(),
  }),
);

const readSeedFile = <S extends z.ZodType>(dir: string, file: string, schema: S): z.infer<S> =>
  parseOrThrow(schema, JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')), `Seed file ${file}`);

export interface SeedReport {
  created: number;
  skipped: number;
}

/**
 * Loads the demo content through the Document Service, published. Idempotent: an entry whose slug
 * already exists is left as it is, so running it again changes nothing.
 */
export async function seedDemoContent(strapi: Core.Strapi, dir: string, today = romeDate()): Promise<SeedReport> {
  const territories = readSeedFile(dir, 'territories.json', seedTerritoriesSchema);
  const opportunities = readSeedFile(dir, 'opportunities.json', seedOpportunitiesSchema);
  const report: SeedReport = { created: 0, skipped: 0 };

  const territoryIds = new Map<string, string>();
  for (const territory of territories) {
    const documents = strapi.documents('api::territory.territory');
    const existing = await documents.findFirst({ filters: { slug: territory.slug }, fields: ['slug'] });
    if (existing) {
      territoryIds.set(territory.slug, existing.documentId);
      report.skipped += 1;
      continue;
    }
    const created = await documents.create({ data: territory, status: 'published' });
    territoryIds.set(territory.slug, created.documentId);
    report.created += 1;
  }

  for (const { territory, deadlineInDays, ...fields } of opportunities) {
    const territoryId = territoryIds.get(territory);
    if (!territoryId) throw new Error(`Seed opportunity "${fields.slug}" names an unknown territory "${territory}".`);
    const documents = strapi.documents('api::opportunity.opportunity');
    const existing = await documents.findFirst({ filters: { slug: fields.slug }, locale: 'it', fields: ['slug'] });
    if (existing) {
      report.skipped += 1;
      continue;
    }
    await documents.create({
      locale: 'it',
      status: 'published',
      data: {
        ...fields,
        deadline: deadlineInDays === null ? null : addDays(today, deadlineInDays),
        territory: territoryId,
      },
    });
    report.created += 1;
  }
  return report;
}
