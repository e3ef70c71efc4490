/**
 * Closing a month on the Day page in Chromium against the browser host: the manager picks last
 * month, confirms, sees the closure listed, and a second closure of it is refused in words
 * (English); the section is axe-clean and fits the screen in English, French and Chinese.
 */
import path from 'node:path';
import type { Page } from '@playwright/test';
import { axeViolations } from './axe';
import { expect, test } from './fixtures';
import { signIn } from './session';

function sidewaysScroll(page: Page): Promise<boolean> {
  return page.evaluate(() => {
    const { document } = globalThis as unknown as {
      document: { documentElement: { scrollWidth: number; clientWidth: number } };
    };
    return document.documentElement.scrollWidth > document.documentElement.clientWidth;
  });
}

test('a manager closes last month on the Day page, once', async ({ page, folder, serveShop }) => {
  const host = await serveShop(path.join(folder, 'demo.sqlite'), ['--demo']);
  await page.goto(host.url);
  await page.locator('#language-picker').selectOption('en');
  await signIn(page, 'manager', '9999');
  await page.getByRole('link', { name: 'Day' }).click();
  await page.getByRole('button', { name: 'Closed days' }).click();

  const section = page.locator('section.periods');
  await expect(page.getByRole('region', { name: 'Periods' })).toBeVisible();
  await expect(section.getByText('No period is closed yet.')).toBeVisible();
  const period = await section.getByLabel('Period').inputValue();
  expect(period).toMatch(/^[0-9]{4}-[0-9]{2}$/);
  expect(await axeViolations(page)).toEqual([]);

  await section.getByRole('button', { name: `Close ${period}` }).click();
  const dialog = page.getByRole('dialog', { name: `Close ${period}?` });
  await expect(dialog).toContainText('can never be changed');
  expect(await axeViolations(page)).toEqual([]);
  await dialog.getByRole('button', { name: `Yes, close ${period}` }).click();
  await expect(section.getByText(`${period} is closed: closure no. 1.`)).toBeVisible();
  await expect(section.getByTestId(`closure-${period}`)).toContainText('Month 1');
  // The accountant's journal of the month, one click from its closure.
  await section.getByRole('button', { name: `Journal of ${period} (CSV)` }).click();
  await expect(section.getByRole('link', { name: `Save ${period}-journal.csv` })).toBeVisible();

  await section.getByRole('button', { name: `Close ${period}` }).click();
  await page.getByRole('button', { name: `Yes, close ${period}` }).click();
  await expect(section.getByText(`${period} is closed already.`)).toBeVisible();
  await expect(section.locator('tbody tr')).toHaveCount(1);
  // The section fits 1024×768 without scrolling sideways and stays axe-clean in every language.
  for (const language of ['en', 'fr', 'zh-CN'] as const) {
    await page.locator('#language-picker').selectOption(language);
    await expect(section.locator('tbody tr')).toHaveCount(1);
    expect(await sidewaysScroll(page), language).toBe(false);
    expect(await axeViolations(page), language).toEqual([]);
  }
});
