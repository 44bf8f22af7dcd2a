import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { cmsEnvSchema, DEV_ADMIN } from '@sito/shared';
import type { Page } from 'playwright-core';
import { solvedProof } from './lib/altcha-proof.ts';
import { launchChromium } from './lib/browser.ts';
import { ensureCmsBuilt, startCms } from './lib/cms.ts';
import { generateStrapiSecrets } from './lib/cms-secrets.ts';
import { freePort } from './lib/net.ts';
import { ROOT } from './lib/paths.ts';
import { createTempDatabase } from './lib/temp-database.ts';

/** Where the guide (docs/guida-operatori.md) finds its pictures. */
export const GUIDE_IMAGES = path.join(ROOT, 'docs', 'guida');
const OPERATOR = 'operatore.crema@sitogiovani.test';

/** The pictures of the guide: what the operator of Crema sees, page by page. */
const SHOTS: Array<{ name: string; path: string; wait: (page: Page) => Promise<unknown> }> = [
  { name: 'home', path: '/admin', wait: (page) => page.getByText('Il tuo territorio').first().waitFor() },
  {
    name: 'opportunita-elenco',
    path: '/admin/content-manager/collection-types/api::opportunity.opportunity',
    wait: (page) => page.getByRole('grid').waitFor(),
  },
  {
    name: 'opportunita-nuova',
    path: '/admin/content-manager/collection-types/api::opportunity.opportunity/create',
    wait: (page) => page.locator('input[name="title"]').waitFor(),
  },
  {
    name: 'pubblicazione',
    path: '/admin/pubblicazione',
    wait: (page) => page.getByText('Indirizzi permanenti').first().waitFor(),
  },
  { name: 'in-arrivo', path: '/admin/in-arrivo', wait: (page) => page.getByRole('heading', { level: 1 }).waitFor() },
  {
    name: 'monitoraggio',
    path: '/admin/monitoraggio',
    wait: (page) => page.getByRole('heading', { level: 1 }).waitFor(),
  },
];

/**
 * A question a young person sends to Crema from its hub, through the public endpoint with a solved
 * proof of work, as the form does: so «In arrivo» shows what an operator finds there.
 */
async function askCrema(cmsUrl: string): Promise<void> {
  const response = await fetch(`${cmsUrl}/api/sito/submissions/questions`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({
      hub: 'crema',
      question: 'Ho 19 anni e un diploma di ragioneria: come posso fare un tirocinio in un’azienda di Crema?',
      age: 19,
      consent: true,
      altcha: await solvedProof(cmsUrl),
    }),
  });
  if (response.status !== 201) throw new Error(`The guide's question was refused: ${await response.text()}`);
}

/**
 * `pnpm guide:screenshots`: boots a CMS with the demo content on a throw-away SQLite database,
 * signs in to the admin in Chromium as the demo operator of Crema, and writes the guide's pictures
 * to docs/guida/, so they show the admin as it is today. Run it after changing the admin.
 */
export async function main(): Promise<void> {
  await ensureCmsBuilt({ admin: true });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sito-guida-'));
  const database = await createTempDatabase('sqlite', dir);
  const unset = Object.fromEntries(Object.keys(cmsEnvSchema.shape).map((name) => [name, undefined]));
  const cms = await startCms({
    port: await freePort(),
    env: {
      ...unset,
      ...generateStrapiSecrets(),
      ...database.env,
      NODE_ENV: 'test',
      SERVE_ADMIN_PANEL: 'true',
      SITO_SEED_DEMO: 'true',
      SITO_TOKEN_FILE: path.join(dir, 'builder-token'),
    },
    logFile: path.join(dir, 'cms.log'),
  });
  const browser = await launchChromium();
  try {
    await askCrema(cms.url);
    const page = await (await browser.newContext({ viewport: { width: 1280, height: 860 } })).newPage();
    fs.mkdirSync(GUIDE_IMAGES, { recursive: true });
    await page.goto(`${cms.url}/admin/auth/login`);
    await page.locator('input[name="email"]').waitFor();
    await page.screenshot({ path: path.join(GUIDE_IMAGES, 'accesso.png') });
    await page.locator('input[name="email"]').fill(OPERATOR);
    await page.locator('input[name="password"]').fill(DEV_ADMIN.password);
    await page.locator('button[type="submit"]').click();
    await page.waitForURL((url) => !url.pathname.includes('/auth/'), { timeout: 60_000 });
    // Strapi's own announcements (a banner above every page) are not part of the guide.
    const dismiss = page.getByRole('button', { name: /^(chiudi|close)/i }).first();
    await dismiss
      .waitFor({ timeout: 10_000 })
      .then(() => dismiss.click())
      .catch(() => console.log('  (no announcement banner to close)'));
    for (const shot of SHOTS) {
      await page.goto(`${cms.url}${shot.path}`);
      await shot.wait(page);
      // Fonts, icons and the figures that load after the page settle.
      await page.waitForLoadState('networkidle');
      await page.screenshot({ path: path.join(GUIDE_IMAGES, `${shot.name}.png`) });
      console.log(`  ✔ docs/guida/${shot.name}.png`);
    }
  } finally {
    await browser.close();
    await cms.stop();
    await database.drop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
