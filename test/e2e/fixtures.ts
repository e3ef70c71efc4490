import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test as base } from '@playwright/test';
import { type ServedHost, serve } from './host';

export { expect } from '@playwright/test';

interface ShopFixtures {
  /** A folder of the test's own, for its database and the files it prints; removed after. */
  folder: string;
  /** Starts `comptoir serve` on a database; every host a test started is stopped after it. */
  serveShop(
    databaseFile: string,
    extra?: string[],
    env?: Record<string, string>,
  ): Promise<ServedHost>;
  /** The demo shop, served on `demo.sqlite` in the test's folder. */
  demoShop: ServedHost;
  /**
   * What the page reported as an error, but for Playwright's trace recorder, which tries to run
   * in the receipt's frame and is refused. Chromium logs every refused call (4xx, 5xx) here too:
   * a test leaves out the ones it causes on purpose when it checks.
   */
  problems: string[];
}

export const test = base.extend<ShopFixtures>({
  // biome-ignore lint/correctness/noEmptyPattern: Playwright reads a fixture's needs from this pattern
  folder: async ({}, use) => {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'comptoir-e2e-'));
    await use(folder);
    fs.rmSync(folder, { recursive: true, force: true });
  },
  // biome-ignore lint/correctness/noEmptyPattern: as above
  serveShop: async ({}, use) => {
    const hosts: ServedHost[] = [];
    await use(async (databaseFile, extra, env) => {
      const host = await serve(databaseFile, extra, env);
      hosts.push(host);
      return host;
    });
    for (const host of hosts) await host.stop();
  },
  demoShop: async ({ folder, serveShop }, use) => {
    await use(await serveShop(path.join(folder, 'demo.sqlite'), ['--demo']));
  },
  problems: async ({ page }, use) => {
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(error.message));
    page.on('console', (message) => {
      const recorder = message.text().startsWith("Blocked script execution in 'about:srcdoc'");
      if (message.type() === 'error' && !recorder) problems.push(message.text());
    });
    await use(problems);
  },
});
