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

/**
 * A year of trading days, one every six days from 1 January to late December: every month has
 * its Zs, and the run stays within the demo dealer SIM's float and a minute of test time.
 */
const days = 61;
const dayMs = 6 * 86_400_000;

describe('the perpetual totals', () => {
  it('on the last Z of a year of trading days, and on the year’s closure, equal every sale less every refund, and every receipt', async () => {
    const [year] = fc.sample(fc.array(daySales, { minLength: days, maxLength: days }), {
      seed: 14,
      numRuns: 1,
    });
    let clock = new Date('2026-01-01T09:00:00+11:00');
    const { host, core } = await startTestHost({ demo: true, now: () => clock });
    let keys = 0;
    let last: { perpetual?: { grandTotal: { amount: number }; count: number } } | undefined;
    for (const [index, sales] of (year ?? []).entries()) {
      clock = new Date(Date.parse('2026-01-01T09:00:00+11:00') + index * dayMs);
      const minute = () => {
        clock = new Date(clock.getTime() + 60_000);
      };
      // One sign-in a day (sessions end overnight); the manager sells and closes. The dealer
      // SIMs' balances are typed by hand: this test counts takings, not the carrier's float.
      const manager = await signedIn(host.url, 'manager', '9999');
      const modems = (await manager.call('modems.list', {})).modems;
      const dealerBalances = modems.map((modem) => ({ modemId: modem.id, amount: xpf(1_000_000) }));
      await manager.call('shifts.open', { float: xpf(0), dealerBalances });
      for (const sale of sales) {
        minute();
        await manager.call('sales.renew', {
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
      const closed = await manager.call('day.close', {
        counted: [],
        reason: 'Not counted in this test',
        dealerBalances,
      });
      last = closed.z;
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

    // The year's closure, after its twelve months, carries the same perpetual totals.
    clock = new Date('2027-01-02T09:00:00+11:00');
    const manager = await signedIn(host.url, 'manager', '9999');
    for (let month = 1; month <= 12; month += 1) {
      const period = `2026-${String(month).padStart(2, '0')}`;
      await manager.call('periods.close', { kind: 'month', period });
    }
    const { closure } = await manager.call('periods.close', { kind: 'year', period: '2026' });
    expect(closure.perpetual).toEqual(last?.perpetual);
    expect(closure.zReports.count).toBe(days);
    expect(closure.totals.net.amount).toBe(paid - refunded);
  }, 180_000);
});
