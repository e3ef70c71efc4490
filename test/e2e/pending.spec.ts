/**
 * A pending sale is impossible to miss and is resolved on purpose: the demo's never-confirmed
 * line (687 99 99 99, whose top-up the network takes and never answers) sold, the banner on
 * every screen, the sale first in the Sales list, the carrier's replies and the card checked
 * from the resolve form, and a confirmation before anything is written.
 */
import { axeViolations } from './axe';
import { expect, test } from './fixtures';
import { signIn } from './session';

/** A call to the host's API as a client of the shop would make it, signed in as `token`. */
async function call<T>(url: string, name: string, input: unknown, token?: string): Promise<T> {
  const response = await fetch(new URL(`/api/${name}`, url), {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify(input),
  });
  const body = await response.json();
  if (!response.ok) throw new Error(`${name}: ${JSON.stringify(body)}`);
  return body as T;
}

const login = async (url: string, name: string, pin: string): Promise<string> =>
  (await call<{ token: string }>(url, 'auth.login', { name, pin })).token;

test('a pending sale: the banner on every screen, first in the list, checked and resolved on purpose', async ({
  page,
  demoShop,
  problems,
}) => {
  const { url } = demoShop;
  const manager = await login(url, 'manager', '9999');
  const clerk = await login(url, 'clerk', '1111');
  // The demo carrier's silence ends the wait after 1.5 s rather than 30.
  const { profile } = await call<{ profile: { topUp: object } }>(
    url,
    'carriers.get',
    { id: 'nc-demo' },
    manager,
  );
  await call(
    url,
    'carriers.save',
    { profile: { ...profile, topUp: { ...profile.topUp, timeoutMs: 1_500 } } },
    manager,
  );
  const sell = async (msisdn: string, key: string) =>
    (
      await call<{ sale: { status: string } }>(
        url,
        'sales.renew',
        {
          msisdn,
          planId: '1go',
          payment: { method: 'cash', tendered: { amount: 1500, currency: 'XPF' } },
          idempotencyKey: key,
        },
        clerk,
      )
    ).sale;

  await page.goto(url);
  await signIn(page, 'manager', '9999');
  await expect(page.getByRole('heading', { level: 1 }).first()).toBeVisible();
  const banner = page.getByTestId('pending-banner');
  await expect(banner).toHaveCount(0);

  await test.step('the pending sale puts the banner on every screen, at once', async () => {
    // The card was checked at the counter before the sale: expired, nothing left.
    const before = await call<{ remainingMb: number }>(
      url,
      'balance.check',
      { msisdn: '687999999' },
      clerk,
    );
    expect(before.remainingMb).toBe(0);
    expect((await sell('687999999', 'e2e-pending-silent')).status).toBe('unknown');
    // A later sale, done: newest first, it would come before the pending one.
    expect((await sell('687123456', 'e2e-pending-done')).status).toBe('succeeded');
    await expect(banner).toContainText('1 vente est en attente de vérification');
    await expect(banner).toContainText('Vérifiez-les une à une et réglez-les.');
    for (const screen of ['Cartes', 'Journée', 'Modems']) {
      await page.getByRole('link', { name: screen, exact: true }).click();
      await expect(banner).toBeVisible();
    }
  });

  await test.step('its link leads to the Sales list, the pending sale first', async () => {
    await banner.getByRole('link', { name: 'Voir la vente en attente' }).click();
    await expect(page).toHaveURL(/#sales$/);
    const rows = page.locator('.sales__row');
    await expect(rows).toHaveCount(2);
    await expect(rows.first()).toHaveClass(/sales__row--pending/);
    await expect(rows.first()).toContainText('+687 99 99 99');
  });

  const pending = page.locator('.sales__row--pending');
  await test.step('the resolve form shows what the carrier answered, and where it went quiet', async () => {
    await pending.getByRole('button', { name: 'Régler…' }).click();
    const replies = page.getByRole('region', { name: 'Ce que l’opérateur a répondu' });
    await expect(replies).toContainText('Numéro client ?');
    await expect(replies).toContainText('Code PIN revendeur ?');
    await expect(replies).toContainText('Plus rien ensuite : la vente est en attente depuis');
    // The dealer PIN never shows.
    await expect(replies).not.toContainText('1234');
  });

  await test.step('checking the card now says whether the top-up landed, from the reading', async () => {
    const check = page.getByRole('region', { name: 'Vérifier la carte maintenant' });
    await check.getByRole('button', { name: 'Vérifier la carte maintenant' }).click();
    const verdict = page.getByTestId('card-verdict');
    // The network took the top-up without a word: the card's validity now reaches the plan's.
    await expect(verdict).toContainText('La recharge est arrivée.');
    await expect(verdict).toContainText('Avant la vente, la carte était valable jusqu’au');
    await expect(verdict).toContainText('comme le donnent les 30 jours du forfait');
    await expect(verdict).toContainText(/Lu le .* : 1 Go restants, valables jusqu’au/);
    await expect(verdict).toContainText('Forfait');
    expect(await axeViolations(page)).toEqual([]);
  });

  await test.step('Enter asks for a confirmation and never resolves; the confirmation does', async () => {
    await page.getByRole('radio', { name: /La recharge n’a pas été faite/ }).check();
    const reason = page.getByLabel('Motif (ce que vous avez vérifié)');
    await reason.fill('Carte vérifiée : 1 Go reçu, valable 30 jours');
    await reason.press('Enter');
    const question = page.getByRole('region', { name: /Régler la vente au \+687 99 99 99/ });
    await expect(question).toContainText('La recharge n’a pas été faite');
    await expect(question).toContainText('Remboursez 1 500 XPF au client.');
    await expect(question).toContainText('C’est définitif');
    // Stray Enters on the question write nothing.
    await page.keyboard.press('Enter');
    await page.keyboard.press('Enter');
    await expect(pending).toHaveCount(1);
    // The manager meant the other answer: back to the form, where they left it.
    await question.getByRole('button', { name: 'Revenir' }).click();
    await expect(question).toHaveCount(0);
    await expect(reason).toBeFocused();
    await page.getByRole('radio', { name: /La recharge a été faite/ }).check();
    await reason.press('Enter');
    await expect(question).toContainText('La recharge a été faite');
    await expect(question).not.toContainText('Remboursez');
    await question.getByRole('button', { name: 'Oui, régler' }).click();
    const corrected = page.getByRole('region', { name: /Vente réglée \(Effectuée\)/ });
    await expect(corrected).toContainText('+687 99 99 99');
    await expect(pending).toHaveCount(0);
    await expect(banner).toHaveCount(0);
  });

  expect(problems).toEqual([]);
});
