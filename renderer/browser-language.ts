import { isLanguage, type Language } from '../shared/languages';

/**
 * The interface's language closest to what a browser prefers (`navigator.languages`), for a
 * screen shown before the shop's default is known: French where nothing matches (the first
 * market's).
 */
export function browserLanguage(preferred: readonly string[]): Language {
  for (const tag of preferred) {
    const base = tag.toLowerCase().split('-')[0];
    if (base === 'zh') return 'zh-CN';
    if (isLanguage(base)) return base;
  }
  return 'fr';
}
