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
const notMoney = (path: string) => [{ path, code: 'invalid_type' }];
/** Francs, as every amount is sent: integer minor units and their currency. */
const xpf = (amount: number) => ({ amount, currency: 'XPF' });

describe('every amount the counter takes has a ceiling', () => {
  it.each([
    ['a float at the ceiling', 'shifts.open', { float: xpf(ceiling) }, []],
    ['a float above it', 'shifts.open', { float: xpf(ceiling + 1) }, tooLarge('float.amount')],
    ['the largest safe float', 'shifts.open', { float: xpf(huge) }, tooLarge('float.amount')],
    [
      'a dealer balance typed at opening above it',
      'shifts.open',
      { float: xpf(0), dealerBalances: [{ modemId: 'm1', amount: xpf(ceiling + 1) }] },
      tooLarge('dealerBalances.0.amount.amount'),
    ],
    [
      'a dealer balance in debt beyond it',
      'shifts.recordDealerBalance',
      { modemId: 'm1', amount: xpf(-ceiling - 1) },
      tooLarge('amount.amount'),
    ],
    [
      'a dealer balance in debt within it',
      'shifts.recordDealerBalance',
      { modemId: 'm1', amount: xpf(-ceiling) },
      [],
    ],
    [
      'cash put in at the ceiling',
      'shifts.recordCashMovement',
      { kind: 'in', amount: xpf(ceiling), reason: 'Bank run' },
      [],
    ],
    [
      'cash taken out above it',
      'shifts.recordCashMovement',
      { kind: 'out', amount: xpf(huge), reason: 'Bank run' },
      tooLarge('amount.amount'),
    ],
    [
      'cash tendered above it',
      'sales.renew',
      { ...renewal, payment: { method: 'cash', tendered: xpf(ceiling + 1) } },
      tooLarge('payment.tendered.amount'),
    ],
    [
      'cash tendered at it',
      'sales.renew',
      { ...renewal, payment: { method: 'cash', tendered: xpf(ceiling) } },
      [],
    ],
    [
      'a counted piece above it',
      'day.close',
      { counted: [{ denomination: xpf(huge), count: 1 }] },
      tooLarge('counted.0.denomination.amount'),
    ],
    [
      'a dealer balance typed at the close above it',
      'day.close',
      { counted: [], dealerBalances: [{ modemId: 'm1', amount: xpf(huge) }] },
      tooLarge('dealerBalances.0.amount.amount'),
    ],
    ['a bare float', 'shifts.open', { float: 1000 }, notMoney('float')],
    [
      'bare cash moved',
      'shifts.recordCashMovement',
      { kind: 'in', amount: 500, reason: 'Bank run' },
      notMoney('amount'),
    ],
    [
      'a bare dealer balance',
      'shifts.recordDealerBalance',
      { modemId: 'm1', amount: 500 },
      notMoney('amount'),
    ],
    [
      'bare cash tendered',
      'sales.renew',
      { ...renewal, payment: { method: 'cash', tendered: 2000 } },
      notMoney('payment.tendered'),
    ],
    [
      'a bare counted piece',
      'day.close',
      { counted: [{ denomination: 1000, count: 1 }] },
      notMoney('counted.0.denomination'),
    ],
    [
      'a bare dealer balance at the close',
      'day.close',
      { counted: [], dealerBalances: [{ modemId: 'm1', amount: 500 }] },
      notMoney('dealerBalances.0.amount'),
    ],
    [
      'a currency no shop keeps its books in',
      'shifts.open',
      { float: { amount: 1000, currency: 'XXX' } },
      [{ path: 'float.currency', code: 'invalid_value' }],
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
