/**
 * The app's screens as the e2e checks walk them (axe-core in accessibility.spec.ts, the layout
 * at 1024×768 in layout.spec.ts): one list, so a new screen is checked by both.
 */
import type { Page } from '@playwright/test';
import type { Language } from '../../shared/languages';
import { axeViolations } from './axe';
import { expect } from './fixtures';

/** The screens behind the navigation's links, in its order (a manager sees them all). */
export const navigationScreens = [
  'counter',
  'sales',
  'card',
  'day',
  'modems',
  'settings',
  'backups',
  'audit',
] as const;

export type ScreenId = (typeof navigationScreens)[number];

/** Opens a screen with its link in the navigation. */
export async function open(page: Page, id: ScreenId) {
  const link = page.locator(`.app__nav-link[href="#${id}"]`);
  await link.click();
  await expect(link).toHaveAttribute('aria-current', 'page');
}

/** Opens each screen of the navigation in turn, waits for its title, and has it checked. */
export async function visitEveryScreen(page: Page, check: (id: ScreenId) => Promise<void>) {
  for (const id of navigationScreens) {
    await open(page, id);
    await expect(page.getByRole('main').getByRole('heading', { level: 1 }).first()).toBeVisible();
    await check(id);
  }
}

/** Has the page start in this language, as if the clerk had chosen it on this screen before. */
export function startIn(page: Page, language: Language) {
  return page.addInitScript({
    content: `window.localStorage.setItem('comptoir.language', ${JSON.stringify(language)})`,
  });
}

/** Calls the API as the demo manager, for what the screens need set up first. */
export async function asManager(page: Page, url: string) {
  const login = await page.request.post(`${url}api/auth.login`, {
    data: { name: 'manager', pin: '9999' },
  });
  const { token } = await login.json();
  return async (procedure: string, input: unknown) => {
    const response = await page.request.post(`${url}api/${procedure}`, {
      data: input,
      headers: { authorization: `Bearer ${token}` },
    });
    expect(response.ok(), `${procedure}: ${await response.text()}`).toBe(true);
    return response.json();
  };
}

/** Whether the page scrolls sideways: every screen fits 1024×768. */
export function scrollsSideways(page: Page): Promise<boolean> {
  return page.evaluate(() => {
    const { document } = globalThis as unknown as {
      document: { documentElement: { scrollWidth: number; clientWidth: number } };
    };
    return document.documentElement.scrollWidth > document.documentElement.clientWidth;
  });
}

/**
 * A screen outside the navigation (the tablet's pairing screen, the first run's join, Settings →
 * Counters with a code shown), checked as the others are: axe-clean, and fitting the window
 * without scrolling sideways, in each language, switched with the language picker. `ready` waits
 * for what the screen shows in that language. Answers what was found wrong, one line each.
 */
export async function checkInEveryLanguage(
  page: Page,
  screen: string,
  ready: (language: Language) => Promise<void>,
): Promise<string[]> {
  const faults: string[] = [];
  for (const language of ['en', 'fr', 'zh-CN'] as const satisfies readonly Language[]) {
    await page.locator('#language-picker').selectOption(language);
    await expect(page.locator('html')).toHaveAttribute('lang', language);
    await ready(language);
    if (await scrollsSideways(page)) faults.push(`${screen} (${language}) scrolls sideways`);
    for (const found of await axeViolations(page)) faults.push(`${screen} (${language}): ${found}`);
  }
  return faults;
}
