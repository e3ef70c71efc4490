import { describe, expect, it } from 'vitest';
import { dayDiffers } from '../../../../renderer/head-office/z-compare';

const xpf = (amount: number) => ({ amount, currency: 'XPF' as const });
const z = (sales: number, gross: number, refunds = 0) => ({
  figures: {
    sales,
    gross: xpf(gross),
    refunds: xpf(refunds),
    net: xpf(gross - refunds),
    dealerCost: xpf(gross * 0.9),
    cash: null,
  },
});
const counted = (sales: number, amount: number, refunded = 0) => ({
  sales,
  amount: xpf(amount),
  dealerCost: xpf(amount * 0.9),
  margin: xpf(amount * 0.1),
  refunds: refunded > 0 ? 1 : 0,
  refunded: xpf(refunded),
  net: xpf(amount - refunded),
});

describe('a shop’s day at the head office beside its Z reports', () => {
  it('agrees when the tills’ Zs of the day add up to what arrived', () => {
    expect(dayDiffers([z(2, 2000), z(1, 3000, 1000)], [counted(3, 5000, 1000)])).toBe(false);
  });

  it('differs when a sale, a refund or a whole currency is missing on either side', () => {
    expect(dayDiffers([z(3, 3000)], [counted(2, 2000)])).toBe(true);
    expect(dayDiffers([z(2, 2000, 1000)], [counted(2, 2000)])).toBe(true);
    expect(dayDiffers([z(2, 2000)], [])).toBe(true);
    expect(
      dayDiffers(
        [z(2, 2000)],
        [counted(2, 2000), { ...counted(1, 500), amount: { amount: 500, currency: 'EUR' } }],
      ),
    ).toBe(true);
  });

  it('cannot tell when a Z of the day carries no figures', () => {
    expect(dayDiffers([z(2, 2000), { figures: null }], [counted(2, 2000)])).toBeNull();
  });
});
