/**
 * Several counters on one hub, as people see it: the first run that joins a hub instead of
 * holding the modems.
 */
import path from 'node:path';
import { closedPort } from '../support/printers';
import { expect, test } from './fixtures';
import { startIn } from './screens';

test('a first run that joins a hub says in words when nothing answers at the address typed', async ({
  page,
  serveShop,
  folder,
  problems,
}) => {
  await startIn(page, 'en');
  const fresh = await serveShop(path.join(folder, 'counter.sqlite'));
  await page.goto(fresh.url);
  await expect(page.getByRole('heading', { name: 'Create the first manager' })).toBeVisible();
  await expect(page.getByRole('radio', { name: /This PC holds the modems/ })).toBeChecked();

  await page.getByRole('radio', { name: /Join a hub/ }).check();
  await expect(page.getByRole('heading', { level: 1, name: 'Join a hub' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Shop profile' })).toHaveCount(0);
  const gone = `https://127.0.0.2:${await closedPort()}`;
  await page.getByLabel('Hub address').fill(gone);
  await page.getByRole('button', { name: 'Reach the hub' }).click();
  await expect(page.getByRole('alert')).toContainText(`The hub could not be reached at ${gone}.`);
  await expect(page.getByText('Certificate fingerprint')).toHaveCount(0);

  // Back to holding the modems: today's setup, as it was.
  await page.getByRole('radio', { name: /This PC holds the modems/ }).check();
  await expect(page.getByRole('heading', { name: 'Create the first manager' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Shop profile' })).toBeVisible();
  expect(problems.filter((problem) => !/status of 5\d\d/.test(problem))).toEqual([]);
});
