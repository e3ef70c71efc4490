import { formatDataAmount } from '../../shared/data-amount';
import { formatLocalDateTime } from '../../shared/date-time';
import type { Language } from '../../shared/languages';
import { formatMoney } from '../../shared/money';
import { type Receipt, receiptTotal } from '../../shared/receipt';
import { formatTaxRate, taxName } from '../../shared/tax';
import { alignRight, centre, displayWidth, spread, wrapText } from './text-width';

/**
 * What a receipt says, line by line, for a paper `columns` characters wide. The text, HTML and
 * ESC/POS renderers all print these lines, so the three never disagree about the content.
 */

/** i18next's `t` (or anything resolving keys and options the same way). */
export type Translate = (key: string, options?: Record<string, unknown>) => string;

/** Characters per line: 32 on 58 mm paper, 48 on 80 mm paper (font A). */
export type ReceiptColumns = 32 | 48;

/** `large` is printed double width and double height, so it gets half the columns. */
export type LineStyle = 'normal' | 'bold' | 'large';

export type ReceiptLine =
  | { kind: 'text'; text: string; align: 'left' | 'center' | 'right'; style: LineStyle }
  | { kind: 'row'; label: string; value: string; style: LineStyle }
  | { kind: 'rule'; heavy: boolean };

/** How many of the receipt's hash characters are printed as its check code. */
const checkCodeLength = 16;

/**
 * The receipt's lines, each at most `columns` wide (wide characters count 2; a `large` line at
 * most half of that). Labels come from the "receipt" translations in `language`, which is the
 * receipt's own unless a printer cannot print it (see renderReceiptEscPos). A receipt with a
 * legal language (French in New Caledonia) is in that language first, dates and amounts too, with
 * `language` beside each label and under each sentence; one issued before has none and prints as
 * it did.
 */
export function layoutReceipt(
  receipt: Receipt,
  t: Translate,
  columns: number,
  language: Language = receipt.language,
): ReceiptLine[] {
  const first = receipt.legalLanguage ?? language;
  const say = printTranslator(t, 'receipt', first);
  const second = first === language ? null : language;
  const both = bilingual(t, first, second);
  const money = (amount: number) =>
    formatMoney({ amount, currency: receipt.price.currency }, first);
  const { date, time } = formatLocalDateTime(receipt.issuedAt, receipt.timeZone, first);
  const { shop, payment } = receipt;

  const { lines, text, row, rule } = lineWriter(columns);
  /** A text in the legal language, then in the customer's under it. */
  const texts = (
    section: 'receipt' | 'receiptLegal',
    key: string,
    style: LineStyle,
    values: Record<string, unknown> = {},
  ) => {
    for (const each of both(section, key, values)) text(each, style);
  };
  const label = (key: string, values: Record<string, unknown> = {}) =>
    both('receipt', key, values).join(' / ');
  const legalLabel = (key: string, values: Record<string, unknown> = {}) =>
    both('receiptLegal', key, values).join(' / ');

  text(shop.name, 'bold');
  if (shop.legalName && shop.legalName !== shop.name) text(shop.legalName);
  for (const line of shop.addressLines) text(line);
  if (shop.phone) text(say('phone', { phone: shop.phone }));
  if (shop.taxId) text(say('taxId', { taxId: shop.taxId }));
  rule(true);
  if (receipt.copy > 0) text(say('copy', { copy: receipt.copy }), 'large');
  row(label('title'), say('number', { number: receipt.number }), 'bold');
  if (receipt.corrects) {
    text(legalLabel('corrects', { number: receipt.corrects.number }), 'bold', 'left');
  }
  row(label('date'), date);
  row(label('time'), time);
  row(label('clerk'), receipt.clerk);
  rule(false);
  row(label('customer'), receipt.customer);
  row(label('carrier'), receipt.carrier);
  row(label('plan'), receipt.plan);
  row(label('data'), formatDataAmount(receipt.dataMb, first, say));
  row(label('validity'), label('validityDays', { count: receipt.validityDays }));
  if (receipt.carrierReference !== null) row(label('carrierReference'), receipt.carrierReference);
  rule(false);
  if (receipt.quantity === undefined) {
    row(label('price'), money(receipt.price.amount), 'bold');
  } else {
    const quantity = new Intl.NumberFormat(first).format(receipt.quantity);
    row(legalLabel('quantity'), `${quantity} × ${money(receipt.price.amount)}`);
  }
  row(label('payment'), label(`methods.${payment.method}`));
  if (payment.tendered !== undefined) row(label('tendered'), money(payment.tendered));
  if (payment.change !== undefined) row(label('change'), money(payment.change));
  if (payment.reference !== undefined) row(label('paymentReference'), payment.reference);
  if (receipt.refundAmount !== null) row(label('refunded'), money(receipt.refundAmount), 'bold');
  if (receipt.quantity !== undefined || receipt.taxes !== undefined) {
    rule(false);
    taxLines(receipt, { row, money, legalLabel, first });
  }
  rule(true);
  const atStake = receipt.refundAmount ?? receipt.price.amount;
  texts('receipt', `status.${receipt.status}`, 'bold');
  texts('receipt', `statusDetail.${receipt.status}`, 'normal', { amount: money(atStake) });
  if (receipt.corrects && receipt.quantity === 0) texts('receiptLegal', 'unchanged', 'normal');
  rule(true);
  for (const line of shop.footerLines) text(line);
  row(label('till'), receipt.tillName ?? receipt.deviceId);
  row(label('checkCode'), receipt.hash.slice(0, checkCodeLength));
  return lines;
}

/**
 * The totals art. 46 asks for: before tax, each tax's nature, rate and amount, and tax included.
 * A receipt whose sale had no rate recorded says so rather than guess one.
 */
function taxLines(
  receipt: Receipt,
  print: {
    row(label: string, value: string, style?: LineStyle): void;
    money(amount: number): string;
    legalLabel(key: string, values?: Record<string, unknown>): string;
    first: Language;
  },
): void {
  const { row, money, legalLabel, first } = print;
  if (receipt.taxes === undefined) {
    row(taxName, legalLabel('notRecorded'));
    row(legalLabel('totalWithTax'), money(receiptTotal(receipt)), 'bold');
    return;
  }
  const base = receipt.taxes.reduce((sum, line) => sum + line.base, 0);
  const tax = receipt.taxes.reduce((sum, line) => sum + line.tax, 0);
  row(legalLabel('totalBeforeTax'), money(base));
  for (const line of receipt.taxes) {
    row(`${taxName} ${formatTaxRate(line.rate, first)}`, money(line.tax));
  }
  row(legalLabel('totalWithTax'), money(base + tax), 'bold');
}

/**
 * A printed text in the first language, and in the second under or beside it when there is
 * one and it reads differently ("Date" is the same word in French and English).
 */
function bilingual(t: Translate, first: Language, second: Language | null) {
  return (
    section: 'receipt' | 'receiptLegal',
    key: string,
    values: Record<string, unknown> = {},
  ): string[] => {
    const inFirst = printTranslator(t, section, first)(key, values);
    if (second === null) return [inFirst];
    const inSecond = printTranslator(t, section, second)(key, values);
    return inSecond === inFirst ? [inFirst] : [inFirst, inSecond];
  };
}

/**
 * A key of one printed document's translations ("receipt", "dayReport"), resolved in `language`
 * whatever language `t` is set to, and never HTML-escaped by i18next (the HTML renderer escapes
 * everything itself, once).
 */
export function printTranslator(
  t: Translate,
  section: 'receipt' | 'receiptLegal' | 'dayReport' | 'periods',
  language: Language,
) {
  return (key: string, values: Record<string, unknown> = {}): string =>
    t(`${section}.${key}`, { ...values, lng: language, interpolation: { escapeValue: false } });
}

/**
 * Collects a document's lines for a paper `columns` wide: text wrapped (centred or left), label
 * and value rows (on two lines when they do not fit on one), and rules.
 */
export function lineWriter(columns: number) {
  const lines: ReceiptLine[] = [];
  return {
    lines,
    text(value: string, style: LineStyle = 'normal', align: 'left' | 'center' = 'center') {
      lines.push(...fitText(value.normalize('NFC'), align, style, columns));
    },
    row(label: string, value: string, style: LineStyle = 'normal') {
      lines.push(...fitRow(label, value.normalize('NFC'), style, columns));
    },
    rule(heavy: boolean) {
      lines.push({ kind: 'rule', heavy });
    },
  };
}

/** A line as plain text: padded to `columns`, with `large` lines centred on half as many. */
export function lineText(line: ReceiptLine, columns: number, largeIsDoubleWidth = false): string {
  let text: string;
  if (line.kind === 'rule') {
    text = (line.heavy ? '=' : '-').repeat(columns);
  } else if (line.kind === 'row') {
    text = spread(line.label, line.value, columns);
  } else {
    const room = line.style === 'large' && largeIsDoubleWidth ? Math.floor(columns / 2) : columns;
    if (line.align === 'center') text = centre(line.text, room);
    else if (line.align === 'right') text = alignRight(line.text, room);
    else text = line.text;
  }
  return plainSpaces(text);
}

/**
 * The receipt as plain text lines for a 58 mm (32 columns) or 80 mm (48 columns) printer, in
 * the receipt's language. Centred and right-aligned text is padded with spaces on the left; no
 * line ends with padding. Wide (CJK) characters count as two columns.
 */
export function receiptLines(receipt: Receipt, t: Translate, width: ReceiptColumns): string[] {
  return layoutReceipt(receipt, t, width).map((line) => lineText(line, width));
}

/** No-break and thin spaces (Intl puts them in numbers) as the plain space a printer has. */
function plainSpaces(text: string): string {
  return text.replace(/[\u00a0\u2007\u2009\u202f]/g, ' ');
}

function fitText(
  text: string,
  align: 'left' | 'center',
  style: LineStyle,
  columns: number,
): ReceiptLine[] {
  const room = style === 'large' ? Math.floor(columns / 2) : columns;
  return wrapText(text, room).map((part) => ({ kind: 'text', text: part, align, style }));
}

/** Label and value on one line when they fit with a space between; else label, then value. */
function fitRow(label: string, value: string, style: LineStyle, columns: number): ReceiptLine[] {
  if (displayWidth(label) + 1 + displayWidth(value) <= columns) {
    return [{ kind: 'row', label, value, style }];
  }
  return [
    ...wrapText(label, columns).map(
      (part): ReceiptLine => ({ kind: 'text', text: part, align: 'left', style }),
    ),
    ...wrapText(value, columns).map(
      (part): ReceiptLine => ({ kind: 'text', text: part, align: 'right', style }),
    ),
  ];
}
