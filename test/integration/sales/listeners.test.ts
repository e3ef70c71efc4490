import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createCore } from '../../../electron/core';
import { SHIPPED_MODEMS } from '../../support/modem-profiles';
import { withTempDirs } from '../../support/temp';

const tempDir = withTempDirs();

describe('a screen that fails while a sale is told', () => {
  it('does not change the sale: the top-up is sent and succeeds, and the failure is logged', async () => {
    const errors: unknown[][] = [];
    const core = await createCore({
      modemProfileDirs: [SHIPPED_MODEMS],
      databaseFile: path.join(tempDir(), 'shop.sqlite'),
      demo: true,
      carrierDirs: [path.resolve(__dirname, '../../../resources/carriers')],
      log: { error: (...args) => errors.push(args), warn: () => {}, info: () => {} },
    });
    try {
      const told: string[] = [];
      core.events.listen((_event, payload) => {
        const { status } = (payload as { sale: { status: string } }).sale;
        if (status === 'sending') throw new Error('the window is gone');
      });
      core.events.listen((_event, payload) => {
        told.push((payload as { sale: { status: string } }).sale.status);
      });
      const login = await core.dispatch('auth.login', { name: 'clerk', pin: '1111' });
      const token = login.ok ? (login.result as { token: string }).token : null;
      const renewed = await core.dispatch(
        'sales.renew',
        {
          msisdn: '687123456',
          planId: '5go',
          payment: { method: 'card', reference: 'slip-9' },
          idempotencyKey: `listener-${Date.now()}`,
        },
        token,
      );
      expect(renewed).toMatchObject({
        ok: true,
        result: { sale: { status: 'succeeded', receiptNumber: 1 } },
      });
      expect(told).toContain('sending');
      expect(told.at(-1)).toBe('succeeded');
      expect(errors).toContainEqual([
        expect.stringContaining('sales.progress'),
        expect.objectContaining({ message: 'the window is gone' }),
      ]);
    } finally {
      await core.close();
    }
  });
});
