/**
 * Nothing irreversible by accident: removing a modem asks first, naming the modem, its carrier
 * and its port; removing a user asks first, naming them and their role; Cancel (or Escape)
 * keeps either.
 */
import path from 'node:path';
import { expect, test } from './fixtures';
import { open, startIn } from './screens';
import { signIn } from './session';

test('removing a modem asks first, naming it; cancelling keeps it', async ({
  page,
  serveShop,
  folder,
  problems,
}) => {
  const host = await serveShop(path.join(folder, 'shop.sqlite'));
  const setup = await page.request.post(`${host.url}api/auth.setup`, {
    data: { name: 'owner', pin: '2468' },
  });
  const { token } = (await setup.json()) as { token: string };
  const saved = await page.request.post(`${host.url}api/modems.save`, {
    data: { id: 'back-shelf', carrierId: 'nc-demo', path: '/dev/ttyCOMPTOIR0', dealerPin: '1234' },
    headers: { authorization: `Bearer ${token}` },
  });
  expect(saved.ok(), await saved.text()).toBe(true);

  await startIn(page, 'en');
  await page.goto(host.url);
  await signIn(page, 'owner', '2468');
  await open(page, 'settings');
  const row = page.getByRole('row', { name: /back-shelf/ });
  await row.getByRole('button', { name: 'Remove modem back-shelf' }).click();
  const dialog = page.getByRole('dialog', { name: 'Remove modem back-shelf' });
  await expect(dialog).toHaveAccessibleDescription(
    'Remove modem back-shelf (NC Mobile (démo), on /dev/ttyCOMPTOIR0)? It stops selling after its current top-up and its dealer PIN is forgotten.',
  );
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await row.getByRole('button', { name: 'Remove modem back-shelf' }).click();
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(row).toBeVisible();

  await row.getByRole('button', { name: 'Remove modem back-shelf' }).click();
  await dialog.getByRole('button', { name: 'Remove modem back-shelf' }).click();
  await expect(page.getByText('Modem back-shelf removed.')).toBeVisible();
  await expect(row).toHaveCount(0);
  expect(problems).toEqual([]);
});

test('removing a user asks first, naming them; once removed they cannot sign in', async ({
  page,
  demoShop,
  problems,
}) => {
  await startIn(page, 'en');
  await page.goto(demoShop.url);
  await signIn(page, 'manager', '9999');
  await open(page, 'settings');
  const users = page.getByRole('region', { name: 'Users' });
  await expect(users.getByRole('row', { name: /manager/ })).toContainText('You (signed in)');
  const clerk = users.getByRole('row', { name: /clerk/ });
  await clerk.getByRole('button', { name: 'Remove clerk' }).click();
  const dialog = page.getByRole('dialog', { name: 'Remove clerk' });
  await expect(dialog).toHaveAccessibleDescription(
    'Remove clerk (Clerk)? They can no longer sign in and are signed out at once; the sales they made keep their name.',
  );
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(clerk).toBeVisible();

  await clerk.getByRole('button', { name: 'Remove clerk' }).click();
  await dialog.getByRole('button', { name: 'Remove clerk' }).click();
  await expect(users.getByText('clerk removed: they can no longer sign in.')).toBeVisible();
  await expect(clerk).toHaveCount(0);

  await page.getByRole('button', { name: 'Sign out' }).click();
  await signIn(page, 'clerk', '1111');
  await expect(page.getByRole('alert')).toBeVisible();
  // The refused sign-in is the one error the page logs.
  expect(problems.filter((problem) => !problem.includes('401'))).toEqual([]);
});
