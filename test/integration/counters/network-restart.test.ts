import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createCore } from '../../../electron/core';
import { createHubNetwork } from '../../../electron/host/hub-network';
import { freePort, pinnedCall } from '../../support/pinned-https';
import { withTempDirs } from '../../support/temp';

const tempDir = withTempDirs();
const quiet = { error: () => {}, warn: () => {}, info: () => {} };

/** The demo shop on `databaseFile` with its network listener, as `comptoir serve` makes them. */
async function openHub(databaseFile: string, rendererDir: string) {
  const network = createHubNetwork({ rendererDir, log: quiet });
  const core = await createCore({
    databaseFile,
    demo: true,
    carrierDirs: [path.resolve(__dirname, '../../../resources/carriers')],
    modemProfileDirs: [path.resolve(__dirname, '../../../resources/modems')],
    log: quiet,
    hubListener: network.listener,
  });
  const status = await network.bind(core);
  return {
    core,
    status,
    async close() {
      await network.close();
      await core.close();
    },
  };
}

describe('the hub’s network after a restart', () => {
  it('opens again where the manager opened it, with the same certificate', async () => {
    const dir = tempDir();
    const rendererDir = path.join(dir, 'renderer');
    fs.mkdirSync(rendererDir);
    fs.writeFileSync(
      path.join(rendererDir, 'index.html'),
      '<!doctype html><title>Comptoir</title>',
    );
    const databaseFile = path.join(dir, 'shop.sqlite');
    const port = await freePort('127.0.0.3');

    const first = await openHub(databaseFile, rendererDir);
    expect(first.status).toEqual({ url: null, problem: null });
    const login = await first.core.dispatch('auth.login', { name: 'manager', pin: '9999' });
    const token = login.ok ? (login.result as { token: string }).token : null;
    const opened = await first.core.dispatch(
      'counters.setNetwork',
      { open: true, address: '127.0.0.3', port },
      token,
    );
    expect(opened).toMatchObject({ ok: true, result: { url: `https://127.0.0.3:${port}/` } });
    const { fingerprint } = (opened as { result: { fingerprint: string } }).result;
    await first.close();

    const second = await openHub(databaseFile, rendererDir);
    try {
      expect(second.status).toEqual({ url: `https://127.0.0.3:${port}/`, problem: null });
      const answer = await pinnedCall(second.status.url as string, fingerprint, 'app.get', {});
      expect(answer.status).toBe(200);
    } finally {
      await second.close();
    }
  });
});
