import type { Language } from '../../../shared/languages';
import type { Receipt } from '../../../shared/receipt';
import { taxOfTotal } from '../../../shared/tax';
import { saleContent, saleReceipt } from './sale';

/**
 * The fixed sale's receipt as a New Caledonian shop issues it now: French first (délibération
 * 14/2004 art. 46), the customer's `language` under it, the legal name, one item and the TGC at
 * 11 %.
 */
export function legalReceipt(language: Language): Receipt {
  return saleReceipt(language, {
    legalLanguage: 'fr',
    shop: { ...saleContent.shop, legalName: 'Cagou Mobile SARL' },
    quantity: 1,
    taxes: [taxOfTotal(5500, 1100)],
  });
}

/**
 * What art. 46 wants read on the fixed sale's legal receipt, each as a line reads once runs of
 * spaces are one space: the seller's sign, legal name, address and RIDET, the number, date and
 * time, the item with its quantity and unit price, the totals before and after tax, the tax's
 * nature, rate and amount, the till and the clerk.
 */
export function art46Lines(language: 'fr' | 'zh-CN'): string[] {
  const zh = (french: string, chinese: string) =>
    language === 'zh-CN' ? `${french} / ${chinese}` : french;
  return [
    'Cagou Mobile',
    'Cagou Mobile SARL',
    '12 rue de Sébastopol',
    '98800 Nouméa',
    'RIDET/SIRET 1234567.001',
    `${zh('Reçu', '收据')} N° 42`,
    `${zh('Date', '日期')} 14 janv. 2025`,
    `${zh('Heure', '时间')} 14:30`,
    `${zh('Forfait', '套餐')} Travel 10 GB`,
    `${zh('Qté x PU', '数量 x 单价')} 1 x 5 500 XPF`,
    `${zh('Total HT', '不含税合计')} 4 955 XPF`,
    'TGC 11 % 545 XPF',
    `${zh('Total TTC', '含税合计')} 5 500 XPF`,
    `${zh('Caisse', '收银机')} POS-1`,
    `${zh('Vendeur', '收银员')} Marie`,
  ];
}

/**
 * A printed document's lines as art46Lines spells them: every kind of space (Intl puts narrow
 * no-break ones in amounts) one space, the multiplication sign as the x an ESC/POS printer gets,
 * and a space after the slash between two languages (pdftotext drops it before a wide character).
 */
export function readableLines(text: string): string[] {
  return text
    .split('\n')
    .map((line) =>
      line
        .replaceAll('×', 'x')
        .replace(/[\s\u00a0\u2007\u2009\u202f]+/g, ' ')
        .replaceAll(' /', ' / ')
        .replace(/ {2}/g, ' ')
        .trim(),
    )
    .filter((line) => line !== '');
}
