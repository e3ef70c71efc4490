import { describe, expect, it } from 'vitest';
import { splitText } from '../../../electron/gsm/codecs';
import { receiptSmsText } from '../../../electron/printing/receipt-sms';
import { saleReceipt, translations } from './sale';

const t = translations();
const parts = (text: string) => splitText(text);

describe('a receipt as an SMS to the customer', () => {
  it.each([
    ['en', 'Cagou Mobile. Receipt 42: Travel 10 GB topped up, valid 30 days. Ref. TX88231'],
    ['fr', 'Cagou Mobile. Ticket 42 : Travel 10 GB rechargé, valable 30 jours. Réf. TX88231'],
    ['zh-CN', 'Cagou Mobile 收据42：Travel 10 GB已充值，有效期30天。参考号TX88231'],
  ] as const)(
    'says the plan, validity, reference and receipt number in %s, in one part',
    (language, text) => {
      const sms = receiptSmsText(saleReceipt('en'), t, language);
      expect(sms).toBe(text);
      expect(parts(sms)).toHaveLength(1);
    },
  );

  it('stays in the GSM alphabet in French (160 characters a part), UCS2 only for Chinese', () => {
    expect(parts(receiptSmsText(saleReceipt('fr'), t, 'fr'))[0]?.alphabet).toBe('gsm7');
    expect(parts(receiptSmsText(saleReceipt('en'), t, 'zh-CN'))[0]?.alphabet).toBe('ucs2');
  });

  it('says a failed top-up was refunded, with plain spaces in the amount', () => {
    const failed = saleReceipt('fr', {
      status: 'failed-refunded',
      refundAmount: 10_500,
      carrierReference: null,
    });
    expect(receiptSmsText(failed, t, 'fr')).toBe(
      'Cagou Mobile. Ticket 42 : Travel 10 GB non rechargé, 10 500 XPF remboursé.',
    );
  });

  it('says a pending top-up is being checked', () => {
    const pending = saleReceipt('en', { status: 'pending-verification', carrierReference: null });
    expect(receiptSmsText(pending, t, 'en')).toBe(
      'Cagou Mobile. Receipt 42: Travel 10 GB top-up being checked, the shop will tell you.',
    );
  });

  it('leaves the shop’s name out rather than send two parts', () => {
    const longName = saleReceipt('en', {
      shop: { ...saleReceipt().shop, name: 'Boutique des cartes SIM de voyage de Nouméa' },
    });
    const sms = receiptSmsText(longName, t, 'zh-CN');
    expect(sms).toBe('收据42：Travel 10 GB已充值，有效期30天。参考号TX88231');
    expect(parts(sms)).toHaveLength(1);
  });
});
