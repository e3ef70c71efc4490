/**
 * What can go wrong talking to a HiLink stick, as typed errors: the stick refused (an `<error>`
 * with its code), or the exchange itself failed (unreachable, no answer in time, an answer
 * that is not its XML). Codes are the stick firmware's own.
 */

/** What a stick's error code means to us. */
export type HilinkErrorKind =
  /** The session or its verification token is stale: fetch new ones and ask again. */
  | 'token'
  /** The stick wants a login (a password set on its web page): the shop must remove it. */
  | 'no-rights'
  /** The network has not answered the USSD request yet. */
  | 'ussd-pending'
  /** The stick gave up waiting for the network's USSD answer. */
  | 'ussd-timeout'
  /** A USSD session is already open on the stick. */
  | 'ussd-busy'
  | 'ussd-not-supported'
  /** The stick is busy with something else (another request, a SIM being read). */
  | 'busy'
  /** The stick does not offer this function. */
  | 'not-supported'
  | 'refused';

export const HILINK_ERROR_KINDS: Readonly<Record<number, HilinkErrorKind>> = {
  100002: 'not-supported',
  100003: 'no-rights',
  100004: 'busy',
  108003: 'no-rights',
  111013: 'ussd-busy',
  111019: 'ussd-pending',
  111020: 'ussd-timeout',
  111022: 'ussd-not-supported',
  113018: 'busy',
  125001: 'token',
  125002: 'token',
  125003: 'token',
};

export function hilinkErrorKind(code: number): HilinkErrorKind {
  return HILINK_ERROR_KINDS[code] ?? 'refused';
}

/** The stick answered with `<error>`: it did not do what was asked. */
export class HilinkError extends Error {
  override name = 'HilinkError';
  readonly kind: HilinkErrorKind;
  constructor(
    readonly code: number,
    readonly path: string,
    stickMessage = '',
  ) {
    const kind = hilinkErrorKind(code);
    super(
      `The HiLink stick refused ${path}: error ${code} (${kind})${stickMessage ? `: ${stickMessage}` : ''}`,
    );
    this.kind = kind;
  }
}

export type HilinkExchangeFailure = 'unreachable' | 'timeout' | 'bad-answer';

/** The exchange failed: nothing usable came back from the stick. */
export class HilinkExchangeError extends Error {
  override name = 'HilinkExchangeError';
  constructor(
    readonly reason: HilinkExchangeFailure,
    readonly path: string,
    /**
     * The request reached the stick (connected and written): it may have acted on it. A USSD
     * request in that case may be answered later and must never be sent again.
     */
    readonly mayHaveArrived: boolean,
    detail: string,
  ) {
    super(`HiLink ${path}: ${reason} (${detail})`);
  }
}
