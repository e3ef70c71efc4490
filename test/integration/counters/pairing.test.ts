import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { postApi } from '../../support/api';
import { withHubs } from '../../support/counters-hub';

const startHub = withHubs();
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const minute = 60_000;

describe('pairing a counter with the hub', () => {
  it('trades a one-time code over pinned TLS for a credential kept only hashed, and a till', async () => {
    const hub = await startHub();
    const code = await hub.code();
    expect(code).toMatch(/^[ABCDEFGHJKMNPQRSTUVWXYZ23456789]{8}$/);
    // Typed as a person would, in two groups and in lower case.
    const paired = await hub.pair(`${code.slice(0, 4).toLowerCase()}-${code.slice(4)}`);
    expect(paired.status).toBe(200);
    expect(paired.body).toMatchObject({
      till: { name: 'Counter 2', kind: 'counter' },
      fingerprint: hub.fingerprint,
    });
    const credential = paired.body.credential as string;
    expect(credential).toMatch(/^[0-9a-f]{64}$/);
    expect(paired.headers['set-cookie']).toEqual([
      `comptoir-device=${credential}; HttpOnly; Secure; SameSite=Strict; Path=/; Max-Age=315360000`,
    ]);

    const stored = hub.core.db.prepare('SELECT * FROM paired_devices').all();
    expect(stored).toEqual([
      expect.objectContaining({
        id: (paired.body.till as { id: string }).id,
        till_name: 'Counter 2',
        credential_hash: sha256(credential),
        paired_by: 'manager:1',
      }),
    ]);
    const codes = hub.core.db.prepare('SELECT * FROM pairing_codes').all();
    expect(codes).toEqual([expect.objectContaining({ code_hash: sha256(code) })]);
    expect(JSON.stringify([stored, codes])).not.toMatch(new RegExp(`${code}|${credential}`));

    const again = await hub.pair(code, '127.0.0.5');
    expect(again.status).toBe(403);
    expect(again.body.error?.code).toBe('pairing_refused');

    const listed = await postApi(hub.local, 'counters.listDevices', {}, { token: hub.manager });
    expect(listed.body.devices).toEqual([
      // Seen as it paired, from where it paired: the manager sees who just joined.
      expect.objectContaining({
        tillName: 'Counter 2',
        lastAddress: '127.0.0.4',
        lastSeenAt: expect.any(String),
        revokedAt: null,
      }),
    ]);
    const trail = await postApi(hub.local, 'audit.list', {}, { token: hub.manager });
    const kinds = (trail.body.events as { kind: string }[]).map((event) => event.kind);
    expect(kinds).toEqual(
      expect.arrayContaining([
        'counters.network_changed',
        'counters.code_created',
        'counters.paired',
      ]),
    );
    expect(JSON.stringify(trail.body)).not.toMatch(new RegExp(`${code}|${credential}`));
  });

  it('refuses a wrong code and an expired one, and pairs nothing', async () => {
    const hub = await startHub();
    const wrong = await hub.pair('ABCD2345');
    expect(wrong.status).toBe(403);
    expect(wrong.body.error?.code).toBe('pairing_refused');
    const code = await hub.code();
    hub.wait(4 * minute);
    const fresh = await hub.code();
    hub.wait(6 * minute);
    const late = await hub.pair(code, '127.0.0.5');
    expect(late.body.error?.code).toBe('pairing_refused');
    // Made 6 minutes ago: still good.
    expect((await hub.pair(fresh, '127.0.0.5')).status).toBe(200);
    expect(hub.core.db.prepare('SELECT count(*) FROM paired_devices').pluck().get()).toBe(1);
  });

  it('voids every live code after five wrong ones, from whatever clients', async () => {
    const hub = await startHub();
    const code = await hub.code();
    for (const last of [4, 5, 6, 7, 8]) {
      expect((await hub.pair('ABCD2345', `127.0.0.${last}`)).body.error?.code).toBe(
        'pairing_refused',
      );
    }
    expect((await hub.pair(code, '127.0.0.9')).body.error?.code).toBe('pairing_refused');
    // A new code has its own tries.
    expect((await hub.pair(await hub.code(), '127.0.0.9')).status).toBe(200);
  });

  it('slows down a client that guesses codes, with Retry-After', async () => {
    const hub = await startHub();
    for (let i = 0; i < 3; i += 1) {
      expect((await hub.pair('ABCD2345')).body.error?.code).toBe('pairing_refused');
    }
    const limited = await hub.pair('ABCD2346');
    expect(limited.status).toBe(429);
    expect(limited.body.error?.code).toBe('rate_limited');
    expect(limited.headers['retry-after']).toBe('1');
    // Another counter is not held up by it.
    expect((await hub.pair('ABCD2347', '127.0.0.5')).status).toBe(403);
    hub.wait(1000);
    expect((await hub.pair('ABCD2348')).status).toBe(403);
  });

  it('names the till "Counter N" with the next free number, never a name in use', async () => {
    const hub = await startHub();
    await hub.counter('127.0.0.4');
    const create = (input: object) =>
      postApi(hub.local, 'counters.createPairingCode', input, { token: hub.manager });
    expect((await create({})).body.tillName).toBe('Counter 3');
    expect((await create({})).body.tillName).toBe('Counter 4');
    for (const taken of ['counter 2', 'COUNTER 3', '1']) {
      const refused = await create({ tillName: taken });
      expect(refused.status, taken).toBe(409);
      expect(refused.body.error?.code).toBe('conflict');
    }
    expect((await create({ tillName: 'Window' })).body.tillName).toBe('Window');
  });
});
