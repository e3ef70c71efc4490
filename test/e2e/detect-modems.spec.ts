import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { createDeviceTree } from '../support/device-tree';
import { expect, test } from './fixtures';

/** `comptoir simulate` on a pseudo-terminal linked at `linkPath`, as a modem plugged in. */
async function plugSimulatedModem(linkPath: string) {
  const cli = path.resolve(__dirname, '../../out/main/cli.js');
  const child: ChildProcess = spawn(
    process.execPath,
    [cli, 'simulate', '--link', linkPath, '--json'],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  await new Promise<void>((resolve, reject) => {
    child.stdout?.once('data', () => resolve());
    child.on('exit', (code) => reject(new Error(`comptoir simulate exited with ${code}`)));
  });
  return async () => {
    child.kill('SIGTERM');
    await exited;
  };
}

test('the manager detects the modem plugged in and adds it with one click and its dealer PIN', async ({
  page,
  serveShop,
  folder,
  problems,
}) => {
  // A Quectel EC25 as the kernel and udev show it: its diagnostics port and its AT port, the
  // AT port being a simulated modem on a pseudo-terminal.
  const tree = createDeviceTree(path.join(folder, 'machine'));
  const quectel = { device: '1-1', usbId: '2c7c:0125', manufacturer: 'Quectel' };
  tree.addUsbSerialPort({ ...quectel, name: 'ttyUSB0', interface: 0 });
  const byId = 'usb-Quectel_EC25_0123-if02-port0';
  tree.addUsbSerialPort({ ...quectel, name: 'ttyUSB2', interface: 2, byId });
  const unplug = await plugSimulatedModem(tree.devicePath('ttyUSB2'));
  try {
    const host = await serveShop(path.join(folder, 'shop.sqlite'), [], {
      COMPTOIR_TEST_DEVICE_TREE: tree.root,
    });
    await page.goto(host.url);
    await page.locator('#setup-name').fill('Owner');
    await page.locator('#setup-pin').fill('2468');
    await page.locator('#setup-again').fill('2468');
    await page.getByRole('button', { name: 'Create the manager' }).click();
    await expect(page.getByText('Signed in as Owner')).toBeVisible();

    await page.getByRole('button', { name: 'Detect modems' }).click();
    const found = page.getByTestId('detected-device');
    await expect(found).toHaveCount(2);
    await expect(found.nth(0)).toContainText('Other port of a modem');
    const modem = found.nth(1);
    await expect(modem).toContainText(tree.byIdPath(byId));
    await expect(modem).toContainText('2c7c:0125, interface 2 (option)');
    await expect(modem).toContainText('AT port');
    await expect(modem).toContainText('IMEI 356938035643809, SIM 89687010000123456788');
    await expect(modem).toContainText('NC Mobile (démo)');
    const { violations } = await new AxeBuilder({ page })
      .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
      .include('[aria-labelledby="detect-modems-title"]')
      .analyze();
    expect(violations.map((violation) => `${violation.id}: ${violation.help}`)).toEqual([]);

    await modem.getByRole('button', { name: `Add the modem on ${tree.byIdPath(byId)}` }).click();
    await expect(page.getByText('Type the dealer PIN of modem-1')).toBeVisible();
    await expect(page.locator('#modem-id')).toHaveValue('modem-1');
    await expect(page.locator('#modem-carrierId')).toHaveValue('nc-demo');
    await expect(page.locator('#modem-path')).toHaveValue(tree.byIdPath(byId));
    await expect(page.locator('#modem-dealerPin')).toBeFocused();
    await page.keyboard.type('1234');
    await page.getByRole('button', { name: 'Save modem' }).click();
    await expect(page.getByText('Modem modem-1 saved; it is being opened.')).toBeVisible();

    // The bank opens it; detection now reports it as the bank's, without opening it again.
    await page.getByRole('link', { name: 'Modems' }).click();
    // Its row on the Modems page: the settings just left may still name it while the page changes.
    await expect(page.getByRole('rowheader', { name: /^modem-1 / })).toBeVisible();
    await expect(page.getByText('Ready')).toBeVisible({ timeout: 20_000 });
    await page.getByRole('link', { name: 'Settings' }).click();
    await page.getByRole('button', { name: 'Detect modems' }).click();
    await expect(found.nth(1)).toContainText('In the bank as modem-1');
    await expect(found.nth(1).getByRole('button', { name: /^Add/ })).toHaveCount(0);
    expect(problems).toEqual([]);
  } finally {
    await unplug();
  }
});
