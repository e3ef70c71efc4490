/**
 * The Archives section of the Backups page, as a manager uses it: a period misnamed or not closed
 * is refused in words, a closed month is archived and listed with the day it may be deleted, and
 * the keeping term changes that day. Checked with axe and at 1024×768 in the three languages.
 */
import type { Page } from '@playwright/test';
import type { Language } from '../../shared/languages';
import { signedIn } from '../support/api';
import { axeViolations } from './axe';
import { expect, test } from './fixtures';
import { open, startIn } from './screens';
import { signIn } from './session';

test.use({ viewport: { width: 1024, height: 768 } });

/** Whether the page scrolls sideways (the tests are typed without the DOM library). */
const scrollsSideways = (page: Page) =>
  page.evaluate(() => {
    const { document } = globalThis as unknown as {
      document: { documentElement: { scrollWidth: number; clientWidth: number } };
    };
    return document.documentElement.scrollWidth > document.documentElement.clientWidth;
  });

test('a manager archives a closed month and sets how long archives are kept', async ({
  page,
  demoShop,
  problems,
}) => {
  // Three axe runs on a page with a table: longer than a usual screen on a busy machine.
  test.slow();
  await startIn(page, 'en');
  await page.goto(demoShop.url);
  await signIn(page, 'manager', '9999');
  await open(page, 'backups');
  await expect(page.getByRole('region', { name: 'Archives of closed periods' })).toBeVisible();
  // By its class from here: its name changes with the language below.
  const section = page.locator('section.archives');
  await expect(section.getByText(/No archive yet in/)).toBeVisible();

  const period = section.getByRole('textbox', { name: 'Period' });
  const create = section.getByRole('button', { name: 'Create the archive' });
  await period.fill('11/2026');
  await create.click();
  await expect(section.getByRole('alert')).toHaveText(
    'Write a month as YYYY-MM (2026-11) or a year as YYYY (2026).',
  );
  await period.fill('2026-11');
  await create.click();
  await expect(section.getByRole('alert')).toHaveText(
    '2026-11 is not closed yet: close it on the Day page before archiving it.',
  );

  // November 2026 has ended (the shop's clock is the real one): a manager closes it.
  const api = await signedIn(demoShop.url, 'manager', '9999');
  await api.call('periods.close', { kind: 'month', period: '2026-11' });
  await create.click();
  await expect(section.getByText('Archive comptoir-1-2026-11.zip written.')).toBeVisible();
  const row = section.getByRole('row', { name: /2026-11/ });
  await expect(row).toContainText('comptoir-1-2026-11.zip');
  await expect(row).toContainText('Dec 1, 2032');
  expect(await axeViolations(page)).toEqual([]);

  const years = section.getByLabel('Years archives are kept after their period');
  await expect(years).toHaveValue('6');
  await years.fill('10');
  await section.getByRole('button', { name: 'Save' }).click();
  await expect(section.getByText('Archives are kept 10 years after their period.')).toBeVisible();
  await expect(row).toContainText('Dec 1, 2036');
  expect(await scrollsSideways(page)).toBe(false);

  for (const language of ['fr', 'zh-CN'] as const satisfies readonly Language[]) {
    await page.locator('#language-picker').selectOption(language);
    await expect(section.getByRole('columnheader').first()).not.toHaveText('Period');
    expect(await axeViolations(page), language).toEqual([]);
    expect(await scrollsSideways(page), language).toBe(false);
  }
  // The refusal of 2026-11 before its closure is the one error the page logged, on purpose.
  expect(problems.filter((problem) => !problem.includes('409'))).toEqual([]);
});
