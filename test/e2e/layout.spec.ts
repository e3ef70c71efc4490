/**
 * The counter fits the counter: at 1024×768, in English, French and Chinese, no screen scrolls
 * sideways, and on the screens a clerk works with a finger (counter, sales, day) every control is
 * at least 44×44 px (WCAG 2.5.5). The screens are the ones axe-core checks (screens.ts).
 */
import type { Page } from '@playwright/test';
import type { Language } from '../../shared/languages';
import { expect, test } from './fixtures';
import { asManager, open, type ScreenId, startIn, visitEveryScreen } from './screens';
import { signIn } from './session';

test.use({ viewport: { width: 1024, height: 768 } });

/** The smallest side a finger hits reliably: WCAG 2.5.5's target size. */
const touchTarget = 44;

/** The screens a clerk uses by touch during the day. */
const touchScreens: readonly ScreenId[] = ['counter', 'sales', 'day'];

/** The little of the page's DOM the measures read: the tests are typed without the DOM library. */
interface Measured {
  tagName: string;
  className: string;
  id: string;
  textContent: string | null;
  type?: string;
  labels?: ArrayLike<Measured> | null;
  getBoundingClientRect(): { width: number; height: number; right: number };
  checkVisibility(): boolean;
  closest(selector: string): Measured | null;
}
interface MeasuredPage {
  documentElement: { scrollWidth: number; clientWidth: number };
  querySelectorAll(selector: string): Iterable<Measured>;
}

/** Why the page scrolls sideways: the widest elements past the window's right edge, or nothing. */
function sidewaysScroll(page: Page): Promise<string | null> {
  return page.evaluate(() => {
    const { document } = globalThis as unknown as { document: MeasuredPage };
    const root = document.documentElement;
    if (root.scrollWidth <= root.clientWidth) return null;
    const past = [...document.querySelectorAll('body *')]
      .map((element) => ({ element, right: element.getBoundingClientRect().right }))
      .filter(({ right }) => right > root.clientWidth + 0.5)
      .sort((a, b) => b.right - a.right)
      .slice(0, 5)
      .map(
        ({ element, right }) =>
          `${element.tagName.toLowerCase()}.${element.className} → ${Math.round(right)} px`,
      );
    return `scrollWidth ${root.scrollWidth} > clientWidth ${root.clientWidth}: ${past.join(', ')}`;
  });
}

/**
 * The controls of the header and the screen smaller than a finger, as "what: w×h". A radio or
 * a check box is hit through its label, so the label is what is measured; a link inside running
 * text is exempt (WCAG 2.5.5's inline exception).
 */
function smallTargets(page: Page, smallest: number): Promise<string[]> {
  return page.evaluate((side) => {
    const { document } = globalThis as unknown as { document: MeasuredPage };
    const controls = document.querySelectorAll(
      '.app__header :is(a[href], button, input, select), .app__main :is(a[href], button, input, select, textarea, summary)',
    );
    const small: string[] = [];
    for (const control of controls) {
      if (control.closest('[hidden], p') && control.tagName === 'A') continue;
      if (!control.checkVisibility()) continue;
      const input = control.tagName === 'INPUT' ? control : null;
      const label =
        input && (input.type === 'radio' || input.type === 'checkbox')
          ? (input.labels?.[0] ?? null)
          : null;
      const box = (label ?? control).getBoundingClientRect();
      if (box.width >= side && box.height >= side) continue;
      const name = (label ?? control).textContent?.trim().slice(0, 40) || control.id || '';
      const what = `${control.tagName.toLowerCase()}${input ? `[${input.type}]` : ''} "${name}"`;
      small.push(`${what}: ${Math.round(box.width)}×${Math.round(box.height)}`);
    }
    return small;
  }, smallest);
}

/** Everything wrong found on the screens, said at the end: one run shows every fault. */
function inspector(page: Page) {
  const faults: string[] = [];
  return {
    async fits(screen: string) {
      const why = await sidewaysScroll(page);
      if (why) faults.push(`${screen} scrolls sideways: ${why}`);
    },
    async touchable(screen: string) {
      for (const target of await smallTargets(page, touchTarget)) {
        faults.push(`${screen}: ${target} is smaller than ${touchTarget}×${touchTarget} px`);
      }
    },
    report() {
      expect(faults.join('\n'), 'screens that do not fit the counter').toBe('');
    },
  };
}

for (const language of ['en', 'fr', 'zh-CN'] as const satisfies readonly Language[]) {
  test(`every screen fits 1024×768 and is touchable (${language})`, async ({ page, demoShop }) => {
    // A sale of the day, so the Sales list has a row with its buttons to measure.
    const api = await asManager(page, demoShop.url);
    await api('sales.renew', {
      msisdn: '687654321',
      planId: '5go',
      payment: { method: 'card' },
      idempotencyKey: `layout-${language}`,
    });
    await startIn(page, language);
    const check = inspector(page);
    await page.goto(demoShop.url);
    await expect(page.locator('html')).toHaveAttribute('lang', language);
    await expect(page.locator('#sign-in-name')).toBeVisible();
    await check.fits('sign-in');
    await signIn(page, 'manager', '9999');
    await expect(page.locator('.counter')).toBeVisible();
    await visitEveryScreen(page, async (id) => {
      if (id === 'sales') await expect(page.locator('.sales__row')).toHaveCount(1);
      await check.fits(id);
      if (touchScreens.includes(id)) await check.touchable(id);
    });
    // The day's other views.
    await open(page, 'day');
    for (const view of await page.locator('.day__views button').all()) {
      await view.click();
      const name = (await view.textContent()) ?? '';
      await check.fits(`day, ${name}`);
      await check.touchable(`day, ${name}`);
    }
    check.report();
  });
}
