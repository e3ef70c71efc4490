/**
 * A day is typed as the shop's language writes it, whatever the browser's own locale: day, month
 * by name and year in the language's order, with no `<input type=date>` (which would follow the
 * browser). The books check of the day screen and the card page's departure date use it.
 */
import { expect, test } from './fixtures';
import { open, startIn } from './screens';
import { signIn } from './session';

test.use({ locale: 'en-US' });

test('the books check takes its day in French order, then in Chinese, and refuses a day that does not exist', async ({
  page,
  demoShop,
  problems,
}) => {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Pacific/Noumea' }).format(new Date());
  const [year = '', month = '', day = ''] = today.split('-');
  await startIn(page, 'fr');
  await page.goto(demoShop.url);
  await signIn(page, 'manager', '9999');
  await open(page, 'day');
  await page.getByRole('button', { name: 'Contrôle des comptes' }).click();
  const field = page.getByRole('group', { name: 'Journée (vide : toutes)' });
  await expect(field.locator('label')).toHaveText(['Jour', 'Mois', 'Année']);
  await expect(page.locator('input[type=date]')).toHaveCount(0);

  await field.getByLabel('Jour').fill('31');
  await field.getByLabel('Mois').selectOption({ label: 'février' });
  await field.getByLabel('Année').fill(year);
  await expect(field).toHaveAccessibleDescription('Ce jour n’existe pas.');

  await field.getByLabel('Jour').fill(String(Number(day)));
  await field.getByLabel('Mois').selectOption(String(Number(month)));
  await expect(field.locator('.field__error')).toHaveCount(0);
  await page.getByRole('button', { name: 'Contrôler les comptes' }).click();
  await expect(page.getByTestId('books-check-result')).toContainText(`La journée du ${today}`);

  await page.getByLabel('Langue').selectOption('zh-CN');
  const zh = page.getByRole('group', { name: '日期（留空：全部）' });
  await expect(zh.locator('label')).toHaveText(['年', '月', '日']);
  await expect(zh.getByLabel('月')).toHaveValue(String(Number(month)));
  await expect(zh.getByLabel('月').locator('option').nth(2)).toHaveText('二月');
  expect(problems).toEqual([]);
});
