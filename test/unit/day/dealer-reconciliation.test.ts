import { describe, expect, it } from 'vitest';
import { type DayFacts, dayReport, type SaleFact } from '../../../electron/day/report';

const openedAt = '2026-11-22T20:00:00.000Z';
const minutesAfterOpening = (minutes: number) =>
  new Date(Date.parse(openedAt) + minutes * 60_000).toISOString();

/** A sale through the dealer SIM `modem-1`, `minutes` after the shift opened (negative: before). */
function sale(id: number, minutes: number, over: Partial<SaleFact> = {}): SaleFact {
  return {
    id,
    status: 'succeeded',
    msisdn: '+687123456',
    carrierId: 'nc-demo',
    createdAt: minutesAfterOpening(minutes),
    planId: '1go',
    planName: '1 Go',
    price: 600,
    dealerCost: 400,
    currency: 'XPF',
    method: 'cash',
    clerk: 'clerk',
    modemId: 'modem-1',
    resolvedByHand: false,
    paid: true,
    taxRate: 1100,
    ...over,
  };
}

const reading = (moment: 'opening' | 'closing', amount: number, minutes: number) => ({
  modemId: 'modem-1',
  carrierId: 'nc-demo',
  moment,
  amount,
  source: 'ussd' as const,
  at: minutesAfterOpening(minutes),
});

function dealerLine(sales: SaleFact[], readings: DayFacts['readings']) {
  const report = dayReport({
    shift: {
      id: 2,
      openedAt,
      openedBy: 'manager',
      float: { amount: 0, currency: 'XPF' },
      closedAt: null,
      closedBy: null,
    },
    from: '2026-11-22T08:00:00.000Z',
    to: minutesAfterOpening(600),
    currency: 'XPF',
    timeZone: 'Pacific/Noumea',
    sales,
    refunds: [],
    movements: [],
    readings,
    unknown: [],
  });
  return report.dealer.find((line) => line.modemId === 'modem-1');
}

describe('dealer reconciliation', () => {
  it('does not count the 20 sales sold before the opening balance was read against it (issue 13)', () => {
    // 20 top-ups of 400 XPF dealer cost sold after the last close, before this shift opened;
    // the SIM then moves exactly by the shift's own 3 top-ups.
    const before = Array.from({ length: 20 }, (_, index) => sale(index + 1, -60 + index));
    const during = [sale(21, 10), sale(22, 20), sale(23, 30)];
    const line = dealerLine(
      [...before, ...during],
      [reading('opening', 100_000, 1), reading('closing', 98_800, 600)],
    );
    expect(line).toMatchObject({
      movement: 1_200,
      expected: 1_200,
      difference: 0,
      beforeOpening: 20,
    });
  });

  it.each([
    {
      case: 'a sale after the opening reading counts',
      sales: [sale(1, 5)],
      opening: 2,
      expected: 400,
      beforeOpening: 0,
    },
    {
      case: 'a sale before the opening reading does not',
      sales: [sale(1, 1)],
      opening: 2,
      expected: 0,
      beforeOpening: 1,
    },
    {
      case: 'a sale at the reading’s very instant counts (the reading could not see it yet)',
      sales: [sale(1, 2)],
      opening: 2,
      expected: 400,
      beforeOpening: 0,
    },
    {
      case: 'a failed sale moves nothing, before or after',
      sales: [sale(1, 1, { status: 'failed' }), sale(2, 5, { status: 'failed' })],
      opening: 2,
      expected: 0,
      beforeOpening: 0,
    },
    {
      case: 'without an opening reading every sale of the window is expected',
      sales: [sale(1, -30), sale(2, 5)],
      opening: null,
      expected: 800,
      beforeOpening: 0,
    },
  ])('$case', ({ sales, opening, expected, beforeOpening }) => {
    const readings = opening === null ? [] : [reading('opening', 10_000, opening)];
    expect(dealerLine(sales, readings)).toMatchObject({ expected, beforeOpening });
  });

  it('still names an unknown sale sold before the opening: its top-up may have landed after the reading', () => {
    const line = dealerLine(
      [
        sale(1, -10, { status: 'unknown' }),
        sale(2, 10, { status: 'unknown' }),
        sale(3, 20, { resolvedByHand: true }),
      ],
      [reading('opening', 10_000, 0), reading('closing', 9_600, 600)],
    );
    expect(line).toMatchObject({ explaining: [1, 2, 3], expected: 400, difference: 0 });
  });
});
