/**
 * A dealer SIM's float watch set from the Modems page, in the demo: a manager's low-float
 * threshold above the float a sale left is an alert on every screen, and goes with the
 * threshold; the phone a low float is texted to is kept; a clerk has neither form.
 */
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { signIn } from './session';

/** Has the page start in English, as if the clerk had chosen it on this screen before. */
function startInEnglish(page: Page) {
  return page.addInitScript({
    content: `window.localStorage.setItem('comptoir.language', 'en')`,
  });
}

async function openModems(page: Page) {
  const link = page.locator('.app__nav-link[href="#modems"]');
  await link.click();
  await expect(link).toHaveAttribute('aria-current', 'page');
}

/** A top-up sold over the API as the manager, as another counter of the shop would. */
async function sell(page: Page, url: string, msisdn: string) {
  const login = await page.request.post(`${url}api/auth.login`, {
    data: { name: 'manager', pin: '9999' },
  });
  const { token } = await login.json();
  const sold = await page.request.post(`${url}api/sales.renew`, {
    data: {
      msisdn,
      planId: '1go',
      payment: { method: 'card', reference: 'TPE' },
      idempotencyKey: `float-watch-${Date.now()}-${msisdn}`,
    },
    headers: { authorization: `Bearer ${token}` },
  });
  expect(sold.ok(), await sold.text()).toBe(true);
  return (await sold.json()).sale as { status: string; modemId: string };
}

test("a manager's low-float threshold above the float is an alert on every screen until cleared", async ({
  page,
  demoShop,
  problems,
}) => {
  await startInEnglish(page);
  await page.goto(demoShop.url);
  await signIn(page, 'manager', '9999');
  const sale = await sell(page, demoShop.url, '687123456');
  expect(sale.status).toBe('succeeded');
  const id = sale.modemId;
  await openModems(page);
  // The float the sale's reply told of (the demo SIM starts with 250 000 F).
  await expect(page.getByTestId(`modem-${id}`).getByTestId('float')).toContainText(/\d/);

  // Something typed in the phone field is not sent by Enter in another form.
  const phone = page.getByRole('textbox', { name: 'Text the manager at' });
  await phone.fill('not a phone');

  await page.getByRole('button', { name: `Details of modem ${id}` }).click();
  const details = page.getByRole('region', { name: `Modem ${id}` });
  const threshold = details.getByRole('textbox', { name: /^Low float alert below/ });
  const cap = details.getByRole('textbox', { name: /^Daily cap/ });
  await expect(threshold).toHaveValue('');
  await expect(cap).toHaveValue('');
  await threshold.fill('1 000 000');
  await threshold.press('Enter');
  await expect(
    details.getByText(new RegExp(`^Modem ${id}: alert below 1.000.000.*; no daily cap\\.$`)),
  ).toBeVisible();
  await expect(threshold).toHaveValue('1000000');
  await expect(page.getByText(/^Type a phone number/)).toHaveCount(0);

  const alerts = page.getByTestId('modem-alerts');
  await page.locator('.app__nav-link[href="#counter"]').click();
  await expect(alerts).toContainText(`The dealer float of modem ${id} is low`);

  // Cleared: an empty field is no threshold, and the alert goes.
  await alerts.getByRole('link', { name: 'See the modems' }).click();
  await page.getByRole('button', { name: `Details of modem ${id}` }).click();
  await expect(threshold).toHaveValue('1000000');
  await threshold.fill('');
  await threshold.press('Enter');
  await expect(details.getByText(`Modem ${id}: no low-float alert; no daily cap.`)).toBeVisible();
  await expect(alerts).toHaveCount(0);
  const counter = page.locator('.app__nav-link[href="#counter"]');
  await counter.click();
  await expect(counter).toHaveAttribute('aria-current', 'page');
  await expect(alerts).toHaveCount(0);

  // A daily cap of nothing is refused before it is sent; a cap is saved with the threshold empty.
  await openModems(page);
  await page.getByRole('button', { name: `Details of modem ${id}` }).click();
  await cap.fill('0');
  await cap.press('Enter');
  await expect(details.getByText('The amount must be more than zero.')).toBeVisible();
  await cap.fill('50000');
  await details.getByRole('button', { name: 'Save the float watch' }).click();
  await expect(
    details.getByText(new RegExp(`^Modem ${id}: no low-float alert; at most 50.000.* a day\\.$`)),
  ).toBeVisible();
  expect(problems).toEqual([]);
});

/** To the counter and back: the Modems page reads what is stored afresh. */
async function leaveAndComeBack(page: Page) {
  const counter = page.locator('.app__nav-link[href="#counter"]');
  await counter.click();
  await expect(counter).toHaveAttribute('aria-current', 'page');
  await openModems(page);
}

test("a manager's phone for low float texts is kept, refused when not international, cleared when empty", async ({
  page,
  demoShop,
  problems,
}) => {
  await startInEnglish(page);
  await page.goto(demoShop.url);
  await signIn(page, 'manager', '9999');
  await openModems(page);
  const phone = page.getByRole('textbox', { name: 'Text the manager at' });
  await expect(phone).toHaveValue('');
  await phone.fill('27 12 34');
  await phone.press('Enter');
  await expect(page.getByText(/^Type a phone number in international form/)).toBeVisible();
  await phone.fill('+687 27 12 34');
  await phone.press('Enter');
  await expect(page.getByText('A low dealer float will be texted to +687271234.')).toBeVisible();

  await leaveAndComeBack(page);
  await expect(phone).toHaveValue('+687271234');
  await phone.fill('');
  await page.getByRole('button', { name: 'Save the phone' }).click();
  await expect(page.getByText('Low dealer floats are shown on screens only.')).toBeVisible();
  await leaveAndComeBack(page);
  await expect(phone).toHaveValue('');
  expect(problems).toEqual([]);
});

test('a clerk sees the floats but has no form to watch them', async ({ page, demoShop }) => {
  await startInEnglish(page);
  await page.goto(demoShop.url);
  await signIn(page, 'clerk', '1111');
  await openModems(page);
  await expect(page.getByTestId('modem-nc-demo-sim-1')).toBeVisible();
  await page.getByRole('button', { name: 'Details of modem nc-demo-sim-1' }).click();
  const details = page.getByRole('region', { name: 'Modem nc-demo-sim-1' });
  await expect(details).toBeVisible();
  await expect(page.getByRole('textbox')).toHaveCount(0);
  await expect(page.getByRole('heading', { name: 'Dealer float watch' })).toHaveCount(0);
  await expect(page.getByRole('heading', { name: 'Low float alerts by SMS' })).toHaveCount(0);
});
