import { describe, expect, it } from 'vitest';
import {
  HILINK_ERROR_KINDS,
  HilinkError,
  hilinkErrorKind,
} from '../../../../electron/gsm/hilink/errors';
import {
  sessionAfter,
  sessionFromTokInfo,
  takeToken,
} from '../../../../electron/gsm/hilink/session';
import { parseXml } from '../../../../electron/gsm/hilink/xml';

describe("a HiLink stick's session and token", () => {
  it('takes the session cookie and the token from SesTokInfo', () => {
    const response = parseXml(
      '<response><SesInfo>SessionID=abc123; path=/; HttpOnly</SesInfo><TokInfo>tok-1</TokInfo></response>',
    );
    expect(sessionFromTokInfo(response)).toEqual({ cookie: 'SessionID=abc123', tokens: ['tok-1'] });
    expect(sessionFromTokInfo(parseXml('<response><SesInfo/><TokInfo/></response>'))).toBeNull();
  });

  it.each([
    ['no new token: the one held stays', {}, { cookie: 'SessionID=a', tokens: ['t1'] }],
    [
      'the rotated token replaces the spent one',
      { __requestverificationtoken: 't2' },
      { cookie: 'SessionID=a', tokens: ['t2'] },
    ],
    [
      'a list of tokens after a login, in order',
      { __requestverificationtokenone: 'x1#x2', __requestverificationtokentwo: 'x3' },
      { cookie: 'SessionID=a', tokens: ['x1', 'x2', 'x3'] },
    ],
    [
      'a new session cookie',
      { 'set-cookie': ['lang=fr; path=/', 'SessionID=b; path=/; HttpOnly'] },
      { cookie: 'SessionID=b', tokens: ['t1'] },
    ],
  ])('after an answer: %s', (_, headers, expected) => {
    expect(sessionAfter({ cookie: 'SessionID=a', tokens: ['t1'] }, headers)).toEqual(expected);
  });

  it('a POST spends the first token; a GET and the last token are kept', () => {
    const session = { cookie: 'SessionID=a', tokens: ['t1', 't2'] };
    expect(takeToken(session, true)).toEqual({
      token: 't1',
      session: { ...session, tokens: ['t2'] },
    });
    expect(takeToken(session, false)).toEqual({ token: 't1', session });
    const last = { cookie: 'SessionID=a', tokens: ['t2'] };
    expect(takeToken(last, true)).toEqual({ token: 't2', session: last });
    expect(takeToken({ cookie: 'SessionID=a', tokens: [] }, true).token).toBeNull();
  });
});

describe("a stick's error codes", () => {
  it.each([
    [125002, 'token'],
    [125003, 'token'],
    [100003, 'no-rights'],
    [111019, 'ussd-pending'],
    [111020, 'ussd-timeout'],
    [111013, 'ussd-busy'],
    [111022, 'ussd-not-supported'],
    [100002, 'not-supported'],
    [113053, 'refused'],
  ])('%i means %s', (code, kind) => {
    expect(hilinkErrorKind(code)).toBe(kind);
    expect(new HilinkError(code, '/api/x')).toMatchObject({ code, kind, path: '/api/x' });
  });

  it('names the code in the message', () => {
    expect(new HilinkError(100003, '/api/ussd/send', 'login').message).toBe(
      'The HiLink stick refused /api/ussd/send: error 100003 (no-rights): login',
    );
    expect(Object.keys(HILINK_ERROR_KINDS).length).toBeGreaterThan(5);
  });
});
