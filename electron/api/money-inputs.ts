import { ApiError } from '../../shared/api/errors';
import type { CurrencyCode, MoneyInput } from '../../shared/currencies';

/**
 * The amount of money a caller sent, in minor units of the shop's currency. The contract's schema
 * has checked its shape and ceiling; only here is the shop known, so a currency that is not the
 * shop's is refused here, before anything is written. `path` names the field, as zod would.
 */
export function amountInShopCurrency(
  money: MoneyInput,
  shopCurrency: CurrencyCode,
  path: string,
): number {
  if (money.currency !== shopCurrency) {
    const message = `The shop counts in ${shopCurrency}, not ${money.currency}`;
    throw new ApiError('invalid_input', message, [
      {
        path: `${path}.currency`,
        code: 'foreign_currency',
        message,
        params: { currency: shopCurrency },
      },
    ]);
  }
  return money.amount;
}
