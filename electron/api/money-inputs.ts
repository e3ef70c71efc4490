import { ApiError } from '../../shared/api/errors';
import type { CurrencyCode, MoneyInput } from '../../shared/currencies';

/**
 * Refuses a currency that is not the shop's: a till is counted in one currency, and the core is
 * the only side that knows which. `path` names the currency's field, as zod would.
 */
export function refuseForeignCurrency(
  currency: CurrencyCode,
  shopCurrency: CurrencyCode,
  path: string,
): void {
  if (currency === shopCurrency) return;
  const message = `The shop counts in ${shopCurrency}, not ${currency}`;
  throw new ApiError('invalid_input', message, [
    { path, code: 'foreign_currency', message, params: { currency: shopCurrency } },
  ]);
}

/**
 * The amount of money a caller sent, in minor units of the shop's currency. The contract's schema
 * has checked its shape and ceiling; the currency is checked here, before anything is written.
 */
export function amountInShopCurrency(
  money: MoneyInput,
  shopCurrency: CurrencyCode,
  path: string,
): number {
  refuseForeignCurrency(money.currency, shopCurrency, `${path}.currency`);
  return money.amount;
}
