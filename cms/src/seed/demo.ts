import fs from 'node:fs';
import path from 'node:path';
import type { Core, UID } from '@strapi/strapi';
import { romeDate } from '@sito/shared';
import { resolveSeedEntry, splitLocalizations, type SeedLookup } from '@sito/shared/seed';

/**
 * Seed files, in the order they are loaded (an entry may only point at entries loaded before it).
 * Each is readable JSON: relations are written as slugs, dates relative to the day the seed runs.
 * An entry of a localized type may carry `localizations: { en: {...} }`, its English version.
 */
export const SEED_FILES: Array<{ file: string; uid: UID.ContentType; localized: boolean }> = [
  { file: 'territories.json', uid: 'api::territory.territory', localized: false },
  { file: 'opportunities.json', uid: 'api::opportunity.opportunity', localized: true },
  { file: 'professions.json', uid: 'api::profession.profession', localized: true },
  { file: 'tutorials.json', uid: 'api::tutorial.tutorial', localized: true },
  { file: 'events.json', uid: 'api::event.event', localized: true },
  { file: 'questions.json', uid: 'api::question.question', localized: true },
  { file: 'operator-resources.json', uid: 'api::operator-resource.operator-resource', localized: true },
  { file: 'useful-links.json', uid: 'api::useful-link.useful-link', localized: true },
  { file: 'readings.json', uid: 'api::reading.reading', localized: true },
  { file: 'news.json', uid: 'api::news.news', localized: true },
  { file: 'projects.json', uid: 'api::project.project', localized: true },
];

type Json = Record<string, unknown>;

export interface SeedReport {
  /** Entries created, a translation counting as one entry (Strapi stores one per locale). */
  created: number;
  skipped: number;
  byFile: Record<string, number>;
  /** How many of the created entries are translations. */
  translated: number;
}

/**
 * Loads the seed folder through the Document Service, every entry published. Idempotent: an entry
 * whose slug already exists is left as it is, and so is a translation that already exists. With
 * `reset`, the seeded types are emptied first (every locale), which restores the demo content from
 * scratch.
 */
export async function seedDemoContent(
  strapi: Core.Strapi,
  dir: string,
  { today = romeDate(), reset = false }: { today?: string; reset?: boolean } = {},
): Promise<SeedReport> {
  const report: SeedReport = { created: 0, skipped: 0, byFile: {}, translated: 0 };
  if (reset) {
    for (const { uid } of [...SEED_FILES].reverse()) {
      const all = await strapi.db.query(uid).findMany({ select: ['documentId'] });
      for (const documentId of new Set(all.map((row: { documentId: string }) => row.documentId))) {
        await strapi.documents(uid).delete({ documentId, locale: '*' } as never);
      }
    }
  }

  const cache = new Map<string, string>();
  // Slugs in seed files are the Italian ones: an English slug never stands for another entry.
  const isLocalized = (uid: string) =>
    (strapi.getModel(uid as UID.ContentType).pluginOptions as { i18n?: { localized?: boolean } } | undefined)?.i18n
      ?.localized === true;
  const lookup: SeedLookup = async (uid, slug) => {
    const key = `${uid}:${slug}`;
    if (!cache.has(key)) {
      const where = isLocalized(uid) ? { slug, locale: 'it' } : { slug };
      const row = await strapi.db.query(uid as UID.ContentType).findOne({ where, select: ['documentId'] });
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
    for (const seed of ordered) {
      const label = `${file} "${String(seed.slug)}"`;
      if (typeof seed.slug !== 'string') throw new Error(`Seed ${file}: every entry needs a slug.`);
      const { entry, translations } = splitLocalizations(seed, label);
      if (translations.length > 0 && !localized) throw new Error(`Seed ${label}: this type has no translations.`);
      let documentId = await lookup(uid, seed.slug);
      if (documentId) {
        report.skipped += 1;
      } else {
        const data = await resolveSeedEntry(entry, today, lookup, label);
        try {
          const document = await strapi.documents(uid).create({
            data,
            status: 'published',
            ...(localized ? { locale: 'it' } : {}),
          } as never);
          documentId = (document as { documentId: string }).documentId;
          cache.set(`${uid}:${seed.slug}`, documentId);
        } catch (error) {
          throw new Error(`Seed ${label} was refused: ${(error as Error).message}`, { cause: error });
        }
        created += 1;
      }
      for (const [locale, translation] of translations) {
        const exists = await strapi.db.query(uid).findOne({ where: { documentId, locale }, select: ['id'] });
        if (exists) {
          report.skipped += 1;
          continue;
        }
        const data = await resolveSeedEntry(translation, today, lookup, `${label} (${locale})`);
        try {
          // A new locale of an existing document: Strapi copies the fields that are not localized.
          await strapi.documents(uid).update({ documentId, locale, data, status: 'published' } as never);
        } catch (error) {
          throw new Error(`Seed ${label}, ${locale} translation, was refused: ${(error as Error).message}`, {
            cause: error,
          });
        }
        created += 1;
        report.translated += 1;
      }
    }
    report.created += created;
    report.byFile[file] = created;
  }
  return report;
}
