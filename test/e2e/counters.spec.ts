/**
 * Several counters on one hub, as people see them: the first run that joins a hub instead of
 * holding the modems; each screen axe-clean and fitting 1024×768 in English, French and Chinese.
 */
import path from 'node:path';
import { closedPort } from '../support/printers';
import { expect, test } from './fixtures';
import { checkInEveryLanguage, startIn } from './screens';

test.use({ viewport: { width: 1024, height: 768 } });

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
  const refusal = page.getByRole('alert');
  await expect(refusal).toContainText(`The hub could not be reached at ${gone}.`);
  await expect(page.getByText('Certificate fingerprint')).toHaveCount(0);
  const faults = await checkInEveryLanguage(page, 'first run, joining a hub', async () => {
    await expect(refusal).toContainText(gone);
  });
  expect(faults).toEqual([]);

  // Back to holding the modems: today's setup, as it was.
  await page.locator('#language-picker').selectOption('en');
  await page.getByRole('radio', { name: /This PC holds the modems/ }).check();
  await expect(page.getByRole('heading', { name: 'Create the first manager' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Shop profile' })).toBeVisible();
  expect(problems.filter((problem) => !/status of 5\d\d/.test(problem))).toEqual([]);
});
