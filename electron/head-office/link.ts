import type { z } from 'zod';
import type { ApiIssue } from '../../shared/api/errors';
import {
  type CatalogPull,
  catalogPullSchema,
  type enrolRequestSchema,
  enrolResponseSchema,
  factAckSchema,
  type factBatchSchema,
  headOfficeWire,
  issueSchema,
} from '../../shared/head-office';
import { HubLinkError, pinnedFetch } from '../counter/pinned-link';

/** Why a call to the head office failed, as the Sync status words it. */
export const linkFailures = [
  'no_answer',
  'timeout',
  'not_tls',
  'certificate_changed',
  'untrusted_certificate',
  'credential_refused',
  'credential_unreadable',
  'enrolment_refused',
  'refused',
  'server_error',
  'bad_answer',
] as const;
export type LinkFailure = (typeof linkFailures)[number];

export class HeadOfficeError extends Error {
  constructor(
    readonly code: LinkFailure,
    message: string,
    /** What a refusal names at fault (`facts.3.payload.at`), as the head office's error gives it. */
    readonly issues: readonly ApiIssue[] = [],
    /** What the head office's refusal names, for the shop to word it (an enrolment's zone). */
    readonly params?: Record<string, string>,
  ) {
    super(message);
    this.name = 'HeadOfficeError';
  }
}

/** Where the head office is and how the shop proves who it is. */
export interface HeadOfficeLink {
  /** The origin, `https://host:port` (plain HTTP only on loopback: address.ts checks). */
  url: string;
  /** SHA-256 of a self-signed certificate to pin (hex); null: the system's authorities decide. */
  fingerprint: string | null;
  /** The shop's bearer credential; null while enrolling. */
  credential: string | null;
  /** How long one request may take, connection and answer included. */
  timeoutMs: number;
}

const untrustedCodes = new Set([
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'CERT_HAS_EXPIRED',
  'ERR_TLS_CERT_ALTNAME_INVALID',
]);

/** A request that did not get an answer, in the head office's words (not a hub's). */
function failureOf(error: unknown, url: string, timedOut: boolean, timeoutMs: number) {
  if (timedOut) {
    return new HeadOfficeError(
      'timeout',
      `The head office at ${url} did not answer within ${timeoutMs / 1000} s`,
    );
  }
  if (error instanceof HubLinkError) {
    if (error.kind === 'certificate_changed') {
      return new HeadOfficeError(
        'certificate_changed',
        `The head office at ${url} shows another certificate than the one pinned at enrolment: nothing was sent`,
      );
    }
    if (error.kind === 'timeout') {
      return new HeadOfficeError('timeout', `The head office at ${url} did not answer in time`);
    }
    return new HeadOfficeError(
      error.kind === 'not_tls' ? 'not_tls' : 'no_answer',
      `The head office at ${url}: ${error.message}`,
    );
  }
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  if (cause?.code && untrustedCodes.has(cause.code)) {
    return new HeadOfficeError(
      'untrusted_certificate',
      `The head office at ${url} shows a certificate this PC does not trust (${cause.code}): pin its fingerprint`,
    );
  }
  const detail = cause?.code ?? cause?.message ?? (error as Error).message;
  return new HeadOfficeError('no_answer', `Nothing answers at ${url} (${detail})`);
}

/** What the head office's error body says, when it sent the one error shape. */
interface ErrorBody {
  /** Its own words, null when it gave none. */
  message: string | null;
  /** The first of its issues that read as issues (in the batch's order); none when it sent none. */
  issues: ApiIssue[];
  /** The values it names (`error.params`), only those that are text. */
  params: Record<string, string> | undefined;
  /** The seconds it asks to wait (`error.params.retryAfter`), null when it names none. */
  retryAfter: number | null;
}

/** Reads the head office's error body once; what does not read is left out, never thrown. */
function errorBodyOf(body: string): ErrorBody {
  let error: { message?: unknown; issues?: unknown; params?: unknown } | undefined;
  try {
    error = (JSON.parse(body) as { error?: typeof error } | null)?.error;
  } catch {
    error = undefined;
  }
  const { message, issues, params } = error ?? {};
  const wait = (params as { retryAfter?: unknown } | null | undefined)?.retryAfter;
  return {
    message: typeof message === 'string' ? message.slice(0, 300) : null,
    issues: Array.isArray(issues)
      ? issues.slice(0, 100).flatMap((issue) => {
          const parsed = issueSchema.safeParse(issue);
          return parsed.success ? [parsed.data] : [];
        })
      : [],
    params:
      typeof params === 'object' && params !== null
        ? Object.fromEntries(
            Object.entries(params)
              .filter((entry): entry is [string, string] => typeof entry[1] === 'string')
              .map(([key, value]) => [key, value.slice(0, 80)]),
          )
        : undefined,
    retryAfter: Number.isSafeInteger(wait) && (wait as number) >= 0 ? (wait as number) : null,
  };
}

/** A redirect is never followed: it could send the facts or the code in clear, or elsewhere. */
const redirected = (url: string) =>
  new HeadOfficeError(
    'refused',
    `The head office at ${url} answered with a redirect: the shop sends nothing to another address`,
  );

/** The seconds a 429 asks to wait: its Retry-After, else the head office's `params.retryAfter`. */
function waitOf(retryAfter: string | null, body: string): number | null {
  if (retryAfter !== null && /^\d{1,6}$/.test(retryAfter.trim())) return Number(retryAfter);
  return errorBodyOf(body).retryAfter;
}

/**
 * Too many wrong codes came from the shop's address (its own mistyping, or another machine
 * behind the same one): this code may be right, it was not checked.
 */
function tooManyCodes(seconds: number | null): HeadOfficeError {
  return new HeadOfficeError(
    'enrolment_refused',
    `Too many wrong codes from this address: try again ${seconds === null ? 'later' : `in ${seconds} s`}`,
    [],
    { reason: 'rate_limited', ...(seconds === null ? {} : { retryAfter: String(seconds) }) },
  );
}

function refusalOf(
  status: number,
  body: string,
  path: string,
  url: string,
  retryAfter: string | null,
): HeadOfficeError {
  if (status >= 300 && status <= 399) return redirected(url);
  if (path === headOfficeWire.enrol && status === 429) {
    return tooManyCodes(waitOf(retryAfter, body));
  }
  const answer = errorBodyOf(body);
  const said = answer.message;
  if (status === 401) {
    return new HeadOfficeError(
      'credential_refused',
      `The head office at ${url} no longer accepts this shop’s credential${said ? ` (${said})` : ''}: the shop must be enrolled again with a new code`,
    );
  }
  if (path === headOfficeWire.enrol && (status === 403 || status === 404)) {
    return new HeadOfficeError(
      'enrolment_refused',
      said ?? 'The head office refused the enrolment code: wrong, expired or already used',
      [],
      answer.params,
    );
  }
  if (status >= 500) {
    return new HeadOfficeError(
      'server_error',
      `The head office at ${url} failed (HTTP ${status})${said ? `: ${said}` : ''}`,
    );
  }
  return new HeadOfficeError(
    'refused',
    `The head office at ${url} refused the request (HTTP ${status})${said ? `: ${said}` : ''}`,
    answer.issues,
  );
}

/**
 * The shop's client of its head office's wire (`/hq/v1/*`): each call bounded by the link's
 * timeout, a pinned certificate checked before a byte is sent, and every answer checked against
 * the wire's schema; a failure is a `HeadOfficeError` whose code the Sync status words. `stop`
 * cuts a request short (the shop is closing).
 */
export function headOfficeClient(link: HeadOfficeLink, stop?: AbortSignal) {
  const send = link.fingerprint
    ? pinnedFetch({
        url: link.url,
        fingerprint: link.fingerprint.toUpperCase(),
        credential: null,
        connectTimeoutMs: link.timeoutMs,
      })
    : fetch;

  async function call<S extends z.ZodType>(
    path: string,
    init: { method: 'GET' | 'POST'; body?: unknown },
    schema: S,
  ): Promise<z.output<S>> {
    const timeout = AbortSignal.timeout(link.timeoutMs);
    const signal = stop ? AbortSignal.any([timeout, stop]) : timeout;
    let status: number;
    let text: string;
    let retryAfter: string | null;
    try {
      const response = await send(`${link.url}${path}`, {
        method: init.method,
        headers: {
          accept: 'application/json',
          ...(init.body === undefined ? {} : { 'content-type': 'application/json' }),
          ...(link.credential ? { authorization: `Bearer ${link.credential}` } : {}),
        },
        ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
        // Never followed: the redirect comes back as it is and is refused (refusalOf), as the
        // pinned client's does (it follows none).
        redirect: 'manual',
        signal,
      });
      status = response.status;
      retryAfter = response.headers.get('retry-after');
      text = await response.text();
    } catch (error) {
      throw failureOf(error, link.url, timeout.aborted, link.timeoutMs);
    }
    if (status < 200 || status > 299) throw refusalOf(status, text, path, link.url, retryAfter);
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      throw new HeadOfficeError('bad_answer', `The head office at ${link.url} answered no JSON`);
    }
    const parsed = schema.safeParse(json);
    if (!parsed.success) {
      throw new HeadOfficeError(
        'bad_answer',
        `The head office at ${link.url} answered ${path} with what this shop cannot read`,
      );
    }
    return parsed.data;
  }

  return {
    enrol: (request: z.input<typeof enrolRequestSchema>) =>
      call(headOfficeWire.enrol, { method: 'POST', body: request }, enrolResponseSchema),
    sendFacts: (batch: z.input<typeof factBatchSchema>): Promise<z.output<typeof factAckSchema>> =>
      call(headOfficeWire.facts, { method: 'POST', body: batch }, factAckSchema),
    pullCatalog: (since: number): Promise<CatalogPull> =>
      call(`${headOfficeWire.catalog}?since=${since}`, { method: 'GET' }, catalogPullSchema),
  };
}

export type HeadOfficeClient = ReturnType<typeof headOfficeClient>;
