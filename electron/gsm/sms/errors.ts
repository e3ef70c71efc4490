/**
 * Why sending or asking by SMS failed, as values with stable codes the interface translates
 * (STYLE: errors are values, not strings to parse).
 */

type SmsInputErrorCode =
  /** Not `+` and digits, nor a short code or national number of digits. */
  | 'invalid_destination'
  /** The SMSC override is not a phone number. */
  | 'invalid_smsc'
  | 'empty_text'
  /** More than 255 parts. */
  | 'too_long'
  /** The concatenation reference counter gave something outside 0..255. */
  | 'invalid_reference';

/** Refused before a byte was written to the modem. */
export class SmsInputError extends Error {
  override name = 'SmsInputError';
  constructor(
    readonly code: SmsInputErrorCode,
    message: string,
  ) {
    super(message);
  }
}

/**
 * A part of a message was refused (`+CMS ERROR`) or lost (timeout, port gone): the parts after
 * it were not sent. `sent` parts went out before, with their references.
 */
export class SmsSendError extends Error {
  override name = 'SmsSendError';
  constructor(
    /** The cause's stable id: `cms_…`-style ids of the CMS table, `timeout`, `link_closed`. */
    readonly id: string,
    /** 1-based number of the part that failed. */
    readonly failedPart: number,
    readonly totalParts: number,
    /** Message references (+CMGS) of the parts that went out, in order. */
    readonly references: ReadonlyArray<number | null>,
    override readonly cause: unknown,
  ) {
    super(
      `Part ${failedPart} of ${totalParts} was not sent (${id}); ${references.length} sent before it`,
    );
  }

  /** How many parts went out before the failure. */
  get sent(): number {
    return this.references.length;
  }
}

/** No complete reply from the expected sender arrived in time. */
export class SmsQueryTimeoutError extends Error {
  override name = 'SmsQueryTimeoutError';
  readonly id = 'sms_query_timeout';
  constructor(
    readonly to: string,
    readonly timeoutMs: number,
  ) {
    super(`No reply from ${to} within ${timeoutMs} ms`);
  }
}
