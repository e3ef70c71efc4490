import { z } from 'zod';
import type { ZFigures } from '../../../shared/api/hq-contract/reports';
import { dayReportSchema } from '../../../shared/day';

/**
 * The part of a shop's Z content the head office reads: the totals every Z report has, and the
 * cash and its count (a Z report whose shape came before them is read without its count).
 */
const zContentSchema = z.object({
  report: z.object({
    totals: dayReportSchema.shape.totals,
    cash: dayReportSchema.shape.cash.optional(),
    count: dayReportSchema.shape.count.optional(),
  }),
});

/** What a Z report says, from its stored content; null when that content carries no totals. */
export function zFiguresOf(content: unknown): ZFigures | null {
  const parsed = zContentSchema.safeParse(content);
  if (!parsed.success) return null;
  const { totals, cash, count } = parsed.data.report;
  return {
    sales: totals.sales,
    gross: totals.gross,
    refunds: totals.refunds,
    net: totals.net,
    dealerCost: totals.dealerCost,
    cash:
      cash && count
        ? {
            counted: count.total,
            expected: cash.expected,
            difference: { amount: count.difference, currency: count.total.currency },
          }
        : null,
  };
}

const shiftContentSchema = z.object({
  report: z.object({ shift: z.object({ openedAt: dayReportSchema.shape.shift.shape.openedAt }) }),
});

/**
 * When the shift a Z report closes was opened, from its stored content; null when that content
 * does not say. A shift opened on another day than its Z's counts sales of more than that day.
 */
export function shiftOpenedAtOf(content: unknown): string | null {
  const parsed = shiftContentSchema.safeParse(content);
  return parsed.success ? parsed.data.report.shift.openedAt : null;
}
