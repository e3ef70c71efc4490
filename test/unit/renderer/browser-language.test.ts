import { describe, expect, it } from 'vitest';
import { browserLanguage } from '../../../renderer/browser-language';

describe('the language of a screen shown before the shop’s is known (a tablet to pair)', () => {
  it.each([
    [['fr-FR', 'en'], 'fr'],
    [['en-AU'], 'en'],
    [['zh-TW', 'fr'], 'zh-CN'],
    [['zh'], 'zh-CN'],
    [['ja-JP', 'en-US'], 'en'],
  ])('is the first the browser prefers that the interface has (%j)', (preferred, language) => {
    expect(browserLanguage(preferred)).toBe(language);
  });

  it('is French when the browser prefers none of them: the first market’s', () => {
    expect(browserLanguage(['ja-JP', 'ko'])).toBe('fr');
    expect(browserLanguage([])).toBe('fr');
  });
});
