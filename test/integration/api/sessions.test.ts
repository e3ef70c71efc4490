import { describe, expect, it } from 'vitest';
import { createClient } from '../../../shared/api/client';
import { httpTransport } from '../../../shared/api/http-transport';
import { postApi, refusal } from '../../support/api';
import { withTestHosts } from '../../support/host';

const startTestHost = withTestHosts();

const minute = 60_000;

/** A demo host (idle lock 5 min) on a clock the test moves. */
async function hostOnClock() {
  let clock = Date.parse('2026-03-02T09:00:00Z');
  const started = await startTestHost({ demo: true, now: () => new Date(clock) });
  const url = started.host.url;
  const signIn = async (name: string, pin: string, from?: string) => {
    const answer = await postApi(url, 'auth.login', { name, pin }, { from });
    expect(answer.status).toBe(200);
    return answer.body.token as string;
  };
  return {
    ...started,
    url,
    signIn,
    wait: (ms: number) => {
      clock += ms;
    },
    /** A call only a signed-in user may make, with `token`. */
    listSales: (token: string) => postApi(url, 'sales.list', {}, { token }),
  };
}

describe('a session on the server', () => {
  it('ends after the shop’s idle time without a call, and each call renews it', async () => {
    const shop = await hostOnClock();
    const clerk = await shop.signIn('clerk', '1111');
    const manager = await shop.signIn('manager', '9999');
    shop.wait(4 * minute);
    expect((await shop.listSales(clerk)).status).toBe(200);
    shop.wait(4 * minute);
    // 8 minutes signed in, 4 since the clerk's last call: still the clerk's.
    expect((await shop.listSales(clerk)).status).toBe(200);
    const idle = await shop.listSales(manager);
    expect(idle.status).toBe(401);
    expect(idle.body.error?.code).toBe('session_expired');
    shop.wait(5 * minute);
    expect((await shop.listSales(clerk)).body.error?.code).toBe('session_expired');
    // A new sign-in is a new session.
    expect((await shop.listSales(await shop.signIn('clerk', '1111'))).status).toBe(200);
  });

  it('follows a change of the shop’s idle time in the sessions already open', async () => {
    const shop = await hostOnClock();
    const manager = await shop.signIn('manager', '9999');
    const clerk = await shop.signIn('clerk', '1111');
    const { profile } = (await postApi(shop.url, 'shop.get', {})).body as {
      profile: Record<string, unknown>;
    };
    const longer = { ...profile, idleLockMinutes: 30 };
    expect((await postApi(shop.url, 'shop.update', longer, { token: manager })).status).toBe(200);
    shop.wait(20 * minute);
    expect((await shop.listSales(clerk)).status).toBe(200);
    shop.wait(31 * minute);
    expect((await shop.listSales(clerk)).body.error?.code).toBe('session_expired');
  });

  it('ends at sign-out', async () => {
    const shop = await hostOnClock();
    const clerk = await shop.signIn('clerk', '1111');
    expect((await postApi(shop.url, 'auth.logout', {}, { token: clerk })).status).toBe(200);
    const after = await shop.listSales(clerk);
    expect(after.status).toBe(401);
    expect(after.body.error?.code).toBe('session_expired');
  });

  it('ends 12 hours after sign-in, however busy', async () => {
    const shop = await hostOnClock();
    const manager = await shop.signIn('manager', '9999');
    const { profile } = (await postApi(shop.url, 'shop.get', {})).body as {
      profile: Record<string, unknown>;
    };
    await postApi(
      shop.url,
      'shop.update',
      { ...profile, idleLockMinutes: 240 },
      { token: manager },
    );
    for (let hours = 0; hours < 11; hours++) {
      shop.wait(60 * minute);
      expect((await shop.listSales(manager)).status).toBe(200);
    }
    shop.wait(60 * minute);
    expect((await shop.listSales(manager)).body.error?.code).toBe('session_expired');
  });

  it('answers a token nobody signed in with as not signed in', async () => {
    const shop = await hostOnClock();
    expect((await shop.listSales('c'.repeat(64))).body.error?.code).toBe('unauthorized');
  });
});

describe('the app’s client when the host ends its session', () => {
  it('tells the screen once a call with its token is refused, not for a token set aside', async () => {
    const shop = await hostOnClock();
    const api = createClient(httpTransport({ baseUrl: shop.url }));
    let told = 0;
    api.onSessionExpired(() => {
      told += 1;
    });
    const { token } = await api.call('auth.login', { name: 'clerk', pin: '1111' });
    api.setToken(token);
    await api.call('auth.renew', {});
    shop.wait(6 * minute);
    expect((await refusal(api.call('sales.list', {}))).code).toBe('session_expired');
    expect(told).toBe(1);
    // The idle lock's own sign-out: the token is set aside before the answer comes.
    const pending = api.call('auth.logout', {});
    api.setToken(null);
    expect((await refusal(pending)).code).toBe('session_expired');
    expect(told).toBe(1);
  });

  it('keeps a session renewed by auth.renew alone', async () => {
    const shop = await hostOnClock();
    const clerk = await shop.signIn('clerk', '1111');
    for (let step = 0; step < 3; step++) {
      shop.wait(4 * minute);
      expect((await postApi(shop.url, 'auth.renew', {}, { token: clerk })).status).toBe(200);
    }
    expect((await shop.listSales(clerk)).status).toBe(200);
  });
});

describe('wrong PINs', () => {
  it('slow down the client that types them, each wait twice the last, and not another client', async () => {
    const shop = await hostOnClock();
    const guess = () =>
      postApi(shop.url, 'auth.login', { name: 'manager', pin: '0000' }, { from: '127.0.0.2' });
    for (let attempt = 0; attempt < 3; attempt++) expect((await guess()).status).toBe(401);
    const waits: string[] = [];
    for (let round = 0; round < 4; round++) {
      const slowed = await guess();
      expect(slowed.status).toBe(429);
      expect(slowed.body.error).toMatchObject({ code: 'rate_limited' });
      expect(slowed.body.error?.params?.retryAfter).toBe(Number(slowed.headers['retry-after']));
      waits.push(String(slowed.headers['retry-after']));
      // The manager at the counter is not slowed down by another machine's guesses.
      await shop.signIn('manager', '9999', '127.0.0.1');
      shop.wait(Number(slowed.headers['retry-after']) * 1000);
      expect((await guess()).status).toBe(401);
    }
    expect(waits).toEqual(['1', '2', '4', '8']);
  });

  it('lock a name after 20 in a row; a manager unlocks it', async () => {
    const shop = await hostOnClock();
    const from = '127.0.0.2';
    for (let attempt = 0; attempt < 20; attempt++) {
      const answer = await postApi(
        shop.url,
        'auth.login',
        { name: 'clerk', pin: '0000' },
        { from },
      );
      expect(answer.status).toBe(401);
      shop.wait(5 * minute);
    }
    // Locked: even the right PIN, from a machine that never typed a wrong one.
    const locked = await postApi(shop.url, 'auth.login', { name: 'clerk', pin: '1111' });
    expect(locked.status).toBe(423);
    expect(locked.body.error?.code).toBe('user_locked');
    const manager = await shop.signIn('manager', '9999');
    const listed = await postApi(shop.url, 'users.listLocked', {}, { token: manager });
    expect(listed.body).toEqual({ names: ['clerk'] });
    expect(
      (await postApi(shop.url, 'users.unlock', { name: 'clerk' }, { token: manager })).status,
    ).toBe(200);
    await shop.signIn('clerk', '1111');
    const again = await postApi(shop.url, 'users.unlock', { name: 'clerk' }, { token: manager });
    expect(again.body.error?.code).toBe('not_found');
  });

  it('never keep the manager out: the right PIN from a client without wrong ones lifts the lock', async () => {
    const shop = await hostOnClock();
    const attacker = '127.0.0.2';
    const guess = (pin: string) =>
      postApi(shop.url, 'auth.login', { name: 'manager', pin }, { from: attacker });
    for (let attempt = 0; attempt < 20; attempt++) {
      expect((await guess('0000')).status).toBe(401);
      shop.wait(5 * minute);
    }
    // The attacker's machine cannot try again, not even with the right PIN.
    expect((await guess('0001')).status).toBe(423);
    shop.wait(5 * minute);
    expect((await guess('9999')).status).toBe(423);
    // The manager at the counter signs in, which lifts the lock for everyone.
    await shop.signIn('manager', '9999', '127.0.0.1');
    shop.wait(5 * minute);
    expect((await guess('9999')).status).toBe(200);
  });

  it('typed as a manager’s approval at a clerk’s counter are counted apart from sign-ins', async () => {
    const shop = await hostOnClock();
    const from = '127.0.0.2';
    const clerk = await shop.signIn('clerk', '1111', from);
    const approve = (pin: string) =>
      postApi(
        shop.url,
        'day.export',
        { zNumber: 1, format: 'csv', manager: { name: 'manager', pin } },
        { token: clerk, from },
      );
    for (let attempt = 0; attempt < 3; attempt++) expect((await approve('0000')).status).toBe(403);
    expect((await approve('9999')).status).toBe(429);
    // Signing in at the same counter is not slowed down by the approvals.
    await shop.signIn('manager', '9999', from);
    for (let attempt = 0; attempt < 3; attempt++) {
      const wrong = await postApi(
        shop.url,
        'auth.login',
        { name: 'manager', pin: '0000' },
        { from },
      );
      expect(wrong.status).toBe(401);
    }
    shop.wait(1000);
    // The approval waits its own second, not the sign-ins' longer wait, and is checked (then
    // there is no Z report 1 to export).
    expect((await approve('9999')).body.error?.code).toBe('not_found');
  });
});
