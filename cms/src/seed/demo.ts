import fs from 'node:fs';
import path from 'node:path';
import type { Core, UID } from '@strapi/strapi';
import { resolveSeedEntry, romeDate, type SeedLookup } from '@sito/shared';

/**
 * Seed files, in the order they are loaded (an entry may only point at entries loaded before it).
 * Each is readable JSON: relations are written as slugs, dates relative to the day the seed runs.
 */
export const SEED_FILES: Array<{ file: string; uid: UID.ContentType; localized: boolean }> = [
  { file: 'territories.json', uid: 'api::territory.territory', localized: false },
  { file: 'opportunities.json', uid: 'api::opportunity.opportunity', localized: true },
  { file: 'professions.json', uid: 'api::profession.profession', localized: true },
  { file: 'tutorials.json', uid: 'api::tutorial.tutorial', localized: true },
  { file: 'events.json', uid: 'api::event.event', localized: true },
  { file: 'questions.json', uid: 'api::question.question', localized: true },
  { file: 'operator-resources.json', uid: 'api::operator-resource.operator-resource', localized: true },
  { file: 'news.json', uid: 'api::news.news', localized: true },
];

type Json = Record<string, unknown>;

export interface SeedReport {
  created: number;
  skipped: number;
  byFile: Record<string, number>;
}

/**
 * Loads the seed folder through the Document Service, every entry published. Idempotent: an entry
 * whose slug already exists is left as it is. With `reset`, the seeded types are emptied first,
 * which restores the demo content from scratch.
 */
export async function seedDemoContent(
  strapi: Core.Strapi,
  dir: string,
  { today = romeDate(), reset = false }: { today?: string; reset?: boolean } = {},
): Promise<SeedReport> {
  const report: SeedReport = { created: 0, skipped: 0, byFile: {} };
  if (reset) {
    for (const { uid } of [...SEED_FILES].reverse()) {
      const all = await strapi.db.query(uid).findMany({ select: ['documentId'] });
      for (const documentId of new Set(all.map((row: { documentId: string }) => row.documentId))) {
        await strapi.documents(uid).delete({ documentId, locale: '*' } as never);
      }
    }
  }

  const cache = new Map<string, string>();
  const lookup: SeedLookup = async (uid, slug) => {
    const key = `${uid}:${slug}`;
    if (!cache.has(key)) {
      const row = await strapi.db.query(uid as UID.ContentType).findOne({ where: { slug }, select: ['documentId'] });
      if (row) cache.set(key, row.documentId);
    }
    return cache.get(key);
  };

  for (const { file, uid, localized } of SEED_FILES) {
    const fullPath = path.join(dir, file);
    if (!fs.existsSync(fullPath)) continue;
    const entries = JSON.parse(fs.readFileSync(fullPath, 'utf8')) as Json[];
    if (!Array.isArray(entries)) throw new Error(`Seed file ${file} must hold a JSON array.`);
    let created = 0;
    // Parents first: an antenna points at its hub.
    const ordered = [...entries].sort((a, b) => Number(Boolean(a.parent)) - Number(Boolean(b.parent)));
    for (const entry of ordered) {
      const label = `${file} "${String(entry.slug)}"`;
      if (typeof entry.slug !== 'string') throw new Error(`Seed ${file}: every entry needs a slug.`);
      if (await lookup(uid, entry.slug)) {
        report.skipped += 1;
        continue;
      }
      const data = await resolveSeedEntry(entry, today, lookup, label);
      try {
        const document = await strapi.documents(uid).create({
          data,
          status: 'published',
          ...(localized ? { locale: 'it' } : {}),
        } as never);
        cache.set(`${uid}:${entry.slug}`, (document as { documentId: string }).documentId);
      } catch (error) {
        throw new Error(`Seed ${label} was refused: ${(error as Error).message}`, { cause: error });
      }
      created += 1;
    }
    report.created += created;
    report.byFile[file] = created;
  }
  return report;
}
