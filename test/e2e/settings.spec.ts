import path from 'node:path';
import { expect, test } from './fixtures';
import { asManager } from './screens';
import { signIn } from './session';

test('the owner sets up the shop in French and Chinese, fixes a mistake, and it survives a restart', async ({
  page,
  serveShop,
  folder,
  problems,
}) => {
  const databaseFile = path.join(folder, 'shop.sqlite');
  let host = await serveShop(databaseFile);
  await page.goto(host.url);
  await expect(page.getByRole('heading', { name: 'Shop profile' })).toBeVisible();
  await expect(page.getByText('The shop profile is not set up yet')).toBeVisible();
  await expect(page.getByTestId('demo-banner')).toHaveCount(0);

  await page.getByLabel('Language', { exact: true }).selectOption('zh-CN');
  await expect(page.getByRole('heading', { name: '店铺信息' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');

  await page.getByLabel('语言', { exact: true }).selectOption('fr');
  await expect(page.getByRole('heading', { name: 'Profil de la boutique' })).toBeVisible();

  await page.getByLabel('Nom de la boutique').fill('Boutique du Port');
  await page.getByLabel('Adresse').fill('3 quai Ferry\n98800 Nouméa');
  await page.getByLabel('Pays').selectOption('NC');
  await page.getByLabel('Téléphone').fill('12');
  await page.getByLabel('Numéro RIDET').fill('1234567.001');
  await page.getByLabel('Pied de ticket').fill('Merci et bon séjour !');
  await page.getByLabel('Fuseau horaire').selectOption('Pacific/Noumea');
  await page.getByLabel('Devise').selectOption('XPF');
  await page.getByLabel('Langue par défaut').selectOption('fr');
  await page.getByRole('button', { name: 'Enregistrer' }).click();

  await expect(page.getByRole('alert')).toHaveText(
    'Certains champs sont à corriger. Rien n’a été enregistré.',
  );
  const phone = page.getByLabel('Téléphone');
  await expect(phone).toHaveAttribute('aria-invalid', 'true');
  await expect(
    page.getByText('Numéro de téléphone non valable pour le pays de la boutique.'),
  ).toBeVisible();
  await expect(phone).toBeFocused();

  // Nothing was saved: a fresh page still has no profile.
  await page.reload();
  await expect(page.getByText('Le profil de la boutique n’est pas encore renseigné')).toBeVisible();
  await expect(page.getByLabel('Nom de la boutique')).toHaveValue('');
  await expect(page.getByRole('heading', { name: 'Profil de la boutique' })).toBeVisible();

  await page.getByLabel('Nom de la boutique').fill('Boutique du Port');
  await page.getByLabel('Adresse').fill('3 quai Ferry\n98800 Nouméa');
  await page.getByLabel('Téléphone').fill('27 12 34');
  await page.getByLabel('Pied de ticket').fill('Merci et bon séjour !');
  await page.getByLabel('Fuseau horaire').selectOption('Pacific/Noumea');
  await expect(page.getByLabel('Nom de la caisse')).toHaveValue('1');
  await page.getByLabel('Nom de la caisse').fill('Comptoir 2');
  await page.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(page.getByText('Enregistré.')).toBeVisible();
  await expect(page.getByLabel('Téléphone')).toHaveValue('+687 27 12 34');

  // Off the page first: its event socket would reconnect to the stopped host, and say so.
  await page.goto('about:blank');
  await host.stop();
  host = await serveShop(databaseFile);
  await page.goto(host.url);
  await expect(page.getByRole('heading', { name: 'Profil de la boutique' })).toBeVisible();
  await expect(page.getByLabel('Nom de la boutique')).toHaveValue('Boutique du Port');
  await expect(page.getByLabel('Adresse')).toHaveValue('3 quai Ferry\n98800 Nouméa');
  await expect(page.getByLabel('Téléphone')).toHaveValue('+687 27 12 34');
  await expect(page.getByLabel('Fuseau horaire')).toHaveValue('Pacific/Noumea');
  await expect(page.getByLabel('Devise')).toHaveValue('XPF');
  await expect(page.getByLabel('Nom de la caisse')).toHaveValue('Comptoir 2');
  // The refused save answers 400 on purpose.
  expect(problems.filter((problem) => !problem.includes('status of 400'))).toEqual([]);
});

test('demo mode is marked on every screen, asks who is at the counter, and keeps clerks out of the settings', async ({
  page,
  demoShop,
}) => {
  await page.goto(demoShop.url);
  await expect(page.getByTestId('demo-banner')).toContainText('DÉMO');
  await expect(page.getByRole('heading', { name: 'Connexion' })).toBeVisible();
  await expect(page.getByText('manager / 9999')).toBeVisible();

  await signIn(page, 'clerk', '0000');
  await expect(page.getByRole('alert')).toHaveText('Nom ou code PIN incorrect.');
  await signIn(page, 'clerk', '1111');
  await expect(page.getByText('Connecté : clerk')).toBeVisible();
  const navigation = page.getByRole('navigation', { name: 'Navigation principale' });
  await expect(navigation.getByRole('link')).toHaveText([
    'Comptoir',
    'Ventes',
    'Cartes',
    'Journée',
    'Modems',
  ]);
  // Typing the settings' address lands a clerk on the counter.
  await page.goto(`${demoShop.url}#settings`);
  await expect(page.getByLabel('Numéro du client')).toBeVisible();
  await expect(page.getByLabel('Nom de la boutique')).toHaveCount(0);
  for (const link of ['Ventes', 'Modems', 'Comptoir']) {
    await navigation.getByRole('link', { name: link }).click();
    await expect(page.getByTestId('demo-banner')).toContainText('DÉMO');
  }

  await page.getByRole('button', { name: 'Se déconnecter' }).click();
  await page.getByLabel('Langue', { exact: true }).selectOption('en');
  await expect(page.getByTestId('demo-banner')).toContainText('DEMO');
  // The choice is kept on this screen over the shop's default language (French here).
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  await expect(page.getByTestId('demo-banner')).toContainText('DEMO');
});

test('a profile saved elsewhere appears on an open screen', async ({
  page,
  request,
  serveShop,
  folder,
}) => {
  const host = await serveShop(path.join(folder, 'shop.sqlite'), ['--demo']);
  await page.goto(host.url);
  await signIn(page, 'manager', '9999');
  await page.getByRole('link', { name: 'Réglages' }).click();
  await expect(page.getByLabel('Nom de la boutique')).toHaveValue('Comptoir Démo — Nouméa');
  const login = await request.post(`${host.url}api/auth.login`, {
    data: { name: 'manager', pin: '9999' },
  });
  const { token } = await login.json();
  const headers = { authorization: `Bearer ${token}` };
  const current = await (
    await request.post(`${host.url}api/shop.get`, { data: {}, headers })
  ).json();
  const saved = await request.post(`${host.url}api/shop.update`, {
    data: { ...current.profile, name: 'Renamed at the back office' },
    headers,
  });
  expect(saved.ok()).toBe(true);
  await expect(page.getByLabel('Nom de la boutique')).toHaveValue('Renamed at the back office');
  await expect(page.getByText('Le profil a été modifié sur un autre écran')).toBeVisible();
});

test('on first run the owner creates the first manager, who is signed in on the settings', async ({
  page,
  serveShop,
  folder,
}) => {
  const host = await serveShop(path.join(folder, 'shop.sqlite'));
  await page.goto(host.url);
  await expect(page.getByRole('heading', { name: 'Create the first manager' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Shop profile' })).toBeVisible();
  await page.locator('#setup-name').fill('Owner');
  await page.locator('#setup-pin').fill('2468');
  await page.locator('#setup-again').fill('2469');
  await page.getByRole('button', { name: 'Create the manager' }).click();
  await expect(page.getByText('The two PINs are not the same.')).toBeVisible();
  await page.locator('#setup-pin').fill('24');
  await page.locator('#setup-again').fill('24');
  await page.getByRole('button', { name: 'Create the manager' }).click();
  await expect(page.getByText('A PIN is 4 to 8 digits.')).toBeVisible();
  await page.locator('#setup-pin').fill('2468');
  await page.locator('#setup-again').fill('2468');
  await page.getByRole('button', { name: 'Create the manager' }).click();

  await expect(page.getByText('Signed in as Owner')).toBeVisible();
  const navigation = page.getByRole('navigation', { name: 'Main navigation' });
  await expect(navigation.getByRole('link')).toHaveText([
    'Counter',
    'Sales',
    'Cards',
    'Day',
    'Modems',
    'Settings',
    'Backups',
    'Audit',
  ]);
  await expect(navigation.getByRole('link', { name: 'Settings' })).toHaveAttribute(
    'aria-current',
    'page',
  );
  await expect(page.getByRole('heading', { name: 'Shop profile' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Create the first manager' })).toHaveCount(0);

  // From now on the shop asks who is there, and a sign-in lands on the counter.
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  await signIn(page, 'Owner', '2468');
  await expect(page.getByRole('heading', { name: 'Counter' })).toBeVisible();
});

test('a manager sets a plan’s TGC rate as a percentage, and a wrong one is refused by name', async ({
  page,
  demoShop,
}) => {
  await page.goto(demoShop.url);
  await signIn(page, 'manager', '9999');
  await page.getByRole('link', { name: 'Réglages' }).click();
  const rate = page.getByLabel('1go Taux de TGC (%)');
  // The shipped profile's rate on telecom services, written as a French manager types it.
  await expect(rate).toHaveValue('6');
  await rate.fill('onze');
  await page.getByRole('button', { name: 'Enregistrer les forfaits' }).click();
  await expect(rate).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByText('Un pourcentage de 0 à 100, p. ex. 11 ou 5,5.')).toBeVisible();

  await rate.fill('5,5');
  await page.getByRole('button', { name: 'Enregistrer les forfaits' }).click();
  await expect(page.getByText('enregistré : la prochaine vente l')).toBeVisible();
  await expect(rate).not.toHaveAttribute('aria-invalid', 'true');
  const call = await asManager(page, demoShop.url);
  const { profile } = await call('carriers.get', { id: 'nc-demo' });
  expect(profile.plans.map((plan: { taxRate: number }) => plan.taxRate)).toEqual([550, 600, 600]);
  await page.getByRole('link', { name: 'Journée' }).click();
  await page.getByRole('link', { name: 'Réglages' }).click();
  await expect(page.getByLabel('1go Taux de TGC (%)')).toHaveValue('5,5');
});
