import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';

/**
 * What axe-core finds wrong on the page as it is now, against WCAG 2.0 and 2.1 A and AA, one
 * line per problem with the first element it names. The receipt's own frame is the printed
 * receipt, checked as a document of its own, not as part of the screen.
 */
export async function axeViolations(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .exclude('iframe.receipt-view')
    .analyze();
  return violations.map((violation) => `${violation.id}: ${violation.nodes[0]?.html ?? ''}`);
}
