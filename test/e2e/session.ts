import type { Page } from '@playwright/test';

/** Signs in on the sign-in screen with the keyboard, as a clerk does. */
export async function signIn(page: Page, name: string, pin: string) {
  await page.locator('#sign-in-name').fill(name);
  await page.locator('#sign-in-pin').fill(pin);
  await page.locator('#sign-in-pin').press('Enter');
}
