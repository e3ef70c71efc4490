import type { Money } from './currencies';
import { currencies } from './currencies';

/**
 * Money as receipts print it and the counter shows it: the amount grouped and with the decimal mark of the receipt's
 * language, then the ISO code: "1,500 XPF" (en), "1 500 XPF" (fr), "12,50 EUR" (fr).
 *
 * Why the code and not a symbol: customers are tourists, for whom "F" or "FCFP" means little
 * and "XPF" is what their bank statement shows; the code reads the same in every language and
 * prints in every printer codepage (no "€" or "¥" to go missing). Intl's own currency style would
 * give "CFPF 1,500" in English and "1 500 FCFP" in French.
 *
 * The amount is never turned into a floating-point number: the integer is split into whole and
 * minor units as decimal text, and Intl.NumberFormat formats that text exactly (a string is an
 * exact decimal for it), so amounts beyond 2^53 print to the last digit.
 *
 * Intl separates thousands with a (narrow) no-break space in French, and the code is joined by a
 * no-break space: good for HTML, while the text renderers turn them into plain spaces.
 */
export function formatMoney(money: Money, language: string): string {
  return `${formatAmount(money.amount, money.currency, language)}\u00a0${money.currency}`;
}

/** The amount alone, with the currency's digits: formatAmount(150050, 'EUR', 'fr') → "1 500,50". */
export function formatAmount(
  amount: number | bigint,
  currency: Money['currency'],
  language: string,
): string {
  if (typeof amount === 'number' && !Number.isSafeInteger(amount)) {
    throw new RangeError(`An amount is a safe integer of minor units, not ${amount}`);
  }
  const digits = currencies[currency].minorDigits;
  const minor = BigInt(amount);
  const negative = minor < 0n;
  const text = (negative ? -minor : minor).toString().padStart(digits + 1, '0');
  const whole = text.slice(0, text.length - digits);
  const fraction = text.slice(text.length - digits);
  const decimal = `${negative ? '-' : ''}${whole}${digits > 0 ? `.${fraction}` : ''}`;
  return numberFormat(language, digits).format(decimal as Intl.StringNumericLiteral);
}

const formats = new Map<string, Intl.NumberFormat>();

function numberFormat(language: string, digits: number): Intl.NumberFormat {
  const key = `${language}/${digits}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(language, {
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
      useGrouping: true,
    });
    formats.set(key, format);
  }
  return format;
}
