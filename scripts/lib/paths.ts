import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Absolute paths of the workspace's parts, wherever a script is started from. */
export const ROOT = path.resolve(fileURLToPath(new URL('../..', import.meta.url)));
export const CMS_DIR = path.join(ROOT, 'cms');
export const SITES_DIR = path.join(ROOT, 'sites');
export const SITES_DIST = path.join(SITES_DIR, 'dist');
export const STATE_DIR = path.join(ROOT, '.sito');
export const DEFAULT_TOKEN_FILE = path.join(STATE_DIR, 'builder-token');
export const RELEASES_DIR = path.join(STATE_DIR, 'releases');
