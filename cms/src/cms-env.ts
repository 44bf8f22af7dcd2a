import { cmsEnvSchema, parseEnv, type CmsEnv } from '@sito/shared';

/**
 * The CMS's own environment variables, validated once: a wrong value stops the boot with a
 * message naming the variable instead of failing later somewhere deep in Strapi.
 */
export function cmsEnv(): CmsEnv {
  return parseEnv(cmsEnvSchema, process.env, 'The CMS environment');
}

/**
 * The browser origins allowed to read the CMS's answers (CORS): the CMS's own public address
 * (PUBLIC_URL), where the hubs are served (SITO_HUBS_URL) and any listed in SITO_CORS_ORIGINS.
 */
export function corsOrigins(env: CmsEnv = cmsEnv()): string[] {
  const origins = [env.PUBLIC_URL, env.SITO_HUBS_URL, ...env.SITO_CORS_ORIGINS]
    .filter((value): value is string => Boolean(value))
    .map((value) => new URL(value).origin);
  return [...new Set(origins)];
}
