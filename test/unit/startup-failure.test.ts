import { describe, expect, it } from 'vitest';
import { receiptTranslations } from '../../electron/printing/translations';
import { languageOfLocale, startupFailureNotice } from '../../electron/startup-failure';

describe('the desktop app cannot start', () => {
  it.each([
    ['fr-NC', 'fr'],
    ['fr', 'fr'],
    ['zh-CN', 'zh-CN'],
    ['zh-Hans-CN', 'zh-CN'],
    ['zh_TW', 'zh-CN'],
    ['en-AU', 'en'],
    ['ja-JP', 'en'],
    ['', 'en'],
  ])('speaks the language of the system locale %j (%s)', (locale, language) => {
    expect(languageOfLocale(locale)).toBe(language);
  });

  it("says why, in the user's language, with the reason the core gave", () => {
    const t = receiptTranslations();
    const error = new Error('This database was written by a newer Comptoir (schema 14)');
    const fr = startupFailureNotice(t, 'fr-NC', error);
    expect(fr.title).toBe('Comptoir n’a pas pu démarrer');
    expect(fr.message).toContain('Rien n’a été vendu ni modifié');
    expect(fr.message).toContain('schema 14');
    const zh = startupFailureNotice(
      t,
      'zh-CN',
      "disk full at /home/shop/.config/Comptoir & 'backups'",
    );
    expect(zh.title).toBe('Comptoir 无法启动');
    // A dialog is plain text: the reason is shown as it is, not escaped for HTML.
    expect(zh.message).toContain("disk full at /home/shop/.config/Comptoir & 'backups'");
    expect(startupFailureNotice(t, 'en-US', error).message).toMatch(
      /^Comptoir stopped before opening its window: This database was written by a newer Comptoir/,
    );
  });
});
