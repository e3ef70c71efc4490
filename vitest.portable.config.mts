// The unit and integration tests that run on any system (the release workflow runs them on
// Windows, macOS and Linux): all of them but the files below, which need a Linux-only part.
// test/unit/project/portable-tests.test.ts checks that every test using one is listed here.
import { configDefaults, defineConfig, mergeConfig } from 'vitest/config';
import base from './vitest.config.mjs';

export const linuxOnly = [
  // Simulated modems and serial printers on pseudo-terminals made by socat.
  'test/integration/gsm/link.test.ts',
  'test/integration/gsm/simulator/**',
  'test/integration/printers/network-and-serial.test.ts',
  'test/integration/api/modem-settings.test.ts',
  'test/integration/sales/crash.test.ts',
  'test/integration/cli/modem.test.ts',
  'test/integration/cli/serve-stop.test.ts',
  'test/integration/bank/detect.test.ts',
  'test/integration/bank/open-bank.test.ts',
  'test/integration/bank/sim-binding.test.ts',
  'test/integration/sales/late-answer.test.ts',
  'test/integration/sales/stale-answer.test.ts',
  'test/integration/sales/reroute-on-pty.test.ts',
  // PDFs made by the host's Chromium and read back with pdftotext (poppler).
  'test/integration/printers/documents.test.ts',
  'test/integration/printers/legal-receipts.test.ts',
  'test/integration/api/day-documents.test.ts',
  'test/integration/api/printing.test.ts',
  'test/integration/printers/a4-documents.test.ts',
  'test/integration/periods/closures.test.ts',
  // The kernel's serial ports, read from a tree laid out like /sys.
  'test/integration/bank/ports.test.ts',
  // HiLink sticks' network interfaces, read from a tree laid out like /sys (with symlinks).
  'test/integration/gsm/hilink/detect.test.ts',
  // Executable bits on PATH and Debian's packages.
  'test/unit/project/system-parts.test.ts',
  // The head office's PostgreSQL, a cluster run by Debian's programs (as `postgres` under root).
  'test/integration/hq/**',
  'test/integration/cli/hq-serve.test.ts',
  // A chain of shops and its head office on that PostgreSQL, with shops run by the built CLI.
  'test/integration/chain/**',
];

// Without the run's PostgreSQL (test/support/postgres-global.ts): no test left here asks for it.
const { globalSetup: _postgres, ...baseTest } = base.test ?? {};

export default mergeConfig(
  { ...base, test: baseTest },
  defineConfig({ test: { exclude: [...configDefaults.exclude, ...linuxOnly] } }),
);
