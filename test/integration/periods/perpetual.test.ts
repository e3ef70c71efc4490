import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { signedIn, xpf } from '../../support/api';
import { withTestHosts } from '../../support/host';

const startTestHost = withTestHosts();

/** The demo carrier refuses this number: the sale fails and is refunded. */
const refusedNumber = '687111222';

const daySales = fc.array(
  fc.record({
    planId: fc.constantFrom('1go', '5go'),
    refused: fc.boolean(),
    method: fc.constantFrom('cash', 'card'),
  }),
  { maxLength: 3 },
);

const days = Number(process.env.PERPETUAL_DAYS ?? 365);

describe('the perpetual totals', () => {
  it('on the last Z of a year of days equal every sale less every refund, and every receipt', async () => {
    const [year] = fc.sample(fc.array(daySales, { minLength: days, maxLength: days }), {
      seed: 14,
      numRuns: 1,
    });
    let clock = new Date('2026-01-01T09:00:00+11:00');
    const { host, core } = await startTestHost({ demo: true, now: () => clock });
    let keys = 0;
    let last: { perpetual?: { grandTotal: { amount: number }; count: number } } | undefined;
    for (const [index, sales] of (year ?? []).entries()) {
      clock = new Date(Date.parse('2026-01-01T09:00:00+11:00') + index * 86_400_000);
      const minute = () => {
        clock = new Date(clock.getTime() + 60_000);
      };
      const clerk = await signedIn(host.url, 'clerk', '1111');
      const manager = await signedIn(host.url, 'manager', '9999');
      await clerk.call('shifts.open', { float: xpf(0) });
      for (const sale of sales) {
        minute();
        await clerk.call('sales.renew', {
          msisdn: sale.refused ? refusedNumber : '687123456',
          planId: sale.planId,
          payment:
            sale.method === 'cash'
              ? { method: 'cash', tendered: xpf(20_000) }
              : { method: 'card', reference: 'TPE' },
          idempotencyKey: `perpetual-${++keys}`,
        });
      }
      minute();
      last = (await manager.call('day.close', { counted: [], reason: 'Not counted in this test' }))
        .z;
    }
    const sum = (sql: string) => core.db.prepare(sql).pluck().get() as number;
    const paid = sum(`SELECT coalesce(sum(price), 0) FROM sales s WHERE EXISTS
      (SELECT 1 FROM sale_events e WHERE e.sale_id = s.id AND e.to_status = 'paid')`);
    const refunded = sum('SELECT coalesce(sum(amount), 0) FROM refunds');
    expect(refunded).toBeGreaterThan(0);
    expect(last?.perpetual).toEqual({
      grandTotal: { amount: paid - refunded, currency: 'XPF' },
      count: sum('SELECT count(*) FROM receipts'),
    });
    expect(sum('SELECT count(*) FROM z_reports')).toBe(days);
  }, 600_000);
});
