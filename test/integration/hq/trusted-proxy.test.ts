import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { signInThrottle } from '../../../electron/hq/staff';
import { postFrom } from '../../support/from-address';
import { signInStaff, startHeadOfficeInProcess, testStaff } from '../../support/head-office';

// The clock stands still: a client made to wait stays waiting for the whole file.
const now = () => new Date('2026-12-07T08:00:00Z');
let behindProxy: Awaited<ReturnType<typeof startHeadOfficeInProcess>>;
let direct: Awaited<ReturnType<typeof startHeadOfficeInProcess>>;

beforeAll(async () => {
  // 127.0.0.1 plays the reverse proxy; 127.0.0.2 is anyone else reaching the server directly.
  behindProxy = await startHeadOfficeInProcess({
    postgresUrl: inject('postgresUrl'),
    now,
    trustedProxies: new Set(['127.0.0.1']),
  });
  direct = await startHeadOfficeInProcess({ postgresUrl: inject('postgresUrl'), now });
  await signInStaff(behindProxy);
  await signInStaff(direct);
});
afterAll(async () => {
  await behindProxy.stop();
  await direct.stop();
});

const wrong = { name: testStaff.name, password: 'pas le bon mot de passe' };
const signIn = (
  headOffice: { url: string },
  password: { name: string; password: string },
  sender: { from: string; forwardedFor?: string },
) => postFrom(headOffice.url, '/api/staff.login', password, sender);

/** Wrong passwords up to the free ones, each refused as wrong (not yet slowed down). */
async function useFreeGuesses(
  headOffice: { url: string },
  senders: readonly { from: string; forwardedFor?: string }[],
) {
  expect(senders).toHaveLength(signInThrottle.freeFailures);
  for (const sender of senders) {
    expect((await signIn(headOffice, wrong, sender)).status).toBe(401);
  }
}

describe('wrong passwords behind a trusted reverse proxy', () => {
  it('counts them under the address the proxy forwards, so one guesser locks out no one else', async () => {
    const guesser = { from: '127.0.0.1', forwardedFor: '198.51.100.7' };
    await useFreeGuesses(behindProxy, [guesser, guesser, guesser]);
    const slowed = await signIn(behindProxy, wrong, guesser);
    expect(slowed).toMatchObject({
      status: 429,
      retryAfter: '1',
      body: { error: { code: 'rate_limited', params: { retryAfter: 1 } } },
    });
    // A forged address the guesser puts first, or a second trusted hop after it, changes nothing:
    // the right-most address that is no trusted proxy is the one the proxy saw.
    for (const forwardedFor of ['203.0.113.1, 198.51.100.7', '198.51.100.7, 127.0.0.1']) {
      expect((await signIn(behindProxy, wrong, { from: '127.0.0.1', forwardedFor })).status).toBe(
        429,
      );
    }
    // Another client behind the same proxy signs in.
    const colleague = { from: '127.0.0.1', forwardedFor: '198.51.100.8' };
    expect((await signIn(behindProxy, testStaff, colleague)).status).toBe(200);
  });

  it('ignores X-Forwarded-For from a peer that is not a trusted proxy', async () => {
    await useFreeGuesses(behindProxy, [
      { from: '127.0.0.2', forwardedFor: '192.0.2.1' },
      { from: '127.0.0.2', forwardedFor: '192.0.2.2' },
      { from: '127.0.0.2', forwardedFor: '192.0.2.3' },
    ]);
    // Counted as 127.0.0.2 whatever it claims, so a fresh claim does not start it anew …
    const slowed = await signIn(behindProxy, testStaff, {
      from: '127.0.0.2',
      forwardedFor: '192.0.2.4',
    });
    expect(slowed).toMatchObject({ status: 429, body: { error: { code: 'rate_limited' } } });
    // … and a client forwarded under one of the addresses it named is not held up by it.
    expect(
      (await signIn(behindProxy, testStaff, { from: '127.0.0.1', forwardedFor: '192.0.2.4' }))
        .status,
    ).toBe(200);
  });
});

describe('wrong passwords with no proxy trusted (the default)', () => {
  it('counts them under the TCP peer, whatever X-Forwarded-For says', async () => {
    await useFreeGuesses(direct, [
      { from: '127.0.0.1', forwardedFor: '192.0.2.1' },
      { from: '127.0.0.1', forwardedFor: '192.0.2.2' },
      { from: '127.0.0.1', forwardedFor: '192.0.2.3' },
    ]);
    const slowed = await signIn(direct, testStaff, {
      from: '127.0.0.1',
      forwardedFor: '192.0.2.9',
    });
    expect(slowed).toMatchObject({ status: 429, retryAfter: '1' });
    expect((await signIn(direct, testStaff, { from: '127.0.0.2' })).status).toBe(200);
  });
});
