import path from 'node:path';
import type { Core } from '@strapi/strapi';
import { cmsEnv } from './cms-env';
import { ensureSuperAdmin } from './bootstrap/admin-user';
import { ensureBuilderToken } from './bootstrap/builder-token';
import { ensureLocales } from './bootstrap/locales';
import { ensurePublicReadAccess } from './bootstrap/public-permissions';
import { fillSlug } from './document-middlewares/fill-slug';
import { seedDemoContent } from './seed/demo';

export default {
  /** Document Service middlewares: side effects of content changes, one per file. */
  register({ strapi }: { strapi: Core.Strapi }) {
    strapi.documents.use(fillSlug(strapi));
  },

  /** First boot creates what the platform needs; every later boot finds it and changes nothing. */
  async bootstrap({ strapi }: { strapi: Core.Strapi }) {
    const env = cmsEnv();
    await ensureLocales(strapi);
    await ensureSuperAdmin(strapi, env);
    await ensurePublicReadAccess(strapi);
    await ensureBuilderToken(strapi, env);
    const seedDir = env.SITO_SEED_DIR ?? (env.SITO_SEED_DEMO ? path.join(strapi.dirs.app.root, 'seed', 'demo') : null);
    if (seedDir) {
      const started = Date.now();
      const report = await seedDemoContent(strapi, seedDir);
      strapi.log.info(
        `[sito] seed ${seedDir}: ${report.created} entries created, ${report.skipped} already there (${Date.now() - started} ms)`,
      );
    }
  },
};
