import type { CurrencyCode } from './currencies';

/**
 * The coins and notes of each currency a till is counted in, in minor units (XPF has none:
 * 500 is a 500 F note; EUR 200 is a 2 € coin). Smallest first, as a cash count sheet lists them.
 */
export const denominations: Record<CurrencyCode, readonly number[]> = {
  XPF: [1, 2, 5, 10, 20, 50, 100, 500, 1000, 5000, 10000],
  EUR: [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10000, 20000, 50000],
  USD: [1, 5, 10, 25, 50, 100, 200, 500, 1000, 2000, 5000, 10000],
  AUD: [5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10000],
  NZD: [10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10000],
  JPY: [1, 5, 10, 50, 100, 500, 1000, 2000, 5000, 10000],
  CNY: [1, 2, 5, 10, 20, 50, 100, 500, 1000, 2000, 5000, 10000],
};

/** Coins up to this value, notes above (for the count sheet's two columns). */
export const largestCoin: Record<CurrencyCode, number> = {
  XPF: 100,
  EUR: 200,
  USD: 100,
  AUD: 200,
  NZD: 200,
  JPY: 500,
  CNY: 100,
};
