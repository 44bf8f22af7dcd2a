import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { builderEnvSchema, parseEnv, type BuilderEnv } from '@sito/shared';

/** Repository root, two levels above sites/src/lib. */
export const REPO_ROOT = path.resolve(fileURLToPath(new URL('../../..', import.meta.url)));

export interface BuilderConfig extends BuilderEnv {
  /** The API token, from SITO_CMS_TOKEN or the file the CMS writes on boot. */
  token: string;
}

/**
 * Reads and validates what one hub build needs. Fails early, naming the variable, when
 * something is missing or malformed.
 */
export function loadBuilderConfig(env: NodeJS.ProcessEnv = process.env): BuilderConfig {
  // Every page asks for the hub; read the environment and the token file once per build.
  if (env === process.env) return (processConfig ??= readBuilderConfig(env));
  return readBuilderConfig(env);
}

let processConfig: BuilderConfig | undefined;

function readBuilderConfig(env: NodeJS.ProcessEnv): BuilderConfig {
  const parsed = parseEnv(builderEnvSchema, env, 'The site builder environment');
  if (parsed.SITO_CMS_TOKEN) return { ...parsed, token: parsed.SITO_CMS_TOKEN };
  const file = path.resolve(parsed.SITO_TOKEN_FILE ?? path.join(REPO_ROOT, '.sito', 'builder-token'));
  if (!fs.existsSync(file)) {
    throw new Error(
      `The site builder has no API token: set SITO_CMS_TOKEN, or boot the CMS once so it writes ${file}.`,
    );
  }
  return { ...parsed, token: fs.readFileSync(file, 'utf8').trim() };
}
