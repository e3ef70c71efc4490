import type { TFunction } from 'i18next';
import { type CurrencyCode, currencies } from '../shared/currencies';

/** Data as the shop says it: GB with one decimal from 1 GB up ("3.2 GB"), MB below. */
export function formatData(t: TFunction, language: string, megabytes: number): string {
  if (megabytes >= 1024) {
    const value = new Intl.NumberFormat(language, { maximumFractionDigits: 1 }).format(
      megabytes / 1024,
    );
    return t('card.dataGb', { value });
  }
  const value = new Intl.NumberFormat(language, { maximumFractionDigits: 0 }).format(megabytes);
  return t('card.dataMb', { value });
}

/** An amount in integer minor units of its currency (XPF has none: 1500 is 1 500 F). */
export function formatMoney(language: string, amount: number, currency: string): string {
  const digits = Object.hasOwn(currencies, currency)
    ? currencies[currency as CurrencyCode].minorDigits
    : 0;
  return new Intl.NumberFormat(language, {
    style: 'currency',
    currency,
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  }).format(amount / 10 ** digits);
}

/** An instant (ISO 8601, UTC) as the shop's clock shows it. */
export function formatInstant(language: string, timeZone: string, iso: string): string {
  return new Intl.DateTimeFormat(language, {
    timeZone,
    dateStyle: 'medium',
    timeStyle: 'short',
  }).format(new Date(iso));
}

/** Today on the shop's calendar, as a date input holds it: "2026-11-22". */
export function todayIn(timeZone: string): string {
  // Canadian English writes dates year first, with dashes: the date input's own format.
  return new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(new Date());
}
