import { describe, expect, it } from 'vitest';
import { amountCeiling } from '../../../shared/currencies';
import { refusal, signedIn } from '../../support/api';
import { withTestHosts } from '../../support/host';

const startTestHost = withTestHosts();

async function post(url: string, name: string, body: object, token?: string) {
  const response = await fetch(new URL(`/api/${name}`, url), {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify(body),
  });
  return {
    status: response.status,
    body: (await response.json()) as { token?: string; error?: { code: string } },
  };
}

describe('amounts beyond what a till can hold', () => {
  it('refuses a float past the ceiling with a 400 naming the field, and opens nothing', async () => {
    const { host } = await startTestHost({ demo: true });
    const login = await post(host.url, 'auth.login', { name: 'clerk', pin: '1111' });
    const opened = await post(
      host.url,
      'shifts.open',
      { float: Number.MAX_SAFE_INTEGER },
      login.body.token,
    );
    expect(opened.status).toBe(400);
    expect(opened.body.error).toMatchObject({
      code: 'invalid_input',
      issues: [{ path: 'float', code: 'amount_too_large' }],
    });
    const clerk = await signedIn(host.url, 'clerk', '1111');
    expect(await clerk.call('shifts.getCurrent', {})).toEqual({ shift: null, stale: false });
  });

  it('reports and closes a day whose amounts are all at the ceiling', async () => {
    const { host } = await startTestHost({ demo: true });
    const clerk = await signedIn(host.url, 'clerk', '1111');
    const manager = await signedIn(host.url, 'manager', '9999');
    const { shift } = await clerk.call('shifts.open', { float: amountCeiling });
    expect(shift.float.amount).toBe(amountCeiling);
    const { sale } = await clerk.call('sales.renew', {
      msisdn: '687123456',
      planId: '5go',
      payment: { method: 'cash', tendered: amountCeiling },
      idempotencyKey: `ceiling-${Date.now()}`,
    });
    expect(sale.status).toBe('succeeded');
    await clerk.call('shifts.recordCashMovement', {
      kind: 'in',
      amount: amountCeiling,
      reason: 'Takings of the other till',
    });
    const tooMuch = await refusal(
      clerk.call('shifts.recordCashMovement', {
        kind: 'out',
        amount: amountCeiling + 1,
        reason: 'A slip of the finger',
      }),
    );
    expect(tooMuch.issues).toEqual([
      expect.objectContaining({ path: 'amount', code: 'amount_too_large' }),
    ]);

    const x = await clerk.call('day.getReport', {});
    expect(x.report.cash.expected.amount).toBe(2 * amountCeiling + sale.price.amount);
    expect(x.report.cashMovements).toHaveLength(1);

    const { z } = await manager.call('day.close', {
      counted: [{ denomination: 10_000, count: 1_000_000 }],
      reason: 'The rest is in the safe',
      dealerBalances: x.report.dealer.map(({ modemId }) => ({ modemId, amount: amountCeiling })),
    });
    expect(z.report.count).toMatchObject({
      total: { amount: amountCeiling },
      difference: -amountCeiling - sale.price.amount,
    });
    expect(z.report.shift.closedBy).toBe('manager');
  });
});
