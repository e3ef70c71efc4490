import { defineConfig } from '@playwright/test';
import { headlessChromiumArgs } from './electron/printers/host-documents';

export default defineConfig({
  timeout: 60_000,
  expect: { timeout: 10_000 },
  workers: 1,
  reporter: [['list'], ['json', { outputFile: '.test-reports/playwright.json' }]],
  use: { trace: 'retain-on-failure' },
  projects: [
    {
      name: 'chromium',
      testDir: 'test/e2e',
      use: {
        browserName: 'chromium',
        // Debian's Chromium: Playwright's own browser download is unreachable on these machines.
        launchOptions: {
          executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
          args: headlessChromiumArgs,
        },
      },
    },
    { name: 'electron', testDir: 'test/electron' },
  ],
});
