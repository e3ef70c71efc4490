/**
 * The demo explains itself: its banner lists the cards of the simulated network with what each
 * does, in the clerk's language, from what the core's simulator will really do (app.get).
 */
import { expect, test } from './fixtures';
import { startIn } from './screens';

test('the demo banner lists the demo cards and what each does, in English and French', async ({
  page,
  demoShop,
  problems,
}) => {
  await startIn(page, 'en');
  await page.goto(demoShop.url);
  const banner = page.getByTestId('demo-banner');
  await banner.getByText('Demo cards to try').click();
  const cards = banner.getByRole('listitem');
  await expect(cards).toHaveText([
    /^\+687 123456 5Go card, 3,277 MB left, valid 210 days: the top-up goes through/,
    /^\+687 654321 1Go card with only 120 MB left, valid 6 days: the customer who needs a top-up/,
    /^\+687 77 78 88 20Go card/,
    /^\+687 99 99 99 1Go card whose top-up the network takes but never confirms: the sale stays pending/,
    /^Any other number: unknown to the network, the top-up fails and is refunded\.$/,
  ]);

  await page.getByLabel('Language').selectOption('fr');
  await expect(cards.nth(3)).toContainText(
    'Carte 1Go dont le réseau prend la recharge sans jamais la confirmer',
  );
  expect(problems).toEqual([]);
});
