import { formatDataAmount } from '../../shared/data-amount';
import { formatLocalDateTime } from '../../shared/date-time';
import type { Language } from '../../shared/languages';
import { formatMoney } from '../../shared/money';
import type { Receipt } from '../../shared/receipt';
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
 * receipt's own unless a printer cannot print it (see renderReceiptEscPos).
 */
export function layoutReceipt(
  receipt: Receipt,
  t: Translate,
  columns: number,
  language: Language = receipt.language,
): ReceiptLine[] {
  const say = printTranslator(t, 'receipt', language);
  const money = (amount: number) =>
    formatMoney({ amount, currency: receipt.price.currency }, language);
  const { date, time } = formatLocalDateTime(receipt.issuedAt, receipt.timeZone, language);
  const { shop, payment } = receipt;

  const { lines, text, row, rule } = lineWriter(columns);

  text(shop.name, 'bold');
  for (const line of shop.addressLines) text(line);
  if (shop.phone) text(say('phone', { phone: shop.phone }));
  if (shop.taxId) text(say('taxId', { taxId: shop.taxId }));
  rule(true);
  if (receipt.copy > 0) text(say('copy', { copy: receipt.copy }), 'large');
  row(say('title'), say('number', { number: receipt.number }), 'bold');
  row(say('date'), date);
  row(say('time'), time);
  row(say('clerk'), receipt.clerk);
  rule(false);
  row(say('customer'), receipt.customer);
  row(say('carrier'), receipt.carrier);
  row(say('plan'), receipt.plan);
  row(say('data'), formatDataAmount(receipt.dataMb, language, say));
  row(say('validity'), say('validityDays', { count: receipt.validityDays }));
  if (receipt.carrierReference !== null) row(say('carrierReference'), receipt.carrierReference);
  rule(false);
  row(say('price'), money(receipt.price.amount), 'bold');
  row(say('payment'), say(`methods.${payment.method}`));
  if (payment.tendered !== undefined) row(say('tendered'), money(payment.tendered));
  if (payment.change !== undefined) row(say('change'), money(payment.change));
  if (payment.reference !== undefined) row(say('paymentReference'), payment.reference);
  if (receipt.refundAmount !== null) row(say('refunded'), money(receipt.refundAmount), 'bold');
  rule(true);
  const atStake = receipt.refundAmount ?? receipt.price.amount;
  text(say(`status.${receipt.status}`), 'bold');
  text(say(`statusDetail.${receipt.status}`, { amount: money(atStake) }));
  rule(true);
  for (const line of shop.footerLines) text(line);
  row(say('till'), receipt.tillName ?? receipt.deviceId);
  row(say('checkCode'), receipt.hash.slice(0, checkCodeLength));
  return lines;
}

/**
 * A key of one printed document's translations ("receipt", "dayReport"), resolved in `language`
 * whatever language `t` is set to, and never HTML-escaped by i18next (the HTML renderer escapes
 * everything itself, once).
 */
export function printTranslator(
  t: Translate,
  section: 'receipt' | 'dayReport' | 'periods',
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
