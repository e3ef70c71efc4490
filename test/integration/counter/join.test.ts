import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { createCore } from '../../../electron/core';
import { hubJoiner, restartingAfterJoin } from '../../../electron/counter/join';
import { counterFileName, readCounterSettings } from '../../../electron/counter/settings';
import { withTestHosts } from '../../support/host';
import { startStandInHub } from '../../support/hub-stand-in';
import { withTempDirs } from '../../support/temp';
import { until } from '../../support/until';

const tempDir = withTempDirs();
const startHost = withTestHosts();

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
    const { core: hubCore } = await startHost({ demo: true });
    const hub = await startStandInHub({
      core: hubCore,
      certificateFolder: tempDir(),
      code: 'ABCD2345',
    });
    onTestFinished(() => hub.close());
    const dir = tempDir();
    let restarted = 0;
    const core = await freshInstall(dir, () => {
      restarted += 1;
    });

    const inspected = await core.dispatch('counters.inspectHub', { address: hub.url.slice(8) });
    expect(inspected).toMatchObject({
      ok: true,
      result: { url: hub.url, fingerprint: hub.fingerprint },
    });

    const other = await core.dispatch('counters.join', {
      url: hub.url,
      code: 'ABCD2345',
      fingerprint: 'AB'.repeat(32),
    });
    expect(other).toMatchObject({ ok: false, error: { code: 'pairing_refused' } });
    expect(hub.received()).toBe(0);
    expect(fs.existsSync(path.join(dir, counterFileName))).toBe(false);

    const joined = await core.dispatch('counters.join', {
      url: hub.url,
      code: 'ABCD2345',
      fingerprint: hub.fingerprint,
    });
    expect(joined).toMatchObject({ ok: true, result: { till: { name: 'Counter 2' } } });
    expect(readCounterSettings(dir)?.link).toMatchObject({
      url: hub.url,
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
    expect(fs.existsSync(path.join(dir, counterFileName))).toBe(false);
  });
});
