import http from 'node:http';
import { expect, test } from './fixtures';
import { signIn } from './session';

/** A wrong PIN for `name` typed at another machine of the shop (a loopback address of its own). */
function wrongPinFrom(url: string, from: string, name: string) {
  const body = JSON.stringify({ name, pin: '0000' });
  return new Promise<number>((resolve, reject) => {
    const request = http.request(
      new URL('/api/auth.login', url),
      {
        method: 'POST',
        localAddress: from,
        headers: { 'content-type': 'application/json', 'content-length': body.length },
      },
      (response) => {
        response.resume();
        response.on('end', () => resolve(response.statusCode ?? 0));
      },
    );
    request.on('error', reject);
    request.end(body);
  });
}

test('the counter goes back to sign-in, saying why, when the host has ended the session', async ({
  page,
  demoShop,
  problems,
}) => {
  await page.goto(demoShop.url);
  const login = page.waitForResponse('**/api/auth.login');
  await signIn(page, 'clerk', '1111');
  const { token } = await (await login).json();
  await expect(page.getByLabel('Numéro du client')).toBeFocused();
  // The session ends on the host (as after the idle time with no call): the next call says so.
  const ended = await page.request.post(`${demoShop.url}api/auth.logout`, {
    data: {},
    headers: { authorization: `Bearer ${token}` },
  });
  expect(ended.ok()).toBe(true);
  // Going to the sales page makes a call. Not by clicking its link: the pointer's move is
  // activity, whose renewal can be refused first and take the link away mid-click.
  await page.evaluate("location.hash = 'sales'");
  await expect(page.getByRole('heading', { name: 'Connexion' })).toBeVisible();
  await expect(
    page.getByText(
      'Votre session a pris fin (inutilisée trop longtemps, ou déconnectée). Reconnectez-vous.',
    ),
  ).toBeVisible();
  await signIn(page, 'clerk', '1111');
  await expect(page.getByText('Connecté : clerk')).toBeVisible();
  expect(problems.filter((problem) => !problem.includes('status of 401'))).toEqual([]);
});

test('a name locked by wrong PINs is unlocked by the manager in the settings', async ({
  page,
  demoShop,
  problems,
}) => {
  // Twenty wrong PINs in a row from machines that each type three (then they would wait).
  for (let machine = 0; machine < 7; machine++) {
    for (let attempt = 0; attempt < 3 && machine * 3 + attempt < 20; attempt++) {
      expect(await wrongPinFrom(demoShop.url, `127.0.0.${machine + 2}`, 'clerk')).toBe(401);
    }
  }
  await page.goto(demoShop.url);
  await signIn(page, 'clerk', '1111');
  await expect(
    page.getByText(
      'Ce nom est bloqué après trop de codes PIN incorrects. Un responsable le débloque dans Réglages.',
    ),
  ).toBeVisible();

  await signIn(page, 'manager', '9999');
  await page.getByRole('navigation').getByRole('link', { name: 'Réglages' }).click();
  await expect(page.getByRole('heading', { name: 'Noms bloqués' })).toBeVisible();
  await page.getByRole('button', { name: 'Débloquer clerk' }).click();
  await expect(page.getByText('clerk peut de nouveau se connecter.')).toBeVisible();
  await expect(page.getByText('Aucun nom n’est bloqué.')).toBeVisible();

  await page.getByRole('button', { name: 'Se déconnecter' }).click();
  await signIn(page, 'clerk', '1111');
  await expect(page.getByText('Connecté : clerk')).toBeVisible();
  expect(problems.filter((problem) => !problem.includes('status of 423'))).toEqual([]);
});
