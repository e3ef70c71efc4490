import type { z } from 'zod';

/** Every error either transport can return, with the HTTP status the browser host answers. */
export const errorStatus = {
  invalid_input: 400,
  /** A request the browser host cannot read: its path, request line or headers. */
  bad_request: 400,
  invalid_json: 400,
  unauthorized: 401,
  /**
   * A token whose session has ended: unused for the shop's idle time, signed out, or 12 h old.
   * The interface goes back to its sign-in screen.
   */
  session_expired: 401,
  /**
   * A request from the shop's network without a paired counter's credential, or with one that
   * was revoked: pair the counter (Settings → Counters on the hub gives a code).
   */
  device_unpaired: 401,
  /**
   * The head office refused the enrolment code: wrong, expired or used; ask it for a new one. Or
   * the shop is kept in another time zone or currency there than here (`params.reason`
   * `zone_mismatch`, with both sides' values), or has no profile yet (`no_profile`).
   */
  enrolment_refused: 403,
  /**
   * The shop's carrier profiles and prices are the head office's (a managed shop): they change
   * there, and arrive here by the sync.
   */
  managed_by_head_office: 409,
  /** A pairing code wrong, expired, used or out of tries: ask the manager for a new one. */
  pairing_refused: 403,
  forbidden: 403,
  unknown_procedure: 404,
  not_found: 404,
  method_not_allowed: 405,
  request_timeout: 408,
  conflict: 409,
  /** An idempotency key already used for a sale with another card, plan or payment. */
  idempotency_key_reused: 409,
  /**
   * The sale of this idempotency key is still being sold, past the time a retry waits for it:
   * ask again after `params.retryAfter` seconds (also the browser host's Retry-After header).
   */
  in_progress: 409,
  /**
   * A top-up for this number is being sent at another till (`params.till`): held, never sent
   * twice; the clerk tries again once it has its outcome.
   */
  number_busy: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  /** Wrong PINs come too fast from this client: `params.retryAfter` seconds (and Retry-After). */
  rate_limited: 429,
  /** A name locked after many wrong PINs in a row: a manager unlocks it (`users.unlock`). */
  user_locked: 423,
  headers_too_large: 431,
  internal: 500,
  /** A printer (or the program that reaches it) did not take the receipt; nothing was logged. */
  printer_failed: 502,
  /** The carrier answered, but not what was asked (e.g. no balance in its reply). */
  carrier_reply: 502,
  /** No modem of the carrier could take the job. */
  no_modem: 503,
  /**
   * The shop's database failed SQLite's check (or a read hit a damaged page): it is open for
   * reading only until a manager restores a backup; nothing is sold or written meanwhile.
   */
  database_damaged: 503,
  /** The carrier did not answer in time. */
  carrier_timeout: 504,
  // Never sent by the shop's core: the client's word for a host it cannot reach, and a counter's
  // for its hub (electron/counter/remote-core.ts).
  unreachable: 503,
} as const;

export type ErrorCode = keyof typeof errorStatus;

/** One field-level problem; `code` (and `params`) are what the interface translates. */
export interface ApiIssue {
  path: string;
  code: string;
  message: string;
  params?: Record<string, string | number>;
}

/** The single error shape of both transports: `{ "error": ApiErrorBody }`. */
export interface ApiErrorBody {
  code: ErrorCode;
  message: string;
  issues?: ApiIssue[];
  /** What the interface shows with an error that is not about a field (a carrier's reply). */
  params?: Record<string, string | number>;
}

export class ApiError extends Error {
  readonly code: ErrorCode;
  readonly issues: ApiIssue[] | undefined;
  readonly params: Record<string, string | number> | undefined;

  constructor(
    code: ErrorCode,
    message: string,
    issues?: ApiIssue[],
    params?: Record<string, string | number>,
  ) {
    super(message);
    this.name = 'ApiError';
    this.code = code;
    this.issues = issues;
    this.params = params;
  }

  toBody(): ApiErrorBody {
    return {
      code: this.code,
      message: this.message,
      ...(this.issues ? { issues: this.issues } : {}),
      ...(this.params ? { params: this.params } : {}),
    };
  }

  static fromBody(body: ApiErrorBody): ApiError {
    return new ApiError(body.code, body.message, body.issues, body.params);
  }
}

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && Object.hasOwn(errorStatus, value);
}

/** Turns zod's issues into the contract's issues: refinements carry their code in `reason`. */
export function issuesFromZod(error: z.ZodError): ApiIssue[] {
  return error.issues.map((issue) => {
    const params: Record<string, string | number> = {};
    let code: string = issue.code;
    if (issue.code === 'custom') {
      for (const [key, value] of Object.entries(issue.params ?? {})) {
        if (typeof value === 'string' || typeof value === 'number') params[key] = value;
      }
      code = typeof params.reason === 'string' ? params.reason : 'custom';
      delete params.reason;
    } else if (issue.code === 'too_small' || issue.code === 'too_big') {
      const limit = issue.code === 'too_small' ? issue.minimum : issue.maximum;
      params.limit = Number(limit);
    }
    return {
      path: issue.path.map(String).join('.'),
      code,
      message: issue.message,
      ...(Object.keys(params).length > 0 ? { params } : {}),
    };
  });
}
