import { ensureCmsBuilt } from './lib/cms.ts';

/**
 * `pnpm cms:build`: builds the CMS (server code and admin panel) now, and records what it built, so
 * `pnpm start`, `pnpm test` and `pnpm guide:screenshots` do not build it again.
 */
export async function main(): Promise<void> {
  await ensureCmsBuilt({ admin: true, force: true });
  console.log('The CMS is built (cms/dist/).');
}
