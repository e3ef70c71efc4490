/**
 * Settings → Head office, as a shop's manager sees it: the enrolment form and its refusals, then
 * the Sync status; axe-clean and fitting 1024×768 in English, French and Chinese.
 */
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
