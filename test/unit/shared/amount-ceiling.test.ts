import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { procedures } from '../../../shared/api/contract';
import { issuesFromZod } from '../../../shared/api/errors';
import { carrierPlanSchema } from '../../../shared/carrier';
import { amountCeiling } from '../../../shared/currencies';

const ceiling = amountCeiling;
const huge = Number.MAX_SAFE_INTEGER;
const plan = { id: '5go', name: '5 Go', dataMb: 5120, validityDays: 30, ussdChoice: '2' };
const renewal = { msisdn: '687123456', planId: '5go', idempotencyKey: 'renewal-1' };

function issuesOf(schema: z.ZodType, input: unknown) {
  const result = schema.safeParse(input);
  return result.success
    ? []
    : issuesFromZod(result.error).map(({ path, code }) => ({ path, code }));
}

const tooLarge = (path: string) => [{ path, code: 'amount_too_large' }];

describe('every amount the counter takes has a ceiling', () => {
  it.each([
    ['a float at the ceiling', 'shifts.open', { float: ceiling }, []],
    ['a float above it', 'shifts.open', { float: ceiling + 1 }, tooLarge('float')],
    ['the largest safe float', 'shifts.open', { float: huge }, tooLarge('float')],
    [
      'a dealer balance typed at opening above it',
      'shifts.open',
      { float: 0, dealerBalances: [{ modemId: 'm1', amount: ceiling + 1 }] },
      tooLarge('dealerBalances.0.amount'),
    ],
    [
      'a dealer balance in debt beyond it',
      'shifts.recordDealerBalance',
      { modemId: 'm1', amount: -ceiling - 1 },
      tooLarge('amount'),
    ],
    [
      'a dealer balance in debt within it',
      'shifts.recordDealerBalance',
      { modemId: 'm1', amount: -ceiling },
      [],
    ],
    [
      'cash put in at the ceiling',
      'shifts.recordCashMovement',
      { kind: 'in', amount: ceiling, reason: 'Bank run' },
      [],
    ],
    [
      'cash taken out above it',
      'shifts.recordCashMovement',
      { kind: 'out', amount: huge, reason: 'Bank run' },
      tooLarge('amount'),
    ],
    [
      'cash tendered above it',
      'sales.renew',
      { ...renewal, payment: { method: 'cash', tendered: ceiling + 1 } },
      tooLarge('payment.tendered'),
    ],
    [
      'cash tendered at it',
      'sales.renew',
      { ...renewal, payment: { method: 'cash', tendered: ceiling } },
      [],
    ],
    [
      'a counted piece above it',
      'day.close',
      { counted: [{ denomination: huge, count: 1 }] },
      tooLarge('counted.0.denomination'),
    ],
    [
      'a dealer balance typed at the close above it',
      'day.close',
      { counted: [], dealerBalances: [{ modemId: 'm1', amount: huge }] },
      tooLarge('dealerBalances.0.amount'),
    ],
  ] as const)('%s (%s)', (_case, procedure, input, expected) => {
    expect(issuesOf(procedures[procedure].input, input)).toEqual(expected);
  });

  it.each([
    ['a price at the ceiling', { ...plan, price: ceiling, dealerCost: 0 }, []],
    ['a price above it', { ...plan, price: ceiling + 1, dealerCost: 0 }, tooLarge('price')],
    ['a dealer cost above it', { ...plan, price: 0, dealerCost: huge }, tooLarge('dealerCost')],
  ] as const)("a carrier plan's %s", (_case, input, expected) => {
    expect(issuesOf(carrierPlanSchema, input)).toEqual(expected);
  });
});
