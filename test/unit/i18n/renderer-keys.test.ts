import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const root = join(dirname(fileURLToPath(import.meta.url)), '../../..');

/**
 * A screen as the renderer writes them, type-checked with the renderer's settings: every key
 * English has is taken, and each line marked `refused` must be refused by the type check.
 */
const probe = `
import { useTranslation } from 'react-i18next';
import type { TranslationKey } from './i18n';

const label: TranslationKey = 'nav.counter';
// refused: a navigation entry whose key English lacks
const lost: TranslationKey = 'nav.nowhere';
const status = 'sending' as 'sending' | 'lost';

export function Probe() {
  const { t } = useTranslation();
  const { t: say } = useTranslation('translation', { keyPrefix: 'day.report' });
  return [
    t('app.name'),
    t(label),
    t(lost),
    t('signIn.locked', { count: 2 }),
    say('net'),
    // refused: a key English lacks
    t('app.nowhere'),
    // refused: a key built at run time from a value that has no text
    t(\`sales.status.\${status}\`),
    // refused: a key under a prefix that English lacks there
    say('nowhere'),
  ];
}
`;

function typeCheck(source: string) {
  const config = ts.getParsedCommandLineOfConfigFile(
    join(root, 'tsconfig.web.json'),
    {},
    { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => {} },
  );
  if (!config) throw new Error('tsconfig.web.json cannot be read');
  // The probe sits in renderer/ (in memory only), so it imports what a screen imports.
  const file = join(root, 'renderer', 'keys-probe.tsx');
  const host = ts.createCompilerHost(config.options);
  const readFile = host.readFile.bind(host);
  const getSourceFile = host.getSourceFile.bind(host);
  host.readFile = (name) => (name === file ? source : readFile(name));
  host.fileExists = (name) => name === file || ts.sys.fileExists(name);
  host.getSourceFile = (name, language, ...rest) =>
    name === file
      ? ts.createSourceFile(name, source, language)
      : getSourceFile(name, language, ...rest);
  const declarations = config.fileNames.filter((name) => name.endsWith('.d.ts'));
  const program = ts.createProgram([file, ...declarations], config.options, host);
  const lines = new Set<number>();
  for (const diagnostic of ts.getPreEmitDiagnostics(program)) {
    if (diagnostic.file?.fileName !== file) continue;
    lines.add(diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start ?? 0).line);
  }
  return [...lines].sort((a, b) => a - b);
}

describe('the renderer’s translation keys', () => {
  // A whole type check of the renderer: seconds alone, more on a busy machine.
  it('are refused by the type check when English lacks them, even when built at run time', {
    timeout: 90_000,
  }, () => {
    const lines = probe.split('\n');
    const refused = lines.flatMap((_, line) =>
      lines[line - 1]?.trim().startsWith('// refused') ? [line] : [],
    );
    expect(refused).toHaveLength(4);
    expect(typeCheck(probe)).toEqual(refused);
  });
});
