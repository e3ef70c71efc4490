/**
 * Every screen of the app checked with axe-core in Chromium against the browser host, for the
 * rules of WCAG 2.1 A and AA: sign-in, first-run setup, the counter at each step of a sale, sales,
 * cards, each tab of the day, modems (a modem's details, a manager's action asked), settings,
 * backups and the damaged-database banner, as a
 * manager and, where the screens differ, as a clerk; in English, French and Chinese.
 */
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import type { Result } from 'axe-core';
import type { Language } from '../../shared/languages';
import { damageAfterBackup } from './damaged-shop';
import { expect, test } from './fixtures';
import { asManager, open, startIn, visitEveryScreen } from './screens';
import { signIn } from './session';

const wcag21 = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/** One problem axe found on one element, and the screens it was found on. */
interface Problem {
  rule: string;
  element: string;
  why: string;
  screens: string[];
}

/** What axe found wrong on the page as it is now. */
async function violations(page: Page): Promise<Result[]> {
  // A receipt's frame runs no script, axe's neither (it would wait for it until the test's
  // timeout): the receipt is checked on a page of its own instead (receiptViolations).
  const { violations: found } = await new AxeBuilder({ page })
    .withTags(wcag21)
    .exclude('iframe.receipt-view')
    .analyze();
  return found;
}

/** The receipt on screen, as its frame shows it (markup and stylesheet), checked by axe. */
async function receiptViolations(page: Page): Promise<Result[]> {
  type Frame = {
    srcdoc: string;
    contentDocument: { adoptedStyleSheets: { cssRules: { cssText: string }[] }[] } | null;
  };
  const receipt = await page.locator('iframe.receipt-view:visible').evaluate((element) => {
    const frame = element as unknown as Frame;
    const sheets = frame.contentDocument?.adoptedStyleSheets ?? [];
    const css = sheets.flatMap((sheet) => [...sheet.cssRules].map((rule) => rule.cssText));
    return { markup: frame.srcdoc, css: css.join('\n') };
  });
  expect(receipt.css).not.toBe('');
  const alone = await page.context().newPage();
  await alone.setContent(receipt.markup.replace('</head>', `<style>${receipt.css}</style></head>`));
  const { violations: found } = await new AxeBuilder({ page: alone }).withTags(wcag21).analyze();
  await alone.close();
  return found;
}

/**
 * Checks screens one after another, and fails once at the end with everything found: each
 * problem once, with the screens that have it, so a fault of the frame reads as one.
 */
function auditor(page: Page) {
  const problems = new Map<string, Problem>();
  function note(found: Result[], screen: string) {
    for (const violation of found) {
      for (const node of violation.nodes) {
        const element = node.target.join(' ');
        const key = `${violation.id} ${element}`;
        const known = problems.get(key);
        if (known) {
          known.screens.push(screen);
        } else {
          problems.set(key, {
            rule: `${violation.id} (${violation.impact}): ${violation.help}`,
            element,
            why: node.failureSummary ?? '',
            screens: [screen],
          });
        }
      }
    }
  }
  return {
    async check(screen: string) {
      note(await violations(page), screen);
    },
    async checkReceipt(screen: string) {
      note(await receiptViolations(page), `${screen}, its receipt`);
    },
    report() {
      const lines = [...problems.values()].map(
        (problem) =>
          `${problem.rule}\n  on ${problem.element}\n  screens: ${problem.screens.join('; ')}\n  ${problem.why.replace(/\n/g, '\n  ')}`,
      );
      expect(lines.join('\n\n'), 'axe found these problems').toBe('');
    },
  };
}

test('every screen a manager and a clerk use, in English, at each step', async ({
  page,
  demoShop,
}) => {
  test.slow(); // Some twenty screens, each read by axe.
  const api = await asManager(page, demoShop.url);
  // The carrier's silence ends the unknown top-up in a second rather than thirty.
  const { profile } = await api('carriers.get', { id: 'nc-demo' });
  await api('carriers.save', {
    profile: { ...profile, topUp: { ...profile.topUp, timeoutMs: 1000 } },
  });
  await startIn(page, 'en');
  const axe = auditor(page);

  await page.goto(demoShop.url);
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  await axe.check('sign-in');
  await page.getByTestId('demo-banner').getByText('Demo cards to try').click();
  await expect(page.getByTestId('demo-banner').getByRole('listitem').first()).toBeVisible();
  await axe.check('sign-in, the demo cards shown');
  await signIn(page, 'manager', '0000');
  await expect(page.getByRole('alert')).toBeVisible();
  await axe.check('sign-in, wrong PIN');
  await signIn(page, 'manager', '9999');

  // The counter: the empty form, its refusals, the confirmation, each outcome.
  await expect(page.getByLabel('Customer number')).toBeFocused();
  await axe.check('counter');
  await page.getByRole('button', { name: 'Review the sale' }).click();
  await expect(page.getByText('Type the customer’s number.')).toBeVisible();
  await axe.check('counter, refused');
  await page.getByLabel('Customer number').fill('687654321');
  await page.getByRole('radio', { name: /^5 Go / }).check();
  await page.getByLabel('Cash handed over').fill('10000');
  await page.getByRole('button', { name: 'Review the sale' }).click();
  await expect(page.getByRole('region', { name: 'Confirm the sale' })).toBeVisible();
  await axe.check('counter, confirmation');
  await page.getByRole('button', { name: 'Sell' }).click();
  await expect(page.getByRole('heading', { name: 'Top-up done' })).toBeVisible();
  await axe.check('counter, done');
  await axe.checkReceipt('counter, done');
  await page.getByRole('button', { name: 'New sale' }).click();
  await page.getByLabel('Customer number').fill('687111222');
  await page.getByRole('radio', { name: /^1 Go / }).check();
  await page.getByRole('radio', { name: 'Other' }).check();
  await page.getByRole('button', { name: 'Review the sale' }).click();
  await page.getByRole('button', { name: 'Sell' }).click();
  await expect(page.getByRole('heading', { name: 'Top-up failed — refunded' })).toBeVisible();
  await axe.check('counter, failed');
  await axe.checkReceipt('counter, failed');
  await page.getByRole('button', { name: 'New sale' }).click();
  await page.getByLabel('Customer number').fill('687999999');
  await page.getByRole('radio', { name: /^1 Go / }).check();
  await page.getByRole('radio', { name: 'Card' }).check();
  await page.getByRole('button', { name: 'Review the sale' }).click();
  await page.getByRole('button', { name: 'Sell' }).click();
  await expect(page.getByRole('heading', { name: 'Pending verification' })).toBeVisible();
  await axe.check('counter, pending');
  await axe.checkReceipt('counter, pending');

  // Sales, with the pending sale to resolve.
  await open(page, 'sales');
  await expect(page.locator('.sales__row')).toHaveCount(3);
  await axe.check('sales');
  const pending = page.locator('.sales__row--pending');
  await pending.getByRole('button', { name: 'Receipt 3' }).click();
  await expect(page.locator('.sales iframe.receipt-view')).toBeVisible();
  await axe.check('sales, a receipt shown');
  await pending.getByRole('button', { name: 'Resolve…' }).click();
  await expect(page.getByRole('radio', { name: /The top-up was done/ })).toBeVisible();
  await axe.check('sales, resolving');

  // Cards: before and after a balance check.
  await open(page, 'card');
  await axe.check('cards');
  await page.getByRole('main').getByLabel('Customer number').fill('12 34 56');
  await page.getByRole('button', { name: 'Check balance' }).click();
  await expect(page.getByTestId('remaining')).toBeVisible();
  await axe.check('cards, balance');

  // The day: each tab, the shift before and after its opening.
  await open(page, 'day');
  await expect(page.getByLabel(/^Float/)).toBeVisible();
  await axe.check('day, today');
  await page.getByLabel(/^Float/).fill('20000');
  await page.keyboard.press('Enter');
  await expect(page.getByText(/Open since/)).toBeVisible();
  await axe.check('day, today, shift open');
  await page.getByRole('button', { name: 'Closed days' }).click();
  await axe.check('day, closed days');
  await page.getByRole('button', { name: 'Books check' }).click();
  await page.getByRole('button', { name: 'Check the books' }).click();
  await expect(page.getByTestId('books-check-result')).toBeVisible();
  await axe.check('day, books check');

  await open(page, 'modems');
  // The pending sale above left one modem waiting for the network's late answer, if still within
  // its minute: its badge and countdown are checked too.
  await expect(page.getByTestId('modem-nc-demo-sim-1')).toContainText(
    /Ready|Waiting for an answer/,
  );
  await axe.check('modems');

  await open(page, 'settings');
  await expect(page.getByRole('heading', { name: 'Locked names' })).toBeVisible();
  await axe.check('settings');
  await page.getByRole('button', { name: 'Add a printer' }).click();
  await axe.check('settings, new printer');

  await open(page, 'backups');
  await expect(page.getByText('No backups are kept here (the demo keeps none).')).toBeVisible();
  await axe.check('backups, none');

  // A clerk's sales and day differ: no resolving, no books check.
  await page.getByRole('button', { name: 'Sign out' }).click();
  await signIn(page, 'clerk', '1111');
  await axe.check('counter, clerk');
  await open(page, 'sales');
  await expect(page.locator('.sales__row')).toHaveCount(3);
  await axe.check('sales, clerk');
  await open(page, 'day');
  await axe.check('day, clerk');
  axe.report();
});

for (const language of ['fr', 'zh-CN'] as const satisfies readonly Language[]) {
  test(`every screen in ${language}`, async ({ page, demoShop }) => {
    test.slow(); // Every screen read by axe, the settings with the counters' section among them.
    await startIn(page, language);
    const axe = auditor(page);
    await page.goto(demoShop.url);
    await expect(page.locator('html')).toHaveAttribute('lang', language);
    await expect(page.locator('#sign-in-name')).toBeVisible();
    await axe.check(`sign-in (${language})`);
    await signIn(page, 'manager', '9999');
    await expect(page.locator('.counter')).toBeVisible();
    await visitEveryScreen(page, (id) => axe.check(`${id} (${language})`));
    axe.report();
  });
}

test("the modem bank's health screen: a modem's details, a manager's action asked", async ({
  page,
  demoShop,
}) => {
  await startIn(page, 'en');
  const axe = auditor(page);
  await page.goto(demoShop.url);
  await signIn(page, 'manager', '9999');
  await open(page, 'modems');
  await expect(page.getByTestId('modem-nc-demo-sim-1')).toContainText('Ready');
  await page.getByRole('button', { name: 'Details of modem nc-demo-sim-1' }).click();
  await expect(page.getByRole('region', { name: 'Modem nc-demo-sim-1' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'History' })).toBeVisible();
  await axe.check('modems, details');
  await page.getByRole('button', { name: 'Reset', exact: true }).click();
  await expect(page.getByRole('dialog', { name: 'Modem nc-demo-sim-1' })).toBeVisible();
  await axe.check('modems, action asked');
  await page.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByRole('dialog')).toHaveCount(0);

  await page.getByRole('button', { name: 'Sign out' }).click();
  await signIn(page, 'clerk', '1111');
  await open(page, 'modems');
  await page.getByRole('button', { name: 'Details of modem nc-demo-sim-1' }).click();
  await expect(page.getByRole('region', { name: 'Modem nc-demo-sim-1' })).toBeVisible();
  await axe.check('modems, details, clerk');
  axe.report();
});

test('first-run setup, the damaged-database banner, and the backups to restore', async ({
  page,
  serveShop,
  folder,
}) => {
  await startIn(page, 'en');
  const axe = auditor(page);
  const databaseFile = path.join(folder, 'shop.sqlite');
  const first = await serveShop(databaseFile);
  await page.goto(first.url);
  await expect(page.getByRole('heading', { name: 'Create the first manager' })).toBeVisible();
  await axe.check('first-run setup');
  await page.getByRole('button', { name: 'Create the manager' }).click();
  await axe.check('first-run setup, refused');

  await damageAfterBackup(page.request, first, databaseFile);

  const host = await serveShop(databaseFile);
  await page.goto(host.url);
  const banner = page.getByTestId('database-damaged-banner');
  await expect(banner).toBeVisible();
  await axe.check('sign-in, database damaged');
  await signIn(page, 'owner', '2468');
  await expect(banner.getByRole('link')).toBeVisible();
  await axe.check('counter, database damaged');
  await banner.getByRole('link').click();
  await expect(page.getByRole('button', { name: /^Restore the backup of / })).toHaveCount(2);
  await axe.check('backups, database damaged');
  await page
    .getByRole('button', { name: /^Restore the backup of / })
    .first()
    .click();
  await expect(page.getByRole('button', { name: 'Yes, restore it' })).toBeVisible();
  await axe.check('backups, restore asked');
  axe.report();
});
