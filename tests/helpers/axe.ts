import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';

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
