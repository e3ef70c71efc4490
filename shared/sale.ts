import { z } from 'zod';
import { moneySchema } from './currencies';

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

/**
 * Whether the top-up has an outcome the customer is told (on a receipt): done, failed and
 * refunded, or pending verification. `sales.renew` answers once a sale has one.
 */
export function hasOutcome(status: SaleStatus): boolean {
  return status === 'succeeded' || status === 'failed' || status === 'unknown';
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

/** A sale as the interface sees it. Amounts are minor units of the price's currency. */
export const saleSchema = z.object({
  id: z.number().int(),
  /** The key the counter made for it: how a screen recognises its own sale's progress. */
  idempotencyKey: z.string(),
  status: z.enum(saleStatuses),
  msisdn: z.string(),
  carrierId: z.string(),
  planId: z.string(),
  planName: z.string(),
  dataMb: z.number().int(),
  validityDays: z.number().int(),
  price: moneySchema,
  payment: z.object({
    method: z.enum(paymentMethods),
    tendered: z.number().int().nullable(),
    change: z.number().int().nullable(),
    reference: z.string().nullable(),
  }),
  clerkId: z.number().int(),
  modemId: z.string().nullable(),
  carrierReference: z.string().nullable(),
  dealerBalanceAfter: z.number().int().nullable(),
  /** Receipts are issued from the next version on; null until then. */
  receiptNumber: z.number().int().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

export type SaleView = z.output<typeof saleSchema>;

/** What the clerk confirms at the counter. */
export const renewalRequestSchema = z
  .object({
    msisdn: z.string().max(40),
    planId: z.string().max(40),
    payment: paymentSchema,
    /** Made by the counter screen once per confirmation: a retry sends the same key. */
    idempotencyKey: z.string().regex(/^[A-Za-z0-9-]{8,100}$/),
  })
  .strict();
