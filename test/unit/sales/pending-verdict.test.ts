import { describe, expect, it } from 'vitest';
import { judgeTopUp } from '../../../electron/sales/pending-verdict';
import type { CardReading } from '../../../shared/pending-sale';
import type { SaleStatus } from '../../../shared/sale';

// A 1 Go, 30-day top-up sold on 1 December at 10:00 (UTC), its balance checked at 10:30.
const sale = { id: 7, createdAt: '2026-12-01T10:00:00.000Z', validityDays: 30 };
const reading = (at: string, remainingMb: number, validUntil: string): CardReading => ({
  at,
  remainingMb,
  validUntil,
});
const checkedAfter = (remainingMb: number, validUntil: string) =>
  reading('2026-12-01T10:30:00.000Z', remainingMb, validUntil);
const other = (id: number, status: SaleStatus, createdAt: string) => ({ id, status, createdAt });

// Expired with nothing left, read an hour before the sale (the demo's never-confirmed line).
const expiredBefore = reading('2026-12-01T09:00:00.000Z', 0, '2026-11-27T12:59:00.000Z');
// 3.2 Go valid for seven months, read a week before the sale.
const longBefore = reading('2026-11-24T09:00:00.000Z', 3277, '2027-07-01T12:59:00.000Z');

describe('whether a pending top-up landed, from a balance check after the sale', () => {
  it.each([
    {
      case: 'validity reaching the plan’s days from a card that had expired: landed',
      before: expiredBefore,
      after: checkedAfter(1024, '2026-12-31T12:59:00.000Z'),
      others: [],
      verdict: 'landed',
      why: 'validity_extended',
    },
    {
      case: 'validity reaching the plan’s days, the carrier counting from the next day: landed',
      before: expiredBefore,
      after: checkedAfter(1000, '2027-01-01T12:59:00.000Z'),
      others: [],
      verdict: 'landed',
      why: 'validity_extended',
    },
    {
      case: 'validity a day short of the plan’s, the carrier counting the sale’s day: landed',
      before: expiredBefore,
      after: checkedAfter(1024, '2026-12-30T12:59:00.000Z'),
      others: [],
      verdict: 'landed',
      why: 'validity_extended',
    },
    {
      case: 'validity still short of what the plan gives: not landed',
      before: expiredBefore,
      after: checkedAfter(0, '2026-11-27T12:59:00.000Z'),
      others: [],
      verdict: 'not_landed',
      why: 'validity_short',
    },
    {
      case: 'validity short, even without a reading before: not landed',
      before: null,
      after: checkedAfter(120, '2026-12-06T12:59:00.000Z'),
      others: [],
      verdict: 'not_landed',
      why: 'validity_short',
    },
    {
      case: 'validity short, even with another sale in between: not landed',
      before: expiredBefore,
      after: checkedAfter(0, '2026-11-27T12:59:00.000Z'),
      others: [other(6, 'unknown', '2026-12-01T09:30:00.000Z')],
      verdict: 'not_landed',
      why: 'validity_short',
    },
    {
      case: 'what the plan gives, but no reading from before the sale: cannot tell',
      before: null,
      after: checkedAfter(1024, '2026-12-31T12:59:00.000Z'),
      others: [],
      verdict: 'cannot_tell',
      why: 'no_reading_before',
    },
    {
      case: 'another sale of the card not failed between the readings: cannot tell',
      before: expiredBefore,
      after: checkedAfter(2048, '2026-12-31T12:59:00.000Z'),
      others: [other(8, 'succeeded', '2026-12-01T10:10:00.000Z')],
      verdict: 'cannot_tell',
      why: 'other_top_up',
    },
    {
      case: 'a failed sale between the readings changes nothing: landed',
      before: expiredBefore,
      after: checkedAfter(1024, '2026-12-31T12:59:00.000Z'),
      others: [other(8, 'failed', '2026-12-01T10:10:00.000Z'), other(7, 'unknown', sale.createdAt)],
      verdict: 'landed',
      why: 'validity_extended',
    },
    {
      case: 'a sale before the reading before does not count: landed',
      before: expiredBefore,
      after: checkedAfter(1024, '2026-12-31T12:59:00.000Z'),
      others: [other(5, 'succeeded', '2026-11-01T10:00:00.000Z')],
      verdict: 'landed',
      why: 'validity_extended',
    },
    {
      case: 'a long validity already, and the data went up: landed',
      before: longBefore,
      after: checkedAfter(4100, '2027-07-01T12:59:00.000Z'),
      others: [],
      verdict: 'landed',
      why: 'data_went_up',
    },
    {
      case: 'a long validity already, and the data went down: cannot tell (used since)',
      before: longBefore,
      after: checkedAfter(3000, '2027-07-01T12:59:00.000Z'),
      others: [],
      verdict: 'cannot_tell',
      why: 'data_not_up',
    },
    {
      case: 'a long validity already, the data unchanged: cannot tell',
      before: longBefore,
      after: checkedAfter(3277, '2027-07-01T12:59:00.000Z'),
      others: [],
      verdict: 'cannot_tell',
      why: 'data_not_up',
    },
  ])('$case', ({ before, after, others, verdict, why }) => {
    const judged = judgeTopUp({ sale, before, after, salesOfCard: others });
    expect({ verdict: judged.verdict, why: judged.why }).toEqual({ verdict, why });
    expect(judged.before).toBe(before);
    expect(judged.after).toBe(after);
  });

  it('says the least validity a landed top-up gives: the plan’s days from the sale, a day’s slack', () => {
    const judged = judgeTopUp({
      sale,
      before: null,
      after: checkedAfter(0, '2026-11-27T12:59:00.000Z'),
      salesOfCard: [],
    });
    expect(judged.expectedValidUntil).toBe('2026-12-30T10:00:00.000Z');
  });
});
