import { describe, expect, it } from 'vitest';
import { demoShopProfile } from '../../../electron/demo';
import { withTestHosts } from '../../support/host';

const startTestHost = withTestHosts();

describe('demo mode', () => {
  it('says so and starts with a demo shop', async () => {
    const { core } = await startTestHost({ demo: true });
    expect(await core.dispatch('app.info', {})).toMatchObject({
      ok: true,
      result: { demo: true, defaultLanguage: 'fr' },
    });
    expect(await core.dispatch('shop.get', {})).toEqual({
      ok: true,
      result: { profile: demoShopProfile },
    });
  });

  it('is off unless asked for, with no shop invented', async () => {
    const { core } = await startTestHost();
    expect(await core.dispatch('app.info', {})).toMatchObject({
      ok: true,
      result: { demo: false },
    });
    expect(await core.dispatch('shop.get', {})).toEqual({ ok: true, result: { profile: null } });
  });
});
