import { useTranslation } from 'react-i18next';
import type { Money } from '../shared/currencies';
import { formatDataAmount } from '../shared/data-amount';
import { formatLocalDateTime } from '../shared/date-time';
import { formatMoney } from '../shared/money';

/** Amounts, allowances and times in the interface's language, written as receipts write them. */
export function useFormat() {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  return {
    money: (money: Money) => formatMoney(money, language),
    /** A difference, with its sign: "+100 XPF" above zero, "-100 XPF" below. */
    signedMoney: (money: Money) => `${money.amount > 0 ? '+' : ''}${formatMoney(money, language)}`,
    data: (megabytes: number) =>
      formatDataAmount(megabytes, language, (key, values) => t(`receipt.${key}`, values)),
    validity: (days: number) => t('receipt.validityDays', { count: days }),
    /** An instant as the shop's local date and 24-hour time. */
    dateTime: (instant: string, timeZone: string) =>
      formatLocalDateTime(instant, timeZone, language),
  };
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
