import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { _electron as electron, expect, test } from '@playwright/test';

/** The Electron binary, or why there is none (it is not downloadable on the build machines). */
function findElectron(): { path: string } | { reason: string } {
  try {
    const binary = require('electron') as unknown as string;
    if (fs.existsSync(binary)) return { path: binary };
    return { reason: `the Electron binary ${binary} is missing` };
  } catch (error) {
    return {
      reason: `no Electron binary here (installed with ELECTRON_SKIP_BINARY_DOWNLOAD=1): ${
        (error as Error).message.split('\n')[0]
      }`,
    };
  }
}

const found = findElectron();

test('the desktop app opens its locked-down window on the settings page', async () => {
  test.skip('reason' in found, 'reason' in found ? found.reason : '');
  if (!('path' in found)) return;
  const userData = fs.mkdtempSync(path.join(os.tmpdir(), 'comptoir-electron-'));
  const app = await electron.launch({
    executablePath: found.path,
    args: [
      path.resolve(__dirname, '../../out/main/main.js'),
      '--demo',
      `--user-data-dir=${userData}`,
    ],
  });
  try {
    const page = await app.firstWindow();
    await expect(page.getByTestId('demo-banner')).toBeVisible();
    expect(page.url()).toMatch(/^app:\/\/comptoir\//);
    // Runs in the page, which this Node-side file has no DOM types for.
    type PageGlobals = {
      comptoir: object;
      require?: unknown;
      process?: unknown;
      open(url: string): unknown;
      location: { href: string };
    };
    const exposed = await page.evaluate(() => {
      const page = globalThis as unknown as PageGlobals;
      return {
        bridge: Object.keys(page.comptoir).sort(),
        require: typeof page.require,
        process: typeof page.process,
        popup: page.open('https://example.com/') === null,
      };
    });
    expect(exposed).toEqual({
      bridge: ['invoke', 'subscribe'],
      require: 'undefined',
      process: 'undefined',
      popup: true,
    });
    await page.evaluate(() => {
      (globalThis as unknown as PageGlobals).location.href = 'https://example.com/';
    });
    await expect(page.getByTestId('demo-banner')).toBeVisible();
    expect(page.url()).toMatch(/^app:\/\/comptoir\//);
  } finally {
    await app.close();
    fs.rmSync(userData, { recursive: true, force: true });
  }
});
