import { describe, expect, it } from 'vitest';
import { reportNames } from '../../../electron/day/names';
import { dayReport, type SaleFact } from '../../../electron/day/report';

const sale = (id: number, over: Partial<SaleFact>): SaleFact => ({
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
  ...over,
});

describe('the names a day report is read in', () => {
  const sales = [
    sale(7, { status: 'unknown' }),
    sale(8, { resolvedByHand: true }),
    sale(9, { status: 'failed' }),
    sale(10, {}),
  ];
  const report = dayReport({
    shift: {
      id: 1,
      openedAt: '2026-11-22T20:00:00.000Z',
      openedBy: 'manager',
      float: { amount: 0, currency: 'XPF' },
      closedAt: null,
      closedBy: null,
    },
    from: null,
    to: '2026-11-23T08:00:00.000Z',
    currency: 'XPF',
    timeZone: 'Pacific/Noumea',
    sales,
    refunds: [
      {
        saleId: 9,
        amount: 1500,
        method: 'cash',
        at: sales[2]?.createdAt ?? '',
        reason: 'unknown_number',
        cause: { code: 'unknown_number', carrierText: null, retryAfterSeconds: null },
        taxRate: 1100,
      },
    ],
    movements: [],
    readings: [],
    unknown: [sales[0] as SaleFact],
  });
  const asked: number[] = [];
  const names = reportNames(report, {
    receiptOf: (saleId) => {
      asked.push(saleId);
      return saleId === 8 ? null : saleId + 100;
    },
    carrierName: (carrierId) => (carrierId === 'nc-demo' ? 'NC Mobile' : null),
    tillName: () => 'Comptoir 2',
  });

  it('gives the receipt number of each sale the report names, and only those', () => {
    // 7 unknown, 9 refunded, 7 and 8 explaining; 10 is named nowhere. 8 has no receipt.
    expect(names.receipts).toEqual({ 7: 107, 9: 109 });
    expect([...asked].sort()).toEqual([7, 8, 9]);
  });

  it('gives each dealer SIM’s carrier its name', () => {
    expect(names.carriers).toEqual({ 'nc-demo': 'NC Mobile' });
  });

  it('names the till as the manager named it', () => {
    expect(names.till).toBe('Comptoir 2');
  });
});
