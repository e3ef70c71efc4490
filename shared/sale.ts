import { z } from 'zod';
import { tillSchema } from './counters';
import { currencyCodeSchema, moneyInputSchema, moneySchema, signedMoneySchema } from './currencies';
import { languageSchema } from './languages';
import { type SaleCause, saleCauseSchema } from './sale-cause';
import { taxRateSchema } from './tax';

/** The life of a sale in the renewal journal (DESIGN.md). */
export const saleStatuses = ['draft', 'paid', 'sending', 'succeeded', 'failed', 'unknown'] as const;
export type SaleStatus = (typeof saleStatuses)[number];

/**
 * Every move the journal allows. `unknown` is left only by verification (carrier SMS, balance
 * check, a manager); `succeeded` and `failed` are final. `sending` to `sending` is a top-up
 * certainly not sent through its modem going on through another one.
 */
const saleTransitions: Readonly<Record<SaleStatus, readonly SaleStatus[]>> = {
  draft: ['paid', 'failed'],
  paid: ['sending', 'failed'],
  sending: ['succeeded', 'failed', 'unknown', 'sending'],
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
    /** Cash handed over; required for cash. */
    tendered: moneyInputSchema.optional(),
    /** Card slip or transfer reference. */
    reference: z
      .string()
      .trim()
      .max(40)
      .regex(/^[\p{L}\p{N} ._\-/#]*$/u)
      .optional(),
  })
  .strict();

/** A payment as the caller sends it. */
export type PaymentInput = z.output<typeof paymentSchema>;

/** A payment as the journal records it: cash tendered in minor units of the sale's currency. */
export type Payment = Omit<PaymentInput, 'tendered'> & { tendered?: number };

/**
 * A renewal as the journal records it, one field per column of `sales` (the column is the
 * field's name in snake_case; the payment's columns are named in the journal). Amounts are
 * integer minor units of `currency`. A new column is a migration, a field here, and one line in
 * the journal's `saleOf` (and in `saleView` unless `saleSchema` leaves it out): the type checker
 * names each place.
 */
export const saleRecordSchema = z.object({
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
  price: z.number().int(),
  dealerCost: z.number().int(),
  /**
   * The plan's tax rate when it was sold (basis points, see shared/tax.ts); null for a sale made
   * before rates were recorded (Comptoir before migration 0017), whose tax is not known.
   */
  taxRate: taxRateSchema.nullable(),
  currency: currencyCodeSchema,
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
  createdAt: z.string(),
  updatedAt: z.string(),
});

export type Sale = z.output<typeof saleRecordSchema>;

/**
 * A sale as the interface sees it: every amount as money in the sale's currency, its receipt's
 * number, and not what the dealer SIM paid for it.
 */
export const saleSchema = saleRecordSchema
  .omit({ price: true, currency: true, dealerCost: true, payment: true, dealerBalanceAfter: true })
  .extend({
    price: moneySchema,
    payment: z.object({
      method: z.enum(paymentMethods),
      /** Cash handed over; null unless paid in cash. */
      tendered: moneySchema.nullable(),
      /** Change given back; null unless paid in cash. */
      change: moneySchema.nullable(),
      reference: z.string().nullable(),
    }),
    /** What the dealer SIM had left after the top-up, as the carrier said (below zero in debt). */
    dealerBalanceAfter: signedMoneySchema.nullable(),
    /** Null until the sale has an outcome (its receipt comes with it), and for sales older than receipts. */
    receiptNumber: z.number().int().nullable(),
    /** Why a failed sale failed or an unknown sale is not confirmed; null otherwise. */
    cause: saleCauseSchema.nullable(),
    /** Where it was sold: its receipt is in this till's book (the hub's for sales before counters). */
    till: tillSchema.pick({ id: true, name: true }),
  });

export type SaleView = z.output<typeof saleSchema>;

/** Field by field, as the journal reads a sale (see saleOf there): lists of 500 stay fast. */
export function saleView(
  sale: Sale,
  receiptNumber: number | null,
  cause: SaleCause | null,
  till: SaleView['till'],
): SaleView {
  const { currency } = sale;
  const money = (amount: number | null) => (amount === null ? null : { amount, currency });
  return {
    id: sale.id,
    idempotencyKey: sale.idempotencyKey,
    status: sale.status,
    msisdn: sale.msisdn,
    carrierId: sale.carrierId,
    planId: sale.planId,
    planName: sale.planName,
    dataMb: sale.dataMb,
    validityDays: sale.validityDays,
    price: { amount: sale.price, currency },
    taxRate: sale.taxRate,
    payment: {
      method: sale.payment.method,
      tendered: money(sale.payment.tendered),
      change: money(sale.payment.change),
      reference: sale.payment.reference,
    },
    clerkId: sale.clerkId,
    modemId: sale.modemId,
    carrierReference: sale.carrierReference,
    dealerBalanceAfter: money(sale.dealerBalanceAfter),
    receiptNumber,
    cause,
    till,
    createdAt: sale.createdAt,
    updatedAt: sale.updatedAt,
  };
}

/** What the clerk confirms at the counter. */
export const renewalRequestSchema = z
  .object({
    msisdn: z.string().max(40),
    planId: z.string().max(40),
    payment: paymentSchema,
    /** Made by the counter screen once per confirmation: a retry sends the same key. */
    idempotencyKey: z.string().regex(/^[A-Za-z0-9-]{8,100}$/),
    /** The receipt's language, picked by the clerk for the customer; the shop's when left out. */
    receiptLanguage: languageSchema.optional(),
  })
  .strict();
