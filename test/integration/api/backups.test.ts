import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { type Core, createCore } from '../../../electron/core';
import { SHIPPED_MODEMS } from '../../support/modem-profiles';
import { withTempDirs } from '../../support/temp';

const tempDir = withTempDirs();
const quiet = { error: () => {}, warn: () => {}, info: () => {} };

async function signedInManager(core: Core, demo: boolean) {
  const outcome = demo
    ? await core.dispatch('auth.login', { name: 'manager', pin: '9999' })
    : await core.dispatch('auth.setup', { name: 'owner', pin: '2468' });
  if (!outcome.ok) throw new Error(outcome.error.message);
  return (outcome.result as { token: string }).token;
}

describe('backups over the API', () => {
  it('a shop is backed up at start, and a manager can take one more and list them', async () => {
    const dir = tempDir();
    const folder = path.join(dir, 'backups');
    const core = await createCore({
      modemProfileDirs: [SHIPPED_MODEMS],
      databaseFile: path.join(dir, 'comptoir.sqlite'),
      demo: false,
      backups: { folder },
      log: quiet,
    });
    try {
      const token = await signedInManager(core, false);
      const created = await core.dispatch('backups.create', {}, token);
      expect(created).toMatchObject({
        ok: true,
        result: { backup: { bytes: expect.any(Number) } },
      });
      const listed = await core.dispatch('backups.list', {}, token);
      expect(listed).toMatchObject({ ok: true, result: { folder } });
      const { backups } = (listed as { result: { backups: { file: string }[] } }).result;
      expect(backups.length).toBeGreaterThanOrEqual(1);
      expect(backups.every((backup) => backup.file.startsWith(folder))).toBe(true);
    } finally {
      await core.close();
    }
  });

  it('the demo keeps none, and a clerk cannot ask', async () => {
    const dir = tempDir();
    const core = await createCore({
      modemProfileDirs: [SHIPPED_MODEMS],
      databaseFile: path.join(dir, 'demo.sqlite'),
      demo: true,
      log: quiet,
    });
    try {
      const token = await signedInManager(core, true);
      expect(await core.dispatch('backups.list', {}, token)).toEqual({
        ok: true,
        result: { folder: null, backups: [] },
      });
      expect(await core.dispatch('backups.create', {}, token)).toMatchObject({
        ok: false,
        error: { code: 'conflict' },
      });
      const clerk = await core.dispatch('auth.login', { name: 'clerk', pin: '1111' });
      const clerkToken = clerk.ok ? (clerk.result as { token: string }).token : null;
      expect(await core.dispatch('backups.list', {}, clerkToken)).toMatchObject({
        ok: false,
        error: { code: 'forbidden' },
      });
    } finally {
      await core.close();
    }
  });
});
