/**
 * Settings → Head office, as a shop's manager sees it: the enrolment form and its refusals, then
 * the Sync status, and a fact the head office refuses for good; axe-clean and fitting 1024×768 in
 * English, French and Chinese.
 */
import path from 'node:path';
import Database from 'better-sqlite3';
import { recordFact } from '../../electron/head-office/outbox';
import { createShop, enrolAsShop, signInStaff, startHeadOffice } from '../support/head-office';
import { startPostgres } from '../support/postgres';
import { expect, test } from './fixtures';
import { checkInEveryLanguage, open, startIn } from './screens';
import { signIn } from './session';

test.use({ viewport: { width: 1024, height: 768 } });

test('the enrolment form refuses plain HTTP to another machine, on its field, before sending anything', async ({
  page,
  demoShop,
  problems,
}) => {
  await startIn(page, 'en');
  await page.goto(demoShop.url);
  await signIn(page, 'manager', '9999');
  await open(page, 'settings');
  const section = page.getByRole('region', { name: 'Head office' });
  await expect(section.getByRole('heading', { name: 'Enrol this shop' })).toBeVisible();

  // Never reached: the address is refused as typed (hq.example.nc is not contacted).
  await section.getByLabel('Head office URL').fill('http://hq.example.nc:7400');
  await section.getByLabel('Enrolment code').fill('ABCD-EFGH-JKMN');
  await section.getByRole('button', { name: 'Enrol' }).click();
  const url = page.locator('#head-office-url');
  await expect(url).toHaveAttribute('aria-invalid', 'true');
  await expect(
    section.getByText(
      'The head office must be reached over https:// (plain http:// only on this PC).',
    ),
  ).toBeVisible();

  const faults = await checkInEveryLanguage(page, 'Settings → Head office', async (language) => {
    const title = { en: 'Head office', fr: 'Siège', 'zh-CN': '总部' }[language];
    await expect(page.getByRole('region', { name: title })).toBeVisible();
    await expect(url).toHaveAttribute('aria-invalid', 'true');
  });
  expect(faults).toEqual([]);
  // The refusal answers 400 on purpose.
  expect(problems.filter((problem) => !problem.includes('status of 400'))).toEqual([]);
});

test('a manager enrols the shop at the real head office and reads its Sync status', async ({
  page,
  folder,
  demoShop,
  problems,
}) => {
  test.slow(); // A PostgreSQL cluster and `hq serve` of the test's own, axe in three languages.
  const postgres = await startPostgres();
  const headOffice = await startHeadOffice({ postgresUrl: postgres.url });
  try {
    await signInStaff(headOffice);
    const { shopId, code } = await createShop(headOffice, { name: 'Koné', managed: false });

    await startIn(page, 'en');
    await page.goto(demoShop.url);
    await signIn(page, 'manager', '9999');
    await open(page, 'settings');
    const section = page.getByRole('region', { name: 'Head office' });
    // A code for a shop the head office keeps in another zone and currency is refused, both named.
    const paris = await createShop(headOffice, {
      name: 'Paris',
      zone: 'Europe/Paris',
      currency: 'EUR',
    });
    await section.getByLabel('Head office URL').fill(headOffice.url);
    await section.getByLabel('Enrolment code').fill(paris.code);
    await section.getByRole('button', { name: 'Enrol' }).click();
    await expect(
      section.getByText(
        'The head office has this shop in Europe/Paris, EUR; this shop is set to Pacific/Noumea, XPF. Correct one of them (here in Settings → Shop profile), then enrol again with the same code.',
      ),
    ).toBeVisible();
    await section.getByLabel('Enrolment code').fill(code.toLowerCase());
    await section.getByRole('button', { name: 'Enrol' }).click();
    await expect(section.getByText('Enrolled as Koné. The books are being sent.')).toBeVisible();
    await expect(section.getByRole('heading', { name: 'Sync' })).toBeVisible();
    await expect(section.getByRole('heading', { name: 'Enrol this shop' })).toHaveCount(0);

    await section.getByRole('button', { name: 'Send now' }).click();
    await expect(section.getByTestId('sync-backlog')).toHaveText(
      'Nothing: everything has been sent.',
    );
    await expect(section.getByTestId('sync-catalog')).toHaveText('0 received, 0 applied');

    const faults = await checkInEveryLanguage(
      page,
      'Settings → Head office, enrolled',
      async (language) => {
        const title = { en: 'Sync', fr: 'Synchronisation', 'zh-CN': '同步' }[language];
        await expect(page.getByRole('heading', { name: title, exact: true })).toBeVisible();
      },
    );
    expect(faults).toEqual([]);

    // The shop's link is taken over (enrolled from another PC with a new code): the head office
    // refuses its credential, and the screen offers to enrol again.
    await page.locator('#language-picker').selectOption('en');
    const renewed = await headOffice.client.call('shops.renewCode', { shopId });
    await enrolAsShop(headOffice, renewed.code);
    await section.getByRole('button', { name: 'Send now' }).click();
    await expect(section.getByTestId('sync-last-error')).toContainText(
      'it no longer accepts this shop’s credential',
    );
    await expect(section.getByRole('heading', { name: 'Enrol this shop again' })).toBeVisible();
    const again = await headOffice.client.call('shops.renewCode', { shopId });
    await section.getByLabel('Head office URL').fill(headOffice.url);
    await section.getByLabel('Enrolment code').fill(again.code);
    await section.getByRole('button', { name: 'Enrol' }).click();
    await expect(section.getByText('Enrolled as Koné. The books are being sent.')).toBeVisible();
    await expect(section.getByTestId('sync-last-error')).toHaveText('None');
    await expect(section.getByRole('heading', { name: 'Enrol this shop again' })).toHaveCount(0);

    // A fact the head office will never store (a time it cannot read as one), written as the
    // books write theirs: the manager reads which fact holds the others back, in French too.
    const db = new Database(path.join(folder, 'demo.sqlite'));
    const id = db.transaction(() =>
      recordFact(
        db,
        {
          kind: 'refund',
          payload: {
            saleId: 1,
            tillId: null,
            amount: 1_500,
            currency: 'XPF',
            method: 'cash',
            reason: 'card refused',
            at: 'the seventh, in the morning',
          },
        },
        new Date(),
      ),
    )();
    db.close();
    await section.getByRole('button', { name: 'Send now' }).click();
    const refused = page.getByTestId('sync-refused-fact');
    await expect(refused).toContainText(`The head office refuses a refund (${id})`);
    await expect(refused).toContainText('payload.at: not a time with its offset');
    const refusedFaults = await checkInEveryLanguage(
      page,
      'Settings → Head office, a fact refused',
      async (language) => {
        const words = {
          en: 'The facts after it wait behind it',
          fr: 'Le siège refuse un remboursement',
          'zh-CN': '总部拒收一笔退款',
        }[language];
        await expect(refused).toContainText(words);
        await expect(refused).toContainText(id);
      },
    );
    expect(refusedFaults).toEqual([]);
    await expect(refused).toContainText('payload.at：不是带时区偏移的时间');
    // The refused enrolment answers 403 on purpose.
    expect(problems.filter((problem) => !problem.includes('status of 403'))).toEqual([]);
  } finally {
    await page.goto('about:blank');
    await headOffice.stop();
    postgres.stop();
  }
});
