import { useTranslation } from 'react-i18next';
import type { Money } from '../shared/currencies';
import { formatDataAmount } from '../shared/data-amount';
import { formatLocalDateTime } from '../shared/date-time';
import { localDate } from '../shared/local-time';
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
export const todayIn = (timeZone: string) => localDate(new Date(), timeZone);
