import AxeBuilder from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';

/**
 * axe-core on a page against WCAG 2.1 A and AA: each violation as «label: rule (nodes) help at selectors», for a
 * test to collect over several pages and states and expect none.
 */
export async function axeViolations(page: Page, label: string): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  return violations.map(
    (v) =>
      `${label}: ${v.id} (${v.nodes.length}) ${v.help} at ${v.nodes.map((node) => node.target.join(' ')).join(', ')}`,
  );
}

/** Collects the violations of several pages and states, for one `expect(failures).toEqual([])`. */
export function axeCollector() {
  const failures: string[] = [];
  const check = async (page: Page, label: string) => {
    failures.push(...(await axeViolations(page, label)));
  };
  return { failures, check };
}

/**
 * A page that never loads the site's scripts: what a reader without JavaScript gets, with axe
 * still able to run in it (axe runs in the page: JavaScript turned off would stop it too).
 */
export async function withoutSiteScripts<T>(browser: Browser, work: (page: Page) => Promise<T>): Promise<T> {
  const context = await browser.newContext();
  await context.route('**/*.js', (route) => route.abort());
  try {
    return await work(await context.newPage());
  } finally {
    await context.close();
  }
}
