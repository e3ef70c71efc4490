import { expect } from 'vitest';
import { postApi } from './api';
import { withTestHosts } from './host';
import { cookieOf, freePort, pinnedCall } from './pinned-https';

/**
 * A demo hub on a clock the test moves, open to "the shop's network" on 127.0.0.2 (a loopback
 * address standing for the hub's interface), with its manager signed in on this machine.
 */
export function withHubs() {
  const startTestHost = withTestHosts();
  return async () => {
    let clock = Date.parse('2026-12-07T09:00:00Z');
    const started = await startTestHost({ demo: true, now: () => new Date(clock) });
    const local = started.host.url;
    const signIn = await postApi(local, 'auth.login', { name: 'manager', pin: '9999' });
    const manager = signIn.body.token as string;
    const port = await freePort('127.0.0.2');
    const opened = await postApi(
      local,
      'counters.setNetwork',
      { open: true, address: '127.0.0.2', port },
      { token: manager },
    );
    expect(opened.body).toMatchObject({ url: `https://127.0.0.2:${port}/`, problem: null });
    const url = opened.body.url as string;
    const fingerprint = opened.body.fingerprint as string;
    const hub = {
      ...started,
      local,
      manager,
      url,
      port,
      fingerprint,
      wait: (ms: number) => {
        clock += ms;
      },
      /** A new pairing code made by the manager at the hub. */
      async code(tillName?: string) {
        const answer = await postApi(
          local,
          'counters.createPairingCode',
          tillName === undefined ? {} : { tillName },
          { token: manager },
        );
        expect(answer.status).toBe(200);
        return answer.body.code as string;
      },
      pair: (code: string, from = '127.0.0.4') =>
        pinnedCall(url, fingerprint, 'counters.pair', { code }, { from }),
      /** A counter at `from`: paired with a new code, its clerk signed in there. */
      async counter(from = '127.0.0.4', name = 'clerk', pin = '1111') {
        const paired = await hub.pair(await hub.code(), from);
        expect(paired.status).toBe(200);
        const cookie = cookieOf(paired);
        const call = (procedure: string, input: unknown, token?: string) =>
          pinnedCall(url, fingerprint, procedure, input, { cookie, token, from });
        const login = await call('auth.login', { name, pin });
        expect(login.status).toBe(200);
        return { paired, cookie, call, token: login.body.token as string, from };
      },
    };
    return hub;
  };
}
