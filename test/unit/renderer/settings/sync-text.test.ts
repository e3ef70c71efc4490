import i18next, { type TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import { refusedFactText, stuckReason } from '../../../../renderer/settings/sync-text';
import en from '../../../../shared/i18n/en.json';
import fr from '../../../../shared/i18n/fr.json';
import zhCN from '../../../../shared/i18n/zh-CN.json';

async function translator(language: string): Promise<TFunction> {
  return i18next.createInstance().init({
    resources: { en: { translation: en }, fr: { translation: fr }, 'zh-CN': { translation: zhCN } },
    lng: language,
    fallbackLng: false,
    interpolation: { escapeValue: false },
  });
}

/** A profile whose plan another carrier sells, as the catalog follower keeps it. */
const clash = {
  version: 4,
  kind: 'carrierProfile',
  code: 'plan_of_another_carrier',
  issues: [
    {
      path: 'plans.0.id',
      code: 'plan_of_another_carrier',
      message: 'The plan id 1go is already a plan of NC Demo',
      params: { plan: '1go', carrier: 'NC Demo' },
    },
  ],
  message: 'The plan id 1go is already a plan of NC Demo',
};

describe('a catalog change stuck, in the manager’s language', () => {
  it.each([
    ['en', '1go: This plan id already belongs to another carrier.'],
    ['fr', '1go : Cet identifiant de forfait appartient déjà à un autre opérateur.'],
    ['zh-CN', '1go：此套餐编号已属于另一家运营商。'],
  ])('names the plan and says why as the carrier editor does (%s)', async (language, words) => {
    const t = await translator(language);
    expect(stuckReason(t, clash)).toBe(words);
    const sentence = t('sync.status.stuck', { version: 4, message: stuckReason(t, clash) });
    expect(sentence).toContain(words);
    if (language !== 'en') expect(sentence).not.toContain(clash.message);
  });

  it.each([
    ['en', 'no folder for the shop’s carrier profiles'],
    ['fr', 'pas de dossier pour les profils d’opérateurs'],
    ['zh-CN', '没有存放门店运营商配置的文件夹'],
  ])('words a refusal of no field by its code (%s)', async (language, words) => {
    const t = await translator(language);
    const stuck = { version: 2, kind: 'carrierProfile', code: 'no_shop_folder', message: 'x' };
    expect(stuckReason(t, stuck)).toContain(words);
  });

  it.each([
    ['en', 'in another currency than the shop’s (XPF)'],
    ['fr', 'dans une autre monnaie que celle de la boutique (XPF)'],
    ['zh-CN', '不是门店的货币（XPF）'],
  ])('says a profile in another currency is not the shop’s (%s)', async (language, words) => {
    const t = await translator(language);
    const message = 'The shop counts in XPF, not EUR';
    const stuck = {
      version: 3,
      kind: 'carrierProfile',
      code: 'foreign_currency',
      issues: [
        { path: 'currency', code: 'foreign_currency', message, params: { currency: 'XPF' } },
      ],
      message,
    };
    expect(stuckReason(t, stuck)).toContain(words);
    if (language !== 'en') expect(stuckReason(t, stuck)).not.toContain('currency');
  });

  it('keeps the English message for a failure it has no words for (and from an older hub)', async () => {
    const t = await translator('fr');
    const message = 'ENOSPC: no space left on device';
    expect(stuckReason(t, { version: 2, kind: 'carrierProfile', code: 'failed', message })).toBe(
      message,
    );
    expect(stuckReason(t, { version: 2, kind: 'carrierProfile', message })).toBe(message);
  });
});

describe('a fact the head office refuses, in the manager’s language', () => {
  const refused = {
    id: '019af7c2-1d00-7000-8000-000000000001',
    kind: 'refund',
    recordedAt: '2026-12-07T08:00:00.000Z',
    at: '2026-12-07T09:00:00.000Z',
    issues: [
      { path: 'payload.reason', code: 'invalid_string', message: 'a NUL character' },
      { path: 'payload.reason', code: 'invalid_string', message: 'half a character' },
      { path: 'payload.note', code: 'unrecognized_keys', message: 'Unrecognized key: "note"' },
      { path: 'payload.saleId', code: 'invalid_format', message: 'Invalid string: must match' },
      { path: 'payload.amount', code: 'custom', message: 'Invalid input' },
    ],
  };
  // The shop's zone is the screen's: here a fixed text for the instant.
  const when = (instant: string) => (instant === refused.recordedAt ? '07/12/2026 19:00' : '?');

  it.each([
    [
      'en',
      'a refund',
      [
        'payload.reason: a text holding a character the head office cannot store.',
        'payload.note: a field the head office does not know.',
        'payload.saleId: not in the form the head office takes.',
        'payload.amount: Invalid value.',
      ],
      'The facts after it wait behind it',
    ],
    [
      'fr',
      'un remboursement',
      [
        'payload.reason : un texte contenant un caractère que le siège ne peut pas stocker.',
        'payload.note : un champ que le siège ne connaît pas.',
        'payload.saleId : pas dans la forme que le siège accepte.',
        'payload.amount : Valeur non valable.',
      ],
      'Les faits suivants attendent derrière lui',
    ],
    [
      'zh-CN',
      '一笔退款',
      [
        'payload.reason：文本中含有总部无法保存的字符。',
        'payload.note：含有总部不认识的字段。',
        'payload.saleId：格式不是总部接受的格式。',
        'payload.amount：无效的值。',
      ],
      '之后的记录都排在它后面等待',
    ],
  ])(
    'says which fact, when it was written, why, and that the facts after it wait (%s)',
    async (language, kind, reasons, waiting) => {
      const t = await translator(language);
      const text = refusedFactText(t, refused, when);
      expect(text.summary).toContain(kind);
      expect(text.summary).toContain(refused.id);
      expect(text.summary).toContain('07/12/2026 19:00');
      expect(text.summary).toContain(waiting);
      // A code the screen has no words of the head office for is worded as any form words it.
      expect(text.reasons).toEqual(reasons);
    },
  );

  it.each([
    ['fr', 'un fait'],
    ['zh-CN', '一条记录'],
  ])('names a kind of fact it has no word for by a generic one (%s)', async (language, word) => {
    const t = await translator(language);
    const text = refusedFactText(t, { ...refused, kind: 'stockTransfer' }, when);
    expect(text.summary).toContain(word);
    expect(text.summary).not.toContain('stockTransfer');
    for (const reason of text.reasons) {
      for (const issue of refused.issues) expect(reason).not.toContain(issue.message);
    }
  });
});
