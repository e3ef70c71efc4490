import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { createCore } from '../../../electron/core';
import { hubJoiner, restartingAfterJoin } from '../../../electron/counter/join';
import { counterFileName, readCounterSettings } from '../../../electron/counter/settings';
import { spawnHub } from '../../support/counter-hub';
import { withTempDirs } from '../../support/temp';
import { until } from '../../support/until';

const tempDir = withTempDirs();

/** A TCP port on 127.0.0.2 that counts the connections made to it. */
async function listeningProbe() {
  let connections = 0;
  const server = net.createServer((socket) => {
    connections += 1;
    socket.destroy();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.2', resolve));
  return {
    port: (server.address() as net.AddressInfo).port,
    connections: () => connections,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** A fresh install's core (no user yet) that may join a hub from `dir`. */
async function freshInstall(dir: string, restart: () => void) {
  const core = await createCore({
    databaseFile: path.join(dir, 'comptoir.sqlite'),
    demo: false,
    modemProfileDirs: [],
    log: { error: () => {}, warn: () => {}, info: () => {} },
    joinHub: restartingAfterJoin(hubJoiner(dir), restart, 10),
  });
  onTestFinished(() => core.close());
  return core;
}

describe('a fresh install joining a hub', () => {
  it('shows the hub’s fingerprint, pairs with the one checked, keeps counter.json and restarts', async () => {
    const hub = await spawnHub(tempDir());
    const code = await hub.code();
    const dir = tempDir();
    let restarted = 0;
    const core = await freshInstall(dir, () => {
      restarted += 1;
    });

    const address = `127.0.0.2:${hub.port}`;
    const inspected = await core.dispatch('counters.inspectHub', { address });
    expect(inspected).toMatchObject({
      ok: true,
      result: { url: `https://${address}`, fingerprint: hub.fingerprint },
    });

    const other = await core.dispatch('counters.join', {
      url: address,
      code,
      fingerprint: 'AB'.repeat(32),
    });
    expect(other).toMatchObject({ ok: false, error: { code: 'pairing_refused' } });
    expect(fs.existsSync(path.join(dir, counterFileName))).toBe(false);

    // The code was never sent to a hub showing another certificate: it still pairs.
    const joined = await core.dispatch('counters.join', {
      url: hub.url,
      code,
      fingerprint: hub.fingerprint,
    });
    expect(joined).toMatchObject({ ok: true, result: { till: { kind: 'counter' } } });
    expect(readCounterSettings(dir)?.link).toMatchObject({
      url: `https://${address}`,
      fingerprint: hub.fingerprint,
    });
    await until(
      () => restarted,
      (count) => count === 1,
      'the app to restart as a counter',
    );
  });

  it('is refused once this Comptoir has its own users', async () => {
    const dir = tempDir();
    const core = await freshInstall(dir, () => {});
    const setup = await core.dispatch('auth.setup', { name: 'Manon', pin: '4321' });
    const { token } = (setup as { result: { token: string } }).result;
    const join = { url: 'https://127.0.0.2:5171', code: 'ABCD2345', fingerprint: 'AB'.repeat(32) };
    expect(await core.dispatch('counters.join', join)).toMatchObject({
      ok: false,
      error: { code: 'unauthorized' },
    });
    // Even a manager: the shop's books stay a shop of their own.
    expect(await core.dispatch('counters.join', join, token)).toMatchObject({
      ok: false,
      error: { code: 'conflict' },
    });
    // Nor does it look at a hub: the hub's manager cannot make it connect to any host and port.
    const probe = await listeningProbe();
    expect(
      await core.dispatch('counters.inspectHub', { address: `127.0.0.2:${probe.port}` }, token),
    ).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(probe.connections()).toBe(0);
    await probe.close();
    expect(fs.existsSync(path.join(dir, counterFileName))).toBe(false);
  });
});
