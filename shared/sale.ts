import { z } from 'zod';

/** The life of a sale in the renewal journal (DESIGN.md). */
export const saleStatuses = ['draft', 'paid', 'sending', 'succeeded', 'failed', 'unknown'] as const;
export type SaleStatus = (typeof saleStatuses)[number];

/**
 * Every move the journal allows. `unknown` is left only by verification (carrier SMS, balance
 * check, a manager); `succeeded` and `failed` are final.
 */
export const saleTransitions: Readonly<Record<SaleStatus, readonly SaleStatus[]>> = {
  draft: ['paid', 'failed'],
  paid: ['sending', 'failed'],
  sending: ['succeeded', 'failed', 'unknown'],
  unknown: ['succeeded', 'failed'],
  succeeded: [],
  failed: [],
};

export function canMove(from: SaleStatus, to: SaleStatus): boolean {
  return saleTransitions[from].includes(to);
}

export const paymentMethods = ['cash', 'card', 'other'] as const;
export type PaymentMethod = (typeof paymentMethods)[number];

export const paymentSchema = z
  .object({
    method: z.enum(paymentMethods),
    /** Cash handed over, in minor units; required for cash. */
    tendered: z.number().int().nonnegative().safe().optional(),
    /** Card slip or transfer reference. */
    reference: z
      .string()
      .trim()
      .max(40)
      .regex(/^[\p{L}\p{N} ._\-/#]*$/u)
      .optional(),
  })
  .strict();

export type Payment = z.output<typeof paymentSchema>;
