/**
 * A HiLink stick's session, as pure functions: the cookie and verification token it hands out
 * (`GET /api/webserver/SesTokInfo`), and the next token each answer carries in its headers (a
 * token is good for one request: the stick rotates it after every POST).
 */
import { childText, type XmlElement } from './xml';

export interface HilinkSession {
  /** `SessionID=…`, sent back as the Cookie header. */
  cookie: string;
  /** Tokens to use, oldest first; the stick may hand several at once (`a#b#c`). */
  tokens: string[];
}

/** The session in a SesTokInfo answer; null when it holds none (a stick that needs no token). */
export function sessionFromTokInfo(response: XmlElement): HilinkSession | null {
  const sesInfo = childText(response, 'SesInfo');
  const tokInfo = childText(response, 'TokInfo');
  if (!sesInfo || !tokInfo) return null;
  return { cookie: cookiePair(sesInfo), tokens: [tokInfo] };
}

/** `SessionID=abc; path=/; HttpOnly` → `SessionID=abc`. */
function cookiePair(header: string): string {
  return header.split(';')[0]?.trim() ?? '';
}

type Headers = Readonly<Record<string, string | string[] | undefined>>;

const headerValues = (headers: Headers, name: string): string[] => {
  const value = headers[name.toLowerCase()];
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
};

/**
 * The session after an answer: a new cookie replaces the old one; new tokens replace those
 * left (a POST used one up; the stick hands its successor in `__RequestVerificationToken`,
 * or a list in `__RequestVerificationTokenone`/`two` after a login).
 */
export function sessionAfter(session: HilinkSession, headers: Headers): HilinkSession {
  const cookie = headerValues(headers, 'set-cookie')
    .map(cookiePair)
    .find((pair) => pair.startsWith('SessionID='));
  const tokens = [
    ...headerValues(headers, '__RequestVerificationTokenone'),
    ...headerValues(headers, '__RequestVerificationTokentwo'),
    ...headerValues(headers, '__RequestVerificationToken'),
  ]
    .flatMap((value) => value.split('#'))
    .map((token) => token.trim())
    .filter((token) => token !== '');
  return {
    cookie: cookie ?? session.cookie,
    tokens: tokens.length > 0 ? tokens : session.tokens,
  };
}

/** The token for the next request, and the session once it is spent (POSTs spend it). */
export function takeToken(
  session: HilinkSession,
  spends: boolean,
): { token: string | null; session: HilinkSession } {
  const [token = null, ...rest] = session.tokens;
  if (!spends || rest.length === 0) return { token, session };
  return { token, session: { ...session, tokens: rest } };
}
