import fs from 'node:fs';
import path from 'node:path';
import type { Core } from '@strapi/strapi';
import type { CmsEnv } from '@sito/shared';

export const BUILDER_TOKEN_NAME = 'sito-site-builder';

/** Default place of the token file: `.sito/builder-token` at the repository root (gitignored). */
export function builderTokenFile(strapi: Core.Strapi, env: CmsEnv): string {
  return path.resolve(env.SITO_TOKEN_FILE ?? path.join(strapi.dirs.app.root, '..', '.sito', 'builder-token'));
}

/**
 * Ensures a read-only API token for the site builder exists and writes its key where the builder
 * reads it. Strapi keeps an encrypted copy of each key, so every boot can rewrite the file from the
 * database: a fresh database gets a fresh token, a lost file is restored.
 */
export async function ensureBuilderToken(strapi: Core.Strapi, env: CmsEnv): Promise<void> {
  const tokens = strapi.service('admin::api-token-content-api');
  let token = await tokens.getByName(BUILDER_TOKEN_NAME, { includeDecryptedKey: true });
  if (!token) {
    token = await tokens.create({
      name: BUILDER_TOKEN_NAME,
      description: 'Read-only token the site builder uses to fetch published content. Created by bootstrap.',
      type: 'read-only',
      lifespan: null,
    });
    strapi.log.info(`[sito] created read-only API token "${BUILDER_TOKEN_NAME}"`);
  } else if (!token.accessKey) {
    token = await tokens.regenerate(token.id);
  }

  const file = builderTokenFile(strapi, env);
  const current = fs.existsSync(file) ? fs.readFileSync(file, 'utf8').trim() : '';
  if (current !== token.accessKey) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, `${token.accessKey}\n`, { mode: 0o600 });
    strapi.log.info(`[sito] wrote the builder's API token to ${file}`);
  }
}
