/**
 * What a clerk may do is the shop's to set (issue 14): the manager changes the matrix in the
 * Settings, and the clerk's Day page asks for a manager's name and PIN to close the day exactly
 * when the matrix says so, offers the close alone when it is allowed, and not at all when it is
 * left to a manager.
 */
import type { Page } from '@playwright/test';
import { axeViolations } from './axe';
import { expect, test } from './fixtures';
import { asManager, open } from './screens';
import { signIn } from './session';

async function setCloseDay(
  page: Page,
  decision: 'Allowed' | "With a manager's approval" | 'Manager only',
) {
  await signIn(page, 'manager', '9999');
  await open(page, 'settings');
  const matrix = page.getByRole('region', { name: 'What a clerk may do' });
  await matrix
    .getByRole('group', { name: 'Close the day (Z report)' })
    .getByLabel(decision)
    .check();
  await matrix.getByRole('button', { name: 'Save permissions' }).click();
  await expect(matrix.getByText('Saved: in force at once on every screen.')).toBeVisible();
  await page.getByRole('button', { name: 'Sign out' }).click();
}

async function clerkDay(page: Page) {
  await signIn(page, 'clerk', '1111');
  await open(page, 'day');
  await expect(page.getByRole('heading', { name: 'X report' })).toBeVisible();
}

test('the manager sets what a clerk may do, and the clerk’s close of the day follows it', async ({
  page,
  demoShop,
  problems,
}) => {
  test.slow(); // Seven sign-ins in turn, the Day page read again after each.
  await page.setViewportSize({ width: 1024, height: 768 });
  await (await asManager(page, demoShop.url))('shifts.open', {
    float: { amount: 5000, currency: 'XPF' },
  });
  await page.goto(demoShop.url);
  await page.locator('#language-picker').selectOption('en');
  const close = page.getByRole('form', { name: 'Close the day' });
  const approval = page.getByRole('group', { name: 'Manager approval' });

  await test.step('by default, as before: the clerk closes with a manager’s name and PIN', async () => {
    await clerkDay(page);
    await expect(close).toBeVisible();
    await expect(approval).toBeVisible();
    await page.getByRole('button', { name: 'Sign out' }).click();
  });

  await test.step('allowed: the clerk closes alone', async () => {
    await setCloseDay(page, 'Allowed');
    await clerkDay(page);
    await expect(close).toBeVisible();
    await expect(approval).toHaveCount(0);
    await page.getByRole('button', { name: 'Sign out' }).click();
  });

  await test.step('a manager only: the clerk’s screen does not offer it', async () => {
    await setCloseDay(page, 'Manager only');
    await clerkDay(page);
    await expect(close).toHaveCount(0);
    await expect(
      page.getByText('Only a signed-in manager can do this here.').first(),
    ).toBeVisible();
    await page.getByRole('button', { name: 'Sign out' }).click();
  });

  await test.step('the manager’s own screen always offers it, without approval', async () => {
    await signIn(page, 'manager', '9999');
    await open(page, 'day');
    await expect(close).toBeVisible();
    await expect(approval).toHaveCount(0);
    await open(page, 'settings');
    await expect(page.getByRole('region', { name: 'What a clerk may do' })).toBeVisible();
    expect(await axeViolations(page)).toEqual([]);
  });
  expect(problems).toEqual([]);
});

test('the manager adds a clerk, who signs in, then makes her a manager', async ({
  page,
  demoShop,
  problems,
}) => {
  await page.goto(demoShop.url);
  await page.locator('#language-picker').selectOption('en');
  await signIn(page, 'manager', '9999');
  await open(page, 'settings');
  const users = page.getByRole('region', { name: 'Users' });
  await users.getByLabel('Name', { exact: true }).fill('Léa');
  await users.getByLabel('PIN (4 to 8 digits)').fill('2468');
  await users.getByRole('button', { name: 'Add a user' }).click();
  await expect(users.getByText('Léa added: they can sign in now.')).toBeVisible();
  await expect(users.getByRole('combobox', { name: 'Role of Léa' })).toHaveValue('clerk');

  await users.getByRole('combobox', { name: 'Role of Léa' }).selectOption('manager');
  await expect(
    users.getByText('Léa is now a Manager: signed out, they sign in again as one.'),
  ).toBeVisible();
  await page.getByRole('button', { name: 'Sign out' }).click();
  await signIn(page, 'Léa', '2468');
  await expect(page.locator('.app__nav-link[href="#settings"]')).toBeVisible();
  expect(problems).toEqual([]);
});
