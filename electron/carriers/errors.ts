/**
 * Refusals of what the caller passed in (a number, a plan, a PIN, a time zone), before anything
 * was sent. What the carrier answers is never thrown: replies are read into values
 * (replies.ts), because a carrier saying something unexpected is news, not a bug.
 */

type CarrierInputErrorCode =
  /** Not a phone number of the carrier's region, or not in one of its ranges. */
  | 'invalid_number'
  /** A phone number of another country. */
  | 'foreign_number'
  /** No plan of this carrier has that id. */
  | 'unknown_plan'
  /** The top-up script asks for the dealer PIN and none was given. */
  | 'missing_pin'
  /** The dealer PIN is not 1 to 16 digits. */
  | 'invalid_pin'
  /** A step would hold something the USSD line must not carry (or more than 160 characters). */
  | 'invalid_ussd'
  /** Not an IANA time zone. */
  | 'invalid_time_zone';

export class CarrierInputError extends Error {
  override name = 'CarrierInputError';
  constructor(
    readonly code: CarrierInputErrorCode,
    message: string,
  ) {
    super(message);
  }
}
