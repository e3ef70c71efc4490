import i18next, { type TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import { describeError, describeSaleError } from '../../../renderer/errors';
import { ApiError } from '../../../shared/api/errors';
import en from '../../../shared/i18n/en.json';
import fr from '../../../shared/i18n/fr.json';
import zhCN from '../../../shared/i18n/zh-CN.json';

async function translator(language: string): Promise<TFunction> {
  return i18next.createInstance().init({
    resources: { en: { translation: en }, fr: { translation: fr }, 'zh-CN': { translation: zhCN } },
    lng: language,
    fallbackLng: false,
  });
}

describe('what the clerk reads for a refused call', () => {
  it.each([
    ['en', 'Try again in 3 s'],
    ['fr', 'Réessayez dans 3 s'],
    ['zh-CN', '3 秒后重试'],
  ])('a sale still being sent, with when to try again (%s)', async (language, expected) => {
    const t = await translator(language);
    const busy = new ApiError('in_progress', 'Sale 4 is still being sold', undefined, {
      retryAfter: 3,
    });
    expect(describeError(t, busy)).toContain(expected);
  });

  it.each([
    ['en', undefined, 'A top-up for this number is being sent at Counter 1.'],
    ['fr', undefined, 'en cours d’envoi à Counter 1. Rien n’a été vendu ici'],
    ['zh-CN', undefined, 'Counter 1 正在为此号码发送充值'],
    ['en', 'unknown', 'sent at Counter 1 has no outcome yet'],
    ['fr', 'unknown', 'envoyée à Counter 1 n’a pas encore de résultat'],
    ['zh-CN', 'unknown', '在 Counter 1 发送的充值尚无结果'],
  ])('a number held at another till, named (%s, %s)', async (language, status, expected) => {
    const t = await translator(language);
    const held = new ApiError('number_busy', 'Held', undefined, {
      till: 'Counter 1',
      ...(status ? { status } : {}),
    });
    expect(describeError(t, held)).toContain(expected);
  });

  it.each([
    ['en', 'float', 'has float enough for this plan'],
    ['fr', 'float', 'assez de crédit pour ce forfait'],
    ['zh-CN', 'float', '余额足够'],
    ['en', 'cap', 'reached its daily cap'],
    ['fr', 'cap', 'plafond du jour'],
    ['zh-CN', 'cap', '今日上限'],
  ])(
    'no dealer SIM able to send the top-up, and why (%s, %s)',
    async (language, reason, expected) => {
      const t = await translator(language);
      const refused = new ApiError('no_modem', 'No dealer SIM', undefined, { reason });
      expect(describeError(t, refused)).toContain(expected);
    },
  );

  it.each([
    ['en', 'No modem of this carrier is free'],
    ['fr', 'Aucun modem de cet opérateur'],
    ['zh-CN', '没有空闲的调制解调器'],
  ])(
    'no modem free for an SMS, in the clerk’s language, never the English message (%s)',
    async (language, expected) => {
      const t = await translator(language);
      const busy = new ApiError('no_modem', 'No modem of nc-demo was free to send the SMS');
      expect(describeError(t, busy)).toContain(expected);
      if (language !== 'en') expect(describeError(t, busy)).not.toContain('was free');
    },
  );

  it.each([
    ['en', 'tick “A cash drawer'],
    ['fr', 'cochez « Un tiroir-caisse'],
    ['zh-CN', '钱箱'],
  ])('no printer with a cash drawer, with where to set one (%s)', async (language, expected) => {
    const t = await translator(language);
    const none = new ApiError('invalid_input', 'No printer has a cash drawer', [
      { path: 'printer', code: 'no_cash_drawer', message: 'No printer has a cash drawer' },
    ]);
    expect(describeError(t, none)).toContain(expected);
  });

  it.each([
    ['en', 'Amounts are in XPF'],
    ['fr', 'Les montants sont en XPF'],
    ['zh-CN', 'XPF'],
  ])(
    'money in a currency that is not the shop’s, said in the clerk’s language (%s)',
    async (language, expected) => {
      const t = await translator(language);
      const foreign = new ApiError('invalid_input', 'The shop counts in XPF, not EUR', [
        {
          path: 'float.currency',
          code: 'foreign_currency',
          message: 'The shop counts in XPF, not EUR',
          params: { currency: 'XPF' },
        },
      ]);
      const text = describeError(t, foreign);
      expect(text).toContain(expected);
      expect(text).not.toContain('not EUR');
    },
  );

  it.each([
    ['en', 'unpaired on the hub', 'wrong, expired or already used'],
    ['fr', 'désappairé sur le hub', 'faux, expiré ou déjà utilisé'],
    ['zh-CN', '已在主机上被取消配对', '错误、已过期或已被使用'],
  ])(
    'a counter the hub does not know, a pairing code refused (%s)',
    async (language, unpaired, refused) => {
      const t = await translator(language);
      expect(describeError(t, new ApiError('device_unpaired', 'not paired'))).toContain(unpaired);
      expect(describeError(t, new ApiError('pairing_refused', 'no such code'))).toContain(refused);
    },
  );

  it.each([
    ['en', 'The hub cannot be reached'],
    ['fr', 'Le hub est injoignable'],
    ['zh-CN', '无法连接主机'],
  ])('a sale whose hub is out of reach, in the hub’s words (%s)', async (language, expected) => {
    const t = await translator(language);
    const gone = new ApiError('unreachable', 'connect ECONNREFUSED');
    expect(describeSaleError(t, gone)).toContain(expected);
    expect(describeError(t, gone)).not.toContain(expected);
  });
});
