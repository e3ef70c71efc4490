import { describe, expect, it } from 'vitest';
import {
  issuedReceiptSchema,
  receiptContentSchema,
  receiptShopFromProfile,
} from '../../../shared/receipt';
import { saleContent, saleReceipt } from './sale';

function reasons(value: unknown): unknown[] {
  const result = receiptContentSchema.safeParse(value);
  return result.success
    ? []
    : result.error.issues.map(
        (issue) => (issue as { params?: { reason?: string } }).params?.reason ?? issue.code,
      );
}

describe('the receipt model', () => {
  it('accepts the fixed sale, and an issued receipt with its hashes', () => {
    expect(receiptContentSchema.parse(saleContent)).toEqual(saleContent);
    const { copy: _copy, ...issued } = saleReceipt();
    expect(issuedReceiptSchema.parse(issued)).toEqual(issued);
  });

  it('says how much was refunded exactly when a top-up failed and was refunded', () => {
    expect(reasons({ ...saleContent, status: 'failed-refunded' })).toEqual(['refund_required']);
    expect(reasons({ ...saleContent, refundAmount: 5500 })).toEqual(['refund_unexpected']);
    expect(reasons({ ...saleContent, status: 'failed-refunded', refundAmount: 5500 })).toEqual([]);
  });

  it('keeps cash, price and change consistent', () => {
    const payment = { method: 'cash', tendered: 5000, change: 0 };
    expect(reasons({ ...saleContent, payment })).toEqual(['tendered_too_low']);
    expect(reasons({ ...saleContent, payment: { ...payment, tendered: 6000 } })).toEqual([
      'change_mismatch',
    ]);
  });

  it('refuses amounts that are not integers, times that are not UTC, unknown fields', () => {
    expect(reasons({ ...saleContent, price: { amount: 55.5, currency: 'XPF' } })).not.toEqual([]);
    expect(reasons({ ...saleContent, issuedAt: '2025-01-14T14:30:00+11:00' })).not.toEqual([]);
    expect(reasons({ ...saleContent, copy: 1 })).not.toEqual([]);
    expect(reasons({ ...saleContent, deviceId: 'POS 1:2' })).not.toEqual([]);
  });

  it('takes the shop header and footer lines from the shop profile', () => {
    const shop = receiptShopFromProfile({
      name: 'Cagou Mobile',
      address: '12 rue de Sébastopol\r\n\n98800 Nouméa',
      country: 'NC',
      phone: '+687 27 12 34',
      taxId: '1234567.001',
      receiptFooter: 'Merci !\nThank you!',
      timeZone: 'Pacific/Noumea',
      currency: 'XPF',
      defaultLanguage: 'fr',
      idleLockMinutes: 5,
      tillName: '1',
      legalName: '',
    });
    expect(shop).toEqual({
      name: 'Cagou Mobile',
      addressLines: ['12 rue de Sébastopol', '98800 Nouméa'],
      phone: '+687 27 12 34',
      taxId: '1234567.001',
      footerLines: ['Merci !', 'Thank you!'],
    });
  });
});
