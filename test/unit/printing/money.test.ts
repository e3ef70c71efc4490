import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatLocalDateTime } from '../../../shared/date-time';
import { formatAmount, formatMoney } from '../../../shared/money';

/** Intl's no-break and narrow no-break spaces as plain spaces, to read the tables below. */
const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');

describe('money on a receipt', () => {
  it.each([
    [0, 'en', '0 XPF'],
    [1500, 'en', '1,500 XPF'],
    [1500, 'fr', '1 500 XPF'],
    [1500, 'zh-CN', '1,500 XPF'],
    [999, 'fr', '999 XPF'],
    [1_000_000, 'fr', '1 000 000 XPF'],
  ])('XPF has no minor unit: %i prints in %s as %s', (amount, language, text) => {
    expect(plain(formatMoney({ amount, currency: 'XPF' }, language))).toBe(text);
  });

  it.each([
    [0, 'en', '0.00 EUR'],
    [5, 'en', '0.05 EUR'],
    [150050, 'en', '1,500.50 EUR'],
    [150050, 'fr', '1 500,50 EUR'],
    [150050, 'zh-CN', '1,500.50 EUR'],
    [100, 'fr', '1,00 EUR'],
  ])('EUR has cents: %i prints in %s as %s', (amount, language, text) => {
    expect(plain(formatMoney({ amount, currency: 'EUR' }, language))).toBe(text);
  });

  it('prints the largest safe amount to the last digit', () => {
    const amount = Number.MAX_SAFE_INTEGER;
    expect(formatMoney({ amount, currency: 'XPF' }, 'en')).toBe('9,007,199,254,740,991\u00a0XPF');
    expect(formatMoney({ amount, currency: 'EUR' }, 'en')).toBe('90,071,992,547,409.91\u00a0EUR');
  });

  it('prints amounts beyond 2^53 exactly when given as BigInt', () => {
    expect(formatAmount(10n ** 20n + 1n, 'EUR', 'en')).toBe('1,000,000,000,000,000,000.01');
    expect(formatAmount(2n ** 64n, 'XPF', 'en')).toBe('18,446,744,073,709,551,616');
  });

  it('keeps the minus sign of a negative amount', () => {
    expect(formatAmount(-150, 'EUR', 'en')).toBe('-1.50');
    expect(formatAmount(-5, 'EUR', 'en')).toBe('-0.05');
  });

  it('joins the amount and the code with a no-break space, so they never part', () => {
    expect(formatMoney({ amount: 1500, currency: 'XPF' }, 'en')).toBe('1,500\u00a0XPF');
  });

  it('refuses an amount that is not an integer of minor units', () => {
    expect(() => formatMoney({ amount: 15.5, currency: 'XPF' }, 'en')).toThrow(RangeError);
    expect(() => formatMoney({ amount: 2 ** 60, currency: 'XPF' }, 'en')).toThrow(RangeError);
  });

  it('never rounds: the digits printed are the digits of the integer', () => {
    fc.assert(
      fc.property(fc.maxSafeInteger(), (amount) => {
        const text = formatAmount(amount, 'EUR', 'en');
        const digits = text.replace(/[^0-9-]/g, '');
        expect(BigInt(digits)).toBe(BigInt(amount));
        expect(text).toMatch(/\.\d\d$/);
      }),
    );
  });
});

describe('the date and time on a receipt', () => {
  it('is local to the shop, not UTC', () => {
    expect(formatLocalDateTime('2025-01-14T03:30:00.000Z', 'Pacific/Noumea', 'en')).toEqual({
      date: 'Jan 14, 2025',
      time: '14:30',
    });
  });

  it('takes the local date when UTC is still the day before', () => {
    expect(formatLocalDateTime('2025-01-14T13:30:00Z', 'Pacific/Noumea', 'fr')).toEqual({
      date: '15 janv. 2025',
      time: '00:30',
    });
  });

  it('names the month in the receipt language and uses a 24-hour clock', () => {
    expect(formatLocalDateTime('2025-03-04T09:05:00Z', 'Pacific/Noumea', 'zh-CN')).toEqual({
      date: '2025年3月4日',
      time: '20:05',
    });
    expect(formatLocalDateTime('2025-03-04T09:05:00Z', 'Europe/Paris', 'en').time).toBe('10:05');
  });

  it('refuses a date it cannot read', () => {
    expect(() => formatLocalDateTime('yesterday', 'Pacific/Noumea', 'en')).toThrow(RangeError);
  });
});
