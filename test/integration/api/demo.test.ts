import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createCore } from '../../../electron/core';
import { demoCards, demoShopProfile } from '../../../electron/demo';
import { signedIn } from '../../support/api';
import { withTestHosts } from '../../support/host';
import { SHIPPED_MODEMS } from '../../support/modem-profiles';
import { withTempDirs } from '../../support/temp';

const startTestHost = withTestHosts();
const tempDir = withTempDirs();

describe('demo mode', () => {
  it('says so and starts with a demo shop', async () => {
    const { core } = await startTestHost({ demo: true });
    expect(await core.dispatch('app.get', {})).toMatchObject({
      ok: true,
      result: { demo: true, defaultLanguage: 'fr', demoCards: demoCards() },
    });
    expect(await core.dispatch('shop.get', {})).toEqual({
      ok: true,
      result: { profile: demoShopProfile },
    });
  });

  it('is off unless asked for, with no shop invented', async () => {
    const { core } = await startTestHost();
    expect(await core.dispatch('app.get', {})).toMatchObject({
      ok: true,
      result: { demo: false, demoCards: [] },
    });
    expect(await core.dispatch('shop.get', {})).toEqual({ ok: true, result: { profile: null } });
  });

  it('runs as many simulated modems per carrier as asked, taking turns at the two profiles', async () => {
    const { host } = await startTestHost({ demo: true, simModems: 3 });
    const api = await signedIn(host.url, 'clerk', '1111');
    const { modems } = await api.call('modems.list', {});
    expect(modems.map((modem) => [modem.id, modem.state, modem.model])).toEqual([
      ['nc-demo-sim-1', 'ready', 'SIM-1 simulated modem'],
      ['nc-demo-sim-2', 'ready', 'E3372'],
      ['nc-demo-sim-3', 'ready', 'SIM-1 simulated modem'],
    ]);
  });

  it.each([0, 1.5, 65])(
    'refuses a demo bank of %s modems per carrier, writing nothing',
    async (count) => {
      const databaseFile = path.join(tempDir(), 'shop.sqlite');
      await expect(
        createCore({
          modemProfileDirs: [SHIPPED_MODEMS],
          databaseFile,
          demo: true,
          simModems: count,
          carrierDirs: [path.resolve(__dirname, '../../../resources/carriers')],
        }),
      ).rejects.toThrow(/1 to 64 modems per carrier/);
      expect(fs.existsSync(databaseFile)).toBe(false);
    },
  );
});
