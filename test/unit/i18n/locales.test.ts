import { describe, expect, it } from 'vitest';
import en from '../../../shared/i18n/en.json';
import fr from '../../../shared/i18n/fr.json';
import zhCN from '../../../shared/i18n/zh-CN.json';
import { languages } from '../../../shared/languages';

const locales: Record<string, unknown> = { en, fr, 'zh-CN': zhCN };

/** Every key path with the interpolation variables its text uses. */
function entries(tree: unknown, prefix = ''): Map<string, string[]> {
  const found = new Map<string, string[]>();
  for (const [key, value] of Object.entries(tree as Record<string, unknown>)) {
    const name = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') {
      found.set(
        name,
        [...value.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1] as string).sort(),
      );
    } else {
      for (const [inner, variables] of entries(value, name)) found.set(inner, variables);
    }
  }
  return found;
}

describe('the translations', () => {
  it('exist for every language of the interface', () => {
    expect(Object.keys(locales).sort()).toEqual([...languages].sort());
  });

  const reference = entries(en);

  it.each(['fr', 'zh-CN'])('%s has exactly the keys of English', (language) => {
    expect([...entries(locales[language]).keys()].sort()).toEqual([...reference.keys()].sort());
  });

  it.each(['fr', 'zh-CN'])('%s uses the same placeholders as English', (language) => {
    for (const [key, variables] of entries(locales[language])) {
      expect({ key, variables }).toEqual({ key, variables: reference.get(key) });
    }
  });

  it.each(['en', 'fr', 'zh-CN'])('%s has no empty text', (language) => {
    for (const [key] of entries(locales[language])) {
      const text = key
        .split('.')
        .reduce<unknown>((node, part) => (node as never)[part], locales[language]);
      expect({ key, empty: (text as string).trim() === '' }).toEqual({ key, empty: false });
    }
  });
});
