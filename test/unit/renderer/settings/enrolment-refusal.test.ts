import i18next, { type TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import { enrolmentRefusal } from '../../../../renderer/settings/enrolment-refusal';
import en from '../../../../shared/i18n/en.json';
import fr from '../../../../shared/i18n/fr.json';
import zhCN from '../../../../shared/i18n/zh-CN.json';

async function translator(language: string): Promise<TFunction> {
  return i18next.createInstance().init({
    resources: { en: { translation: en }, fr: { translation: fr }, 'zh-CN': { translation: zhCN } },
    lng: language,
    fallbackLng: false,
    // As the app's (renderer/i18n.ts): React escapes what it shows.
    interpolation: { escapeValue: false },
  });
}

const mismatch = {
  headOfficeZone: 'Pacific/Noumea',
  headOfficeCurrency: 'XPF',
  shopZone: 'Europe/Paris',
  shopCurrency: 'EUR',
};

describe('what the manager reads when the head office does not enrol the shop', () => {
  it.each([
    ['en', 'same code'],
    ['fr', 'même code'],
    ['zh-CN', '同一个登记码'],
  ])('both sides’ zone and currency, and the code still good (%s)', async (language, same) => {
    const words = enrolmentRefusal(await translator(language), {
      reason: 'zone_mismatch',
      ...mismatch,
    });
    for (const value of ['Pacific/Noumea', 'XPF', 'Europe/Paris', 'EUR']) {
      expect(words).toContain(value);
    }
    expect(words).toContain(same);
  });

  it.each([
    ['en', 'new code'],
    ['fr', 'nouveau code'],
    ['zh-CN', '新的登记码'],
  ])('an answer for another zone: nothing kept, a new code needed (%s)', async (language, code) => {
    const words = enrolmentRefusal(await translator(language), {
      reason: 'zone_mismatch_answer',
      ...mismatch,
    });
    expect(words).toContain('Europe/Paris');
    expect(words).toContain(code);
  });

  it('a wrong code, and a shop with no profile yet', async () => {
    const t = await translator('en');
    expect(enrolmentRefusal(t, undefined)).toBe(t('sync.refused'));
    expect(enrolmentRefusal(t, { reason: 'no_profile' })).toContain('time zone and currency');
  });

  it.each([
    ['en', 'try again in 42 s', 'try again later'],
    ['fr', 'réessayez dans 42 s', 'réessayez plus tard'],
    ['zh-CN', '请在 42 秒后重试', '请稍后重试'],
  ])(
    'too many wrong codes from this address: the wait, or later when not said (%s)',
    async (language, wait, later) => {
      const t = await translator(language);
      expect(enrolmentRefusal(t, { reason: 'rate_limited', retryAfter: '42' })).toContain(wait);
      expect(enrolmentRefusal(t, { reason: 'rate_limited' })).toContain(later);
    },
  );
});
