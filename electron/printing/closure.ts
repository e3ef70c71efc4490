import { formatLocalDateTime } from '../../shared/date-time';
import type { Language } from '../../shared/languages';
import { formatMoney } from '../../shared/money';
import type { PeriodClosure } from '../../shared/period';
import type { ReceiptShop } from '../../shared/receipt';
import { formatTaxRate, taxName } from '../../shared/tax';
import { lineWriter, printTranslator, type ReceiptLine, type Translate } from './layout';

/** A month's or a year's closure as printed on a receipt printer's roll. */
export interface ClosureDocument {
  closure: PeriodClosure;
  shop: ReceiptShop;
  /** The shop's IANA zone: every time printed is local to it. */
  timeZone: string;
  language: Language;
  /** Printed again from the books: says COPY. */
  copy: boolean;
}

/**
 * The closure's lines for a paper `columns` wide: the shop, the period and its number, the Z
 * reports it sums up, the totals, the tax by rate, the payments, the perpetual totals and the
 * chain's hashes whole, to be compared with the books character by character.
 */
export function layoutClosure(
  document: ClosureDocument,
  t: Translate,
  columns: number,
  language: Language = document.language,
): ReceiptLine[] {
  const say = printTranslator(t, 'periods', language);
  const sayAsReceipt = printTranslator(t, 'receipt', language);
  const { closure, shop } = document;
  const money = (amount: number) =>
    formatMoney({ amount, currency: closure.totals.gross.currency }, language);
  const when = (instant: string) => {
    const { date, time } = formatLocalDateTime(instant, document.timeZone, language);
    return `${date} ${time}`;
  };
  const { lines, text, row, rule } = lineWriter(columns);
  const section = (key: string) => {
    rule(false);
    text(say(key), 'bold', 'left');
  };

  text(shop.name, 'bold');
  for (const line of shop.addressLines) text(line);
  if (shop.taxId) text(sayAsReceipt('taxId', { taxId: shop.taxId }));
  rule(true);
  if (document.copy) text(say('print.copy'), 'large');
  row(say(`print.title.${closure.kind}`), say('print.number', { number: closure.number }), 'bold');
  row(say('print.period'), closure.period);
  row(sayAsReceipt('till'), closure.tillName);
  row(say('print.from'), when(closure.from));
  row(say('print.to'), when(closure.to));
  row(say('print.closedAt'), when(closure.closedAt));
  row(say('print.closedBy'), closure.closedBy);
  const { zReports } = closure;
  row(
    say('print.zReports'),
    zReports.first === null
      ? say('print.none')
      : say('print.zRange', { first: zReports.first, last: zReports.last, count: zReports.count }),
  );

  section('print.totals');
  row(say('print.sales'), String(closure.totals.sales));
  row(say('print.gross'), money(closure.totals.gross.amount));
  row(say('print.refunds'), money(closure.totals.refunds.amount));
  row(say('print.net'), money(closure.totals.net.amount), 'bold');

  section('print.taxes');
  if (closure.taxes.length === 0) text(say('print.none'), 'normal', 'left');
  for (const line of closure.taxes) {
    text(`${taxName} ${formatTaxRate(line.rate, language)}`, 'normal', 'left');
    row(`  ${say('print.base')}`, money(line.base));
    row(`  ${say('print.tax')}`, money(line.tax));
  }
  if (closure.untaxed && closure.untaxed.amount !== 0) {
    row(say('print.untaxed'), money(closure.untaxed.amount));
  }

  section('print.byPayment');
  if (closure.byPayment.length === 0) text(say('print.none'), 'normal', 'left');
  for (const payment of closure.byPayment) {
    row(
      `${sayAsReceipt(`methods.${payment.method}`)} (${payment.sales})`,
      money(payment.amount.amount),
    );
  }

  section('print.perpetual');
  row(say('print.grandTotal'), money(closure.perpetual.grandTotal.amount), 'bold');
  row(say('print.count'), String(closure.perpetual.count));

  rule(true);
  for (const [key, hash] of [
    ['print.hash', closure.hash],
    ['print.prevHash', closure.prevHash],
  ] as const) {
    text(say(key), 'normal', 'left');
    text(hash, 'normal', 'left');
  }
  return lines;
}
