/**
 * Closing the day cannot happen by accident (issue 13): Enter in the count goes to the next
 * line and never submits, and the close asks first, showing the totals, the difference and its
 * reason, with nothing written until the manager chooses to close.
 */
import AxeBuilder from '@axe-core/playwright';
import type { APIRequestContext } from '@playwright/test';
import { expect, test } from './fixtures';
import { signIn } from './session';

/** Calls the API as the demo's manager. */
async function asManager(request: APIRequestContext, url: string) {
  const login = await request.post(`${url}api/auth.login`, {
    data: { name: 'manager', pin: '9999' },
  });
  const { token } = await login.json();
  return async (procedure: string, input: unknown) => {
    const response = await request.post(`${url}api/${procedure}`, {
      data: input,
      headers: { authorization: `Bearer ${token}` },
    });
    expect(response.ok(), `${procedure}: ${await response.text()}`).toBe(true);
    return response.json();
  };
}

/** Amounts as the page writes them: digits grouped by a (narrow) no-break space or a comma. */
const amount = (text: string) =>
  new RegExp(`^${text.replace(/[ ,]/g, '[\\s,]').replace(/^-/, '[-−]')}\\s*XPF$`);

test('a stray Enter in the count never closes the day; the close asks first, with its figures', async ({
  page,
  request,
  demoShop,
  problems,
}) => {
  await page.setViewportSize({ width: 1024, height: 768 });
  const api = await asManager(request, demoShop.url);
  await api('shifts.open', { float: { amount: 5000, currency: 'XPF' } });

  await page.goto(demoShop.url);
  await page.locator('#language-picker').selectOption('en');
  await signIn(page, 'manager', '9999');
  await page.getByRole('link', { name: 'Day' }).click();
  const close = page.getByRole('form', { name: 'Close the day' });

  // Enter after each count moves down the sheet, coins then notes, and never submits.
  const lines = [1, 2, 5, 10, 20, 50, 100, 500, 1000, 5000, 10000];
  await page.locator('#count-1').focus();
  for (const [index, denomination] of lines.entries()) {
    await expect(page.locator(`#count-${denomination}`)).toBeFocused();
    if (denomination === 1000) await page.keyboard.type('4');
    await page.keyboard.press('Enter');
    if (index < lines.length - 1) {
      await expect(page.locator(`#count-${lines[index + 1]}`)).toBeFocused();
    }
  }
  // Past the last note: the reason, not the close.
  await expect(close.getByLabel('Reason for the difference')).toBeFocused();
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await expect(close.getByTestId('count-difference')).toHaveText(amount('-1 000'));

  // Enter in the reason only asks; the question shows what the Z report will say.
  await page.keyboard.type('Change given twice');
  await page.keyboard.press('Enter');
  const question = page.getByRole('dialog', { name: 'Close the day?' });
  await expect(question).toBeVisible();
  await expect(question.getByTestId('close-confirm-sales')).toContainText('0');
  await expect(question.getByTestId('close-confirm-expected').locator('dd')).toHaveText(
    amount('5,000'),
  );
  await expect(question.getByTestId('close-confirm-counted').locator('dd')).toHaveText(
    amount('4,000'),
  );
  await expect(question.getByTestId('close-confirm-difference').locator('dd')).toHaveText(
    amount('-1,000'),
  );
  await expect(question.getByTestId('close-confirm-reason').locator('dd')).toHaveText(
    'Change given twice',
  );
  // The question is as readable as the rest of the day: axe-clean, and fits 1024 px.
  const { violations } = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa'])
    .exclude('iframe.receipt-view')
    .analyze();
  expect(violations.map((violation) => violation.id)).toEqual([]);
  // The header is the layout's to fit (issue 13, item 10); the question fits on its own.
  const box = await question.boundingBox();
  const width = page.viewportSize()?.width ?? 0;
  expect(box && box.x >= 0 && box.x + box.width <= width).toBe(true);

  // A stray Enter in the question goes back to the count: nothing was written.
  await expect(question.getByRole('button', { name: 'Back to the count' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('dialog')).toHaveCount(0);
  expect((await api('day.list', {})).reports).toEqual([]);
  await expect(close.getByLabel('Reason for the difference')).toHaveValue('Change given twice');

  // Escape goes back too; only the close button closes.
  await close.getByRole('button', { name: 'Check the close…' }).click();
  await expect(question).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toHaveCount(0);
  expect((await api('day.list', {})).reports).toEqual([]);

  await close.getByRole('button', { name: 'Check the close…' }).click();
  await question.getByRole('button', { name: 'Close the day and issue the Z report' }).click();
  const z = page.getByRole('article', { name: 'Z report No. 1' });
  await expect(z.getByRole('region', { name: 'The drawer' })).toContainText('Change given twice');
  expect((await api('day.list', {})).reports).toHaveLength(1);
  expect(problems).toEqual([]);
});
