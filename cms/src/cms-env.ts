import { cmsEnvSchema, parseEnv, type CmsEnv } from '@sito/shared';

/**
 * The CMS's own environment variables, validated once: a wrong value stops the boot with a
 * message naming the variable instead of failing later somewhere deep in Strapi.
 */
export function cmsEnv(): CmsEnv {
  return parseEnv(cmsEnvSchema, process.env, 'The CMS environment');
}
