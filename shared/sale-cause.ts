import { z } from 'zod';
import type { SaleStatus } from './sale';

/**
 * Why a top-up was not done (a failed sale) or not confirmed (an unknown sale), as the clerk is
 * told it: a code the interface words in the clerk’s language (`saleCause.why.<code>`,
 * `saleCause.todo.<code>` for what to do), the carrier's own words when it said something, and
 * for a busy modem bank how long it is expected to stay busy.
 */
export const saleCauseCodes = [
  /** The carrier does not know the card's number. */
  'unknown_number',
  /** The carrier refused this plan for this card. */
  'plan_not_allowed',
  /** No dealer SIM of the carrier has float enough for the plan. */
  'dealer_float_low',
  /** Every dealer SIM of the carrier reached its daily cap. */
  'daily_cap_reached',
  /** The carrier refused the dealer SIM's PIN. */
  'wrong_dealer_pin',
  /** The carrier refused it, in words of its own (carrierText). */
  'carrier_refused',
  /** No modem of the carrier was free in time (retryAfterSeconds: when one may be). */
  'no_modem_free',
  /** The modem failed before the top-up was sent: certainly not sent. */
  'not_sent',
  /** The carrier did not answer once the top-up was sent. */
  'carrier_timeout',
  /** The carrier answered something the shop's carrier profile does not recognise (carrierText). */
  'carrier_unexpected',
  /** The modem was lost once the top-up was sent. */
  'modem_lost',
  /** A manager settled it by hand (carrierText: their reason). */
  'settled_by_hand',
] as const;

export type SaleCauseCode = (typeof saleCauseCodes)[number];

export const saleCauseSchema = z.object({
  code: z.enum(saleCauseCodes),
  /** What the carrier said (or the manager wrote), shown as it is; null when nothing. */
  carrierText: z.string().nullable(),
  /** For no_modem_free: in how many seconds a modem of the carrier is expected free. */
  retryAfterSeconds: z.number().int().nonnegative().nullable(),
});

export type SaleCause = z.output<typeof saleCauseSchema>;

/** The causes after which the same sale may be tried again at once: nothing was sent. */
const retryable: ReadonlySet<SaleCauseCode> = new Set([
  'no_modem_free',
  'not_sent',
  'dealer_float_low',
  'daily_cap_reached',
]);

/**
 * Whether the counter offers Try again (a new sale with the same number, plan and payment): only
 * for a failed sale whose top-up certainly did not reach the carrier. An unknown sale is never
 * sold again.
 */
export function canTryAgain(status: SaleStatus, cause: SaleCause | null): boolean {
  return status === 'failed' && cause !== null && retryable.has(cause.code);
}

/** One line of a cause's wording: an i18n key and its values. */
export interface SaleCauseLine {
  key: `saleCause.why.${SaleCauseCode}` | 'saleCause.carrierSaid' | 'saleCause.managerSaid';
  values: { text?: string };
}

/**
 * Why a sale failed or is pending, as the screens and the printed reports word it: the cause,
 * then the carrier's words (or the manager's, for a sale settled by hand) as they are.
 */
export function saleCauseReasonLines(cause: SaleCause): SaleCauseLine[] {
  const { code, carrierText } = cause;
  const why: SaleCauseLine = { key: `saleCause.why.${code}`, values: {} };
  if (carrierText === null) return [why];
  const said = code === 'settled_by_hand' ? 'saleCause.managerSaid' : 'saleCause.carrierSaid';
  return [why, { key: said, values: { text: carrierText } }];
}
