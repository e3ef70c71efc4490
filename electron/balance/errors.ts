/**
 * Why a balance check or a card could not be given, as values with stable codes the API and the
 * interface translate. What the carrier answered is kept with the check; `text` repeats it here.
 */
type BalanceErrorCode =
  /** No carrier profile has this id (or none is loaded at all). */
  | 'unknown_carrier'
  /** Several carriers' numbers look like this one and the card was never sold or checked. */
  | 'carrier_required'
  /** The shop profile (its time zone reads the carrier's dates) is not set up yet. */
  | 'no_shop'
  /** No registered modem of the carrier came free in time, or none could send the query. */
  | 'no_modem'
  /** The carrier did not answer in time. */
  | 'carrier_timeout'
  /** The carrier answered without a balance: `reason` says how, `text` is its reply. */
  | 'carrier_reply'
  /** The departure date is already past in the shop's time zone. */
  | 'departure_passed';

export class BalanceError extends Error {
  override name = 'BalanceError';
  constructor(
    readonly code: BalanceErrorCode,
    message: string,
    readonly reply?: { reason: string; text: string },
  ) {
    super(message);
  }
}
