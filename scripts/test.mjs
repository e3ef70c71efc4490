// `npm test`: every check the project has, in order, then one summary line that CI reads:
// "N passed, N failed, N skipped". A check that fails does not stop the others, so one run
// shows everything that is wrong; the exit code is non-zero if anything failed. A missing system
// part stops it first, in one line, rather than as a browser or pseudo-terminal error later.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fontconfigFonts, missingLine, missingParts } from './system-parts.mjs';

const missing = missingParts({ env: process.env, listFonts: fontconfigFonts(process.env) });
if (missing.length > 0) {
  console.log(missingLine(missing));
  console.log('\n0 passed, 1 failed, 0 skipped');
  process.exit(1);
}

const root = path.resolve(import.meta.dirname, '..');
const reports = path.join(root, '.test-reports');
fs.rmSync(reports, { recursive: true, force: true });
fs.mkdirSync(reports, { recursive: true });

const bin = (name) => path.join(root, 'node_modules', '.bin', name);

function run(label, command, args) {
  console.log(`\n=== ${label}: ${path.basename(command)} ${args.join(' ')}`);
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit' });
  const ok = result.status === 0;
  console.log(`=== ${label}: ${ok ? 'ok' : `FAILED (exit ${result.status ?? result.signal})`}`);
  return ok;
}

function readJson(file) {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
}

const totals = { passed: 0, failed: 0, skipped: 0 };
const failedSteps = [];

for (const [label, command, args] of [
  ['typecheck', bin('tsc'), ['-p', 'tsconfig.json']],
  ['typecheck (renderer)', bin('tsc'), ['-p', 'tsconfig.web.json']],
  ['lint', bin('biome'), ['check', '.']],
  ['build', bin('electron-vite'), ['build']],
]) {
  if (run(label, command, args)) totals.passed += 1;
  else {
    totals.failed += 1;
    failedSteps.push(label);
  }
}

const vitestReport = path.join(reports, 'vitest.json');
const vitestOk = run('unit and integration tests', bin('vitest'), [
  'run',
  '--reporter=default',
  '--reporter=json',
  `--outputFile.json=${vitestReport}`,
]);
const vitest = readJson(vitestReport);
if (vitest) {
  totals.passed += vitest.numPassedTests;
  totals.failed += vitest.numFailedTests;
  totals.skipped += vitest.numPendingTests + vitest.numTodoTests;
}
if (!vitestOk && (!vitest || vitest.numFailedTests === 0)) {
  totals.failed += 1;
  failedSteps.push('vitest (did not report its tests)');
}

const playwrightOk = run('browser and Electron tests', bin('playwright'), ['test']);
const playwright = readJson(path.join(reports, 'playwright.json'));
if (playwright) {
  totals.passed += playwright.stats.expected + playwright.stats.flaky;
  totals.failed += playwright.stats.unexpected;
  totals.skipped += playwright.stats.skipped;
}
if (!playwrightOk && (!playwright || playwright.stats.unexpected === 0)) {
  totals.failed += 1;
  failedSteps.push('playwright (did not report its tests)');
}

if (failedSteps.length > 0) console.log(`\nFailed checks: ${failedSteps.join(', ')}`);
console.log(`\n${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(totals.failed > 0 ? 1 : 0);
