import { formatLocalDateTime } from '../../shared/date-time';
import type { DayReport, ReportNames, ZReport } from '../../shared/day';
import type { Language } from '../../shared/languages';
import { formatAmount, formatMoney } from '../../shared/money';
import type { ReceiptShop } from '../../shared/receipt';
import { formatTaxRate, taxName } from '../../shared/tax';
import { refundCauseLines } from './cause-lines';
import { lineWriter, printTranslator, type ReceiptLine, type Translate } from './layout';

/**
 * A day report as printed: a Z report (the close, numbered and chained) or an X report (the open
 * shift so far, `z` null: not a closing). The report itself holds no shop, zone or language: the
 * shop's profile gives them when it is printed.
 */
export interface DayReportDocument {
  report: DayReport;
  /** Receipt numbers, carrier names and the till's name for the ids the report keeps. */
  names: ReportNames;
  /** The till the report is for, as its files are named (its name is in `names`). */
  deviceId: string;
  z: Pick<ZReport, 'number' | 'hash' | 'prevHash' | 'perpetual'> | null;
  shop: ReceiptShop;
  /** The shop's IANA zone: every time printed is local to it. */
  timeZone: string;
  language: Language;
  /** A Z report printed again from the books says COPY. */
  copy: boolean;
}

/**
 * The day report's lines for a paper `columns` wide, in the order the owner checks a day: who
 * opened and closed it, the totals and their breakdowns, refunds and cash movements, the drawer
 * (expected, counted, difference and why), each dealer SIM, the unknown sales carried over, and
 * for a Z the hash chain. The HTML and ESC/POS renderers print these lines, like a receipt's.
 */
export function layoutDayReport(
  document: DayReportDocument,
  t: Translate,
  columns: number,
  language: Language = document.language,
): ReceiptLine[] {
  const say = printTranslator(t, 'dayReport', language);
  // The till, payment methods and tax id read as on the shop's receipts.
  const sayAsReceipt = printTranslator(t, 'receipt', language);
  const { report, shop, z } = document;
  const { currency } = report.totals.gross;
  const money = (amount: number) => formatMoney({ amount, currency }, language);
  const signed = (amount: number) => (amount > 0 ? `+${money(amount)}` : money(amount));
  const when = (instant: string) => {
    const { date, time } = formatLocalDateTime(instant, document.timeZone, language);
    return `${date} ${time}`;
  };
  const counted = (name: string, n: number) => say('counted', { name, n });
  const sayName = (key: string, values: Record<string, unknown> = {}) =>
    t(`dayNames.${key}`, { ...values, lng: language, interpolation: { escapeValue: false } });
  /** A sale as people know it: by its receipt's number. */
  const receiptOf = (saleId: number) => {
    const number = document.names.receipts[saleId];
    return number === undefined ? sayName('noReceipt') : sayName('receipt', { number });
  };
  const { lines, text, row, rule } = lineWriter(columns);
  const section = (key: string, empty = false) => {
    rule(false);
    text(say(key), 'bold', 'left');
    if (empty) text(say('none'), 'normal', 'left');
  };

  text(shop.name, 'bold');
  for (const line of shop.addressLines) text(line);
  if (shop.taxId) text(sayAsReceipt('taxId', { taxId: shop.taxId }));
  rule(true);
  if (document.copy) text(say('copy'), 'large');
  if (z) {
    row(say('zTitle'), say('number', { number: z.number }), 'bold');
  } else {
    text(say('xTitle'), 'bold');
    text(say('notAClosing'), 'large');
  }
  row(sayAsReceipt('till'), document.names.till);
  if (report.from !== null) row(say('since'), when(report.from));
  row(say('opened'), when(report.shift.openedAt));
  row(say('openedBy'), report.shift.openedBy);
  if (z) {
    row(say('closed'), when(report.to));
    row(say('closedBy'), report.shift.closedBy ?? '');
  } else {
    row(say('asOf'), when(report.to));
  }

  section('totals');
  row(say('sales'), String(report.totals.sales));
  row(say('gross'), money(report.totals.gross.amount));
  row(say('refunds'), money(report.totals.refunds.amount));
  row(say('net'), money(report.totals.net.amount), 'bold');
  row(say('dealerCost'), money(report.totals.dealerCost.amount));
  row(say('margin'), money(report.totals.margin.amount));
  if (report.soldBeforeOpening > 0) {
    row(say('soldBeforeOpening'), String(report.soldBeforeOpening));
  }
  if (report.taxes !== undefined) {
    // Z reports closed before taxes were kept print none: their figures are as they were hashed.
    const sayTax = (key: string, values: Record<string, unknown> = {}) =>
      t(`tax.${key}`, { ...values, lng: language, interpolation: { escapeValue: false } });
    rule(false);
    text(sayTax('title', { name: taxName }), 'bold', 'left');
    row(sayTax('beforeTax'), money(report.beforeTax?.amount ?? 0));
    for (const line of report.taxes) {
      row(
        sayTax('rate', { name: taxName, rate: formatTaxRate(line.rate, language) }),
        money(line.tax),
      );
      if (report.taxes.length > 1) row(`  ${sayTax('base')}`, money(line.base));
    }
    const notRecorded = report.taxNotRecorded?.amount ?? 0;
    if (notRecorded !== 0) row(sayTax('notRecorded'), money(notRecorded));
    row(sayTax('withTax'), money(report.totals.net.amount), 'bold');
  }

  section('byPlan', report.byPlan.length === 0);
  for (const plan of report.byPlan) {
    row(counted(plan.planName, plan.sales), money(plan.amount.amount));
    row(`  ${say('dealerCost')}`, money(plan.dealerCost.amount));
    row(`  ${say('margin')}`, money(plan.margin.amount));
  }
  section('byPayment', report.byPayment.length === 0);
  for (const payment of report.byPayment) {
    row(
      counted(sayAsReceipt(`methods.${payment.method}`), payment.sales),
      money(payment.amount.amount),
    );
    if (payment.refunds.amount > 0) {
      row(`  ${say('refunds')}`, money(payment.refunds.amount));
    }
  }
  section('byClerk', report.byClerk.length === 0);
  for (const clerk of report.byClerk) {
    row(counted(clerk.clerk, clerk.sales), money(clerk.amount.amount));
  }
  // The shop's one drawer counts every till: the owner compares them here.
  if (report.drawer === 'shop' && report.tills) {
    const sayDrawers = (key: string) =>
      t(`drawers.print.${key}`, { lng: language, interpolation: { escapeValue: false } });
    rule(false);
    text(sayDrawers('byTill'), 'bold', 'left');
    for (const line of report.tills) {
      row(counted(line.till.name, line.sales), money(line.net.amount));
      row(`  ${sayDrawers('cash')}`, signed(line.cash.amount));
    }
  }
  section('byModem', report.byModem.length === 0);
  for (const modem of report.byModem) {
    row(counted(modem.modemId ?? say('noModem'), modem.sales), money(modem.amount.amount));
  }
  section('byStatus', report.byStatus.length === 0);
  for (const status of report.byStatus) {
    row(counted(say(`statuses.${status.status}`), status.sales), money(status.amount.amount));
  }

  section('refundsTitle', report.refunds.length === 0);
  for (const refund of report.refunds) {
    row(
      say('refund', {
        receipt: receiptOf(refund.saleId),
        method: sayAsReceipt(`methods.${refund.method}`),
        at: when(refund.at),
      }),
      money(refund.amount.amount),
    );
    for (const line of refundCauseLines(refund, t, language)) text(line, 'normal', 'left');
  }
  section('cashMovements', report.cashMovements.length === 0);
  for (const movement of report.cashMovements) {
    row(
      say(`cashMovement.${movement.kind}`, { actor: movement.actor, at: when(movement.at) }),
      money(movement.amount.amount),
    );
    text(movement.reason, 'normal', 'left');
  }

  const { cash } = report;
  section('cash');
  row(say('float'), money(cash.float.amount));
  row(say('cashSales'), money(cash.cashSales.amount));
  row(say('cashRefunds'), money(cash.cashRefunds.amount));
  row(say('cashIn'), money(cash.cashIn.amount));
  row(say('cashOut'), money(cash.cashOut.amount));
  row(say('expected'), money(cash.expected.amount), 'bold');
  if (report.count) {
    section('count', report.count.counted.length === 0);
    for (const line of report.count.counted) {
      row(
        say('denomination', {
          denomination: formatAmount(line.denomination, currency, language),
          pieces: line.count,
        }),
        money(line.denomination * line.count),
      );
    }
    row(say('countedTotal'), money(report.count.total.amount), 'bold');
    row(say('difference'), signed(report.count.difference), 'bold');
    if (report.count.reason !== null) {
      text(say('reason', { reason: report.count.reason }), 'normal', 'left');
    }
  }

  section('dealer', report.dealer.length === 0);
  for (const sim of report.dealer) {
    const carrier = document.names.carriers[sim.carrierId] ?? sim.carrierId;
    text(say('dealerSim', { modem: sim.modemId, carrier }), 'bold', 'left');
    for (const [moment, reading] of [
      ['opening', sim.opening],
      ['closing', sim.closing],
    ] as const) {
      row(
        reading ? say(`${moment}From.${reading.source}`) : say(moment),
        reading ? money(reading.amount) : say('notRead'),
      );
    }
    row(say('dealerMovement'), sim.movement === null ? say('notRead') : money(sim.movement));
    row(say('expectedMovement'), money(sim.expected));
    if ((sim.beforeOpening ?? 0) > 0) {
      text(sayName('beforeOpening', { count: sim.beforeOpening }), 'normal', 'left');
    }
    row(say('difference'), sim.difference === null ? say('notRead') : signed(sim.difference));
    if (sim.explaining.length > 0) {
      text(
        say('explaining', { sales: sim.explaining.map(receiptOf).join(', ') }),
        'normal',
        'left',
      );
    }
  }

  section('unknownSales', report.unknownSales.length === 0);
  for (const sale of report.unknownSales) {
    row(
      say('sale', { receipt: receiptOf(sale.id), at: when(sale.createdAt) }),
      money(sale.price.amount),
    );
    text(`${sale.msisdn} ${sale.planName}`, 'normal', 'left');
  }

  if (z?.perpetual) {
    const sayPerpetual = printTranslator(t, 'periods', language);
    rule(false);
    text(sayPerpetual('print.perpetual'), 'bold', 'left');
    row(sayPerpetual('print.grandTotal'), money(z.perpetual.grandTotal.amount), 'bold');
    row(sayPerpetual('print.count'), String(z.perpetual.count));
  }

  rule(true);
  if (z) {
    // Whole, on lines of their own, to be compared character by character with the books.
    for (const [key, hash] of [
      ['hash', z.hash],
      ['prevHash', z.prevHash],
    ] as const) {
      text(say(key), 'normal', 'left');
      text(hash, 'normal', 'left');
    }
  }
  return lines;
}
