import type { DayReport, ReportNames } from '../../shared/day';

/**
 * The names a day report is read in: the receipt number of each sale it names (not the sale's
 * id, which no customer or clerk ever sees) and each dealer SIM's carrier by its name. A sale
 * without a receipt, or a carrier no longer known, is left out and shown as such. The till is
 * named as the manager named it, not by its device id.
 */
export function reportNames(
  report: DayReport,
  lookup: {
    receiptOf(saleId: number): number | null;
    carrierName(carrierId: string): string | null;
    tillName(): string;
  },
): ReportNames {
  const saleIds = new Set([
    ...report.unknownSales.map((sale) => sale.id),
    ...report.refunds.map((refund) => refund.saleId),
    ...report.dealer.flatMap((sim) => sim.explaining),
  ]);
  const receipts: Record<string, number> = {};
  for (const saleId of saleIds) {
    const number = lookup.receiptOf(saleId);
    if (number !== null) receipts[saleId] = number;
  }
  const carriers: Record<string, string> = {};
  for (const { carrierId } of report.dealer) {
    const name = lookup.carrierName(carrierId);
    if (name !== null) carriers[carrierId] = name;
  }
  return { receipts, carriers, till: lookup.tillName() };
}
