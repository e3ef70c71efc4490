/**
 * A shop is enrolled only when it and its head office keep it in the same time zone and
 * currency: the head office cuts the shop's facts into local days in the zone it has, and those
 * days must be the ones the shop's Z reports close.
 */

import type { CurrencyCode } from './currencies';

/** Where a shop keeps its days and in what money, as one side has it. */
export interface ShopZoneAndCurrency {
  zone: string;
  currency: CurrencyCode;
}

/** Both sides' values when they differ: what the refusal names (and the shop translates). */
export interface ZoneMismatch {
  headOfficeZone: string;
  headOfficeCurrency: string;
  shopZone: string;
  shopCurrency: string;
}

/** Null when the head office's row and the shop's profile agree; both values otherwise. */
export function zoneMismatch(
  headOffice: ShopZoneAndCurrency,
  shop: ShopZoneAndCurrency,
): ZoneMismatch | null {
  if (headOffice.zone === shop.zone && headOffice.currency === shop.currency) return null;
  return {
    headOfficeZone: headOffice.zone,
    headOfficeCurrency: headOffice.currency,
    shopZone: shop.zone,
    shopCurrency: shop.currency,
  };
}

/** The refusal in the head office's words (the shop's screen words it from the values). */
export function zoneMismatchMessage(mismatch: ZoneMismatch): string {
  return (
    `The head office has this shop in ${mismatch.headOfficeZone}, ${mismatch.headOfficeCurrency}; ` +
    `this shop is set to ${mismatch.shopZone}, ${mismatch.shopCurrency}: ` +
    'correct one of them, then enrol again'
  );
}
