import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

async function signInInEnglish(page: Page, name: string, pin: string) {
  // The demo shop speaks French until someone chooses; the choice is kept on this screen.
  await page.locator('#language-picker').selectOption('en');
  await page.locator('#sign-in-name').fill(name);
  await page.locator('#sign-in-pin').fill(pin);
  await page.locator('#sign-in-pin').press('Enter');
  await page.getByRole('navigation').getByRole('link', { name: 'Settings' }).click();
}

test('a manager sets up a network printer and a PDF printer, fixes a mistake, and the list is kept', async ({
  page,
  demoShop,
  problems,
}) => {
  await page.goto(demoShop.url);
  await signInInEnglish(page, 'manager', '9999');
  await expect(page.getByRole('heading', { name: 'Printers' })).toBeVisible();
  await expect(page.getByText('No printer yet.')).toBeVisible();

  await page.getByRole('button', { name: 'Add a printer' }).click();
  const first = page.getByRole('group', { name: 'New printer' });
  await expect(first.getByLabel('Printer name')).toBeFocused();
  await first.getByLabel('Printer name').fill('Counter');
  const counter = page.getByRole('group', { name: 'Counter' });
  await expect(counter.getByLabel('Connection')).toHaveValue('tcp');
  await expect(counter.getByLabel('TCP port')).toHaveValue('9100');
  await counter.getByLabel('Host name or IP').fill('printer at the till');

  await page.getByRole('button', { name: 'Add a printer' }).click();
  const second = page.getByRole('group', { name: 'New printer' });
  await second.getByLabel('Printer name').fill('Receipts as PDF');
  const pdf = page.getByRole('group', { name: 'Receipts as PDF' });
  await pdf.getByLabel('Connection').selectOption('pdf');
  await pdf.getByLabel('Paper width').selectOption('58mm');
  await expect(pdf.getByLabel('PDF folder')).toHaveValue('');
  await pdf.getByLabel('Print here unless another printer is chosen').check();

  await page.getByRole('button', { name: 'Update the printers' }).click();
  await expect(page.getByRole('alert')).toContainText(
    'Some printer fields need attention. Nothing was changed.',
  );
  const hostField = counter.getByLabel('Host name or IP');
  await expect(hostField).toHaveAttribute('aria-invalid', 'true');
  await expect(counter.getByText('A host name or an IP address, e.g. 192.168.1.50.')).toBeVisible();
  await expect(hostField).toBeFocused();

  await hostField.fill('192.168.1.50');
  await page.getByRole('button', { name: 'Update the printers' }).click();
  await expect(page.getByText('Printers updated.')).toBeVisible();

  await page.reload();
  await signInInEnglish(page, 'manager', '9999');
  await expect(counter.getByLabel('Host name or IP')).toHaveValue('192.168.1.50');
  await expect(counter.getByLabel('Print here unless another printer is chosen')).not.toBeChecked();
  await expect(pdf.getByLabel('Connection')).toHaveValue('pdf');
  await expect(pdf.getByLabel('Paper width')).toHaveValue('58mm');
  await expect(pdf.getByLabel('Print here unless another printer is chosen')).toBeChecked();

  await counter.getByRole('button', { name: 'Remove' }).click();
  await page.getByLabel('No default printer').check();
  await page.getByRole('button', { name: 'Update the printers' }).click();
  await expect(page.getByText('Printers updated.')).toBeVisible();
  await expect(counter).toHaveCount(0);
  // The refused save answers 400 on purpose.
  expect(problems.filter((problem) => !problem.includes('status of 400'))).toEqual([]);
});
