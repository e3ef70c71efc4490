import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { saleCauseLines } from '../../../../renderer/components/sale-cause-lines';
import en from '../../../../shared/i18n/en.json';
import fr from '../../../../shared/i18n/fr.json';
import zhCN from '../../../../shared/i18n/zh-CN.json';
import { type SaleCause, type SaleCauseCode, saleCauseCodes } from '../../../../shared/sale-cause';

const languages = { en, fr, 'zh-CN': zhCN } as const;
type Language = keyof typeof languages;

/** What the clerk reads for a cause (SaleCauseText draws these lines), in `language`. */
async function rendered(language: Language, cause: SaleCause): Promise<string> {
  const t = await i18next.createInstance().init({
    resources: { en: { translation: en }, fr: { translation: fr }, 'zh-CN': { translation: zhCN } },
    lng: language,
    fallbackLng: false,
    interpolation: { escapeValue: false },
  });
  return saleCauseLines(t, cause).join('\n');
}

const cause = (
  code: SaleCauseCode,
  carrierText: string | null = null,
  retryAfterSeconds: number | null = null,
): SaleCause => ({ code, carrierText, retryAfterSeconds });

const entry = (language: Language, group: 'why' | 'todo', code: SaleCauseCode) =>
  languages[language].saleCause[group][code];

describe('why a sale failed, in the clerk’s language', () => {
  describe.each<Language>(['fr', 'zh-CN'])('in %s', (language) => {
    it.each(saleCauseCodes)('%s: why, then what to do, in that language', async (code) => {
      const text = await rendered(language, cause(code));
      expect(text).toBe(`${entry(language, 'why', code)}\n${entry(language, 'todo', code)}`);
      // Never the code, never the English words.
      expect(text).not.toContain(code);
      expect(text).not.toContain(en.saleCause.why[code]);
    });
  });

  it.each<[Language, string]>([
    ['fr', 'L’opérateur a dit : « Numéro client 687111111 inconnu. »'],
    ['zh-CN', '运营商回复：“Numéro client 687111111 inconnu.”'],
  ])('shows the carrier’s own words as they are (%s)', async (language, said) => {
    const text = await rendered(
      language,
      cause('unknown_number', 'Numéro client 687111111 inconnu.'),
    );
    expect(text.split('\n')).toEqual([
      entry(language, 'why', 'unknown_number'),
      said,
      entry(language, 'todo', 'unknown_number'),
    ]);
  });

  it.each<[Language, string]>([
    ['fr', 'Le responsable a écrit : « Client rappelé »'],
    ['zh-CN', '经理备注：“Client rappelé”'],
  ])('says a manager’s words are theirs (%s)', async (language, said) => {
    const text = await rendered(language, cause('settled_by_hand', 'Client rappelé'));
    expect(text.split('\n')[1]).toBe(said);
  });

  it.each<[Language, string]>([
    ['fr', 'Un modem devrait se libérer dans 25 s environ.'],
    ['zh-CN', '大约 25 秒后会有空闲的调制解调器。'],
  ])('says when a modem should be free (%s)', async (language, freeIn) => {
    const text = await rendered(language, cause('no_modem_free', null, 25));
    expect(text.split('\n')).toEqual([
      entry(language, 'why', 'no_modem_free'),
      freeIn,
      entry(language, 'todo', 'no_modem_free'),
    ]);
    // A modem already free says nothing of a wait.
    const freeNow = await rendered(language, cause('no_modem_free', null, 0));
    expect(freeNow.split('\n')).toHaveLength(2);
  });
});
