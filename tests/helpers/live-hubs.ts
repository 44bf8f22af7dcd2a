import type http from 'node:http';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { buildHub } from '../../scripts/lib/hubs.ts';
import { createHubServer } from '../../scripts/serve-hubs.ts';
import { launchChromium } from '../../scripts/lib/browser.ts';
import { freePort } from '../../scripts/lib/net.ts';
import { startTestCms, type TestCms } from './test-cms.ts';

export interface LiveHubs {
  cms: TestCms;
  /** Where the hubs are served: `${origin}/<hub>/`. */
  origin: string;
  /** The folder the hub server serves: each hub's build output in `<root>/<hub>/`. */
  root: string;
  browser: Browser;
  /** Closes the browser and the server, and removes the CMS and its database. */
  close(): Promise<void>;
}

/**
 * From a live CMS to served hubs: boots the CMS with the demo content on SQLite, lets `prepare` add
 * to it, builds the given hubs with Astro and Pagefind (strict, so an invalid entry fails), serves
 * them, and opens Chromium.
 */
export async function startLiveHubs(
  hubs: string[],
  prepare: (cms: TestCms) => Promise<void> = async () => {},
  /** More of the CMS's environment (an SMTP server to catch its mail). */
  cmsEnv: Record<string, string> = {},
): Promise<LiveHubs> {
  const cms = await startTestCms({ database: 'sqlite', seedDemo: true, env: cmsEnv });
  let server: http.Server | undefined;
  let browser: Browser | undefined;
  const close = async () => {
    await browser?.close();
    server?.close();
    await cms.destroy();
  };
  try {
    await prepare(cms);
    const root = path.join(cms.dir, 'sites');
    for (const hub of hubs) {
      await buildHub({
        hub,
        cmsUrl: cms.url,
        tokenFile: cms.tokenFile,
        strict: true,
        outDir: path.join(root, hub),
        quiet: true,
      });
    }
    // The CMS's admin may frame draft previews, as in `pnpm start`.
    server = createHubServer(root, { cmsOrigins: [cms.url], cmsUrl: cms.url });
    const port = await freePort();
    await new Promise<void>((resolve) => server!.listen(port, '127.0.0.1', resolve));
    browser = await launchChromium();
    return { cms, origin: `http://127.0.0.1:${port}`, root, browser, close };
  } catch (error) {
    await close();
    throw error;
  }
}
