import type { Language } from '../../shared/languages';
import { formatMoney } from '../../shared/money';
import type { Receipt } from '../../shared/receipt';
import { splitText } from '../gsm/codecs';
import type { Translate } from './layout';

/**
 * A receipt as a short text for the customer's phone, in `language`: the receipt's number, the
 * plan and what happened to it (valid for how long, refunded, or being checked), the carrier's
 * reference. The shop's name leads it while the text still fits one SMS part (160 GSM 7-bit
 * characters, 70 in UCS2 for Chinese); it is left out rather than send two parts.
 */
export function receiptSmsText(receipt: Receipt, t: Translate, language: Language): string {
  const say = (key: string, values: Record<string, unknown> = {}) =>
    t(`receiptSms.${key}`, { ...values, lng: language, interpolation: { escapeValue: false } });
  const amount = receipt.refundAmount ?? receipt.price.amount;
  const body = say(receipt.status, {
    number: receipt.number,
    plan: receipt.plan,
    days: receipt.validityDays,
    amount: formatMoney({ amount, currency: receipt.price.currency }, language),
  });
  const short = plainSpaces(
    receipt.carrierReference === null
      ? body
      : say('withReference', { text: body, reference: receipt.carrierReference }),
  );
  const full = plainSpaces(`${say('from', { shop: receipt.shop.name })}${short}`);
  return splitText(full).length === 1 ? full : short;
}

/** Intl's no-break and thin spaces would turn a whole text into UCS2 (half as many characters). */
function plainSpaces(text: string): string {
  return text.replace(/[\u00a0\u2007\u2009\u202f]/g, ' ');
}
