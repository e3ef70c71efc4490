import { describe, expect, it } from 'vitest';
import { type DayFacts, dayReport, type SaleFact } from '../../../electron/day/report';

const sale = (id: number, tillId: string, over: Partial<SaleFact> = {}): SaleFact => ({
  id,
  status: 'succeeded',
  msisdn: '+687751234',
  carrierId: 'nc-demo',
  createdAt: '2026-11-22T21:00:00.000Z',
  planId: '1go',
  planName: '1 Go',
  price: 1500,
  dealerCost: 1000,
  currency: 'XPF',
  method: 'cash',
  clerk: 'clerk',
  modemId: 'modem-1',
  resolvedByHand: false,
  paid: true,
  taxRate: 1100,
  tillId,
  ...over,
});

const xpf = (amount: number) => ({ amount, currency: 'XPF' as const });

const facts: DayFacts = {
  shift: {
    id: 1,
    openedAt: '2026-11-22T20:00:00.000Z',
    openedBy: 'manager',
    float: xpf(0),
    closedAt: null,
    closedBy: null,
  },
  from: null,
  to: '2026-11-23T08:00:00.000Z',
  currency: 'XPF',
  timeZone: 'Pacific/Noumea',
  sales: [
    sale(1, 'hub-till-1'),
    sale(2, 'counter-2', { price: 6000, dealerCost: 5000, method: 'card' }),
    sale(3, 'counter-2', { status: 'failed' }),
    sale(4, 'counter-2', { paid: false }),
  ],
  refunds: [
    {
      saleId: 3,
      amount: 1500,
      method: 'cash',
      at: '2026-11-22T22:00:00.000Z',
      reason: 'refused',
      cause: { code: 'unknown_number', carrierText: null, retryAfterSeconds: null },
      taxRate: 1100,
      tillId: 'counter-2',
    },
  ],
  movements: [],
  readings: [],
  unknown: [],
  tills: [
    { till: { id: 'hub-till-1', name: '1' }, from: '2026-11-21T08:00:00.000Z' },
    { till: { id: 'counter-2', name: 'Counter 2' }, from: null },
    { till: { id: 'counter-3', name: 'Counter 3' }, from: null },
  ],
  drawer: 'shop',
};

describe('a day report broken down by till', () => {
  it('counts each till’s paid sales, refunds, net and cash apart, a till without sales at zero', () => {
    const report = dayReport(facts);
    expect(report.drawer).toBe('shop');
    expect(report.tills).toEqual([
      {
        till: { id: 'hub-till-1', name: '1' },
        from: '2026-11-21T08:00:00.000Z',
        sales: 1,
        gross: xpf(1500),
        refunds: xpf(0),
        net: xpf(1500),
        cash: xpf(1500),
        margin: xpf(500),
      },
      {
        till: { id: 'counter-2', name: 'Counter 2' },
        from: null,
        sales: 2,
        gross: xpf(7500),
        refunds: xpf(1500),
        net: xpf(6000),
        cash: xpf(0),
        margin: xpf(1000),
      },
      {
        till: { id: 'counter-3', name: 'Counter 3' },
        from: null,
        sales: 0,
        gross: xpf(0),
        refunds: xpf(0),
        net: xpf(0),
        cash: xpf(0),
        margin: xpf(0),
      },
    ]);
    // The tills add up to the day.
    const sum = (pick: (line: NonNullable<typeof report.tills>[number]) => number) =>
      report.tills?.reduce((total, line) => total + pick(line), 0);
    expect(sum((line) => line.net.amount)).toBe(report.totals.net.amount);
    expect(sum((line) => line.sales)).toBe(report.totals.sales);
  });

  it('says nothing of tills for a report made without them (as before counters)', () => {
    const { tills: _tills, drawer: _drawer, ...before } = facts;
    const report = dayReport(before);
    expect(report.tills).toBeUndefined();
    expect(report.drawer).toBeUndefined();
  });
});
