import { describe, expect, it } from 'vitest';
import type { SaleStatus } from '../../../shared/sale';
import { canTryAgain, type SaleCauseCode, saleCauseCodes } from '../../../shared/sale-cause';

const cause = (code: SaleCauseCode) => ({ code, carrierText: null, retryAfterSeconds: null });

describe('whether the counter offers Try again', () => {
  it.each<[SaleStatus, SaleCauseCode, boolean]>([
    ['failed', 'no_modem_free', true],
    ['failed', 'not_sent', true],
    ['failed', 'dealer_float_low', true],
    ['failed', 'daily_cap_reached', true],
    ['failed', 'unknown_number', false],
    ['failed', 'plan_not_allowed', false],
    ['failed', 'wrong_dealer_pin', false],
    ['failed', 'carrier_refused', false],
    ['failed', 'settled_by_hand', false],
    ['unknown', 'carrier_timeout', false],
    ['unknown', 'not_sent', false],
    ['succeeded', 'no_modem_free', false],
  ])('%s for %s: %s', (status, code, expected) => {
    expect(canTryAgain(status, cause(code))).toBe(expected);
  });

  it('never without a cause: the counter cannot say why, so it does not guess', () => {
    expect(canTryAgain('failed', null)).toBe(false);
  });

  it('never for an unknown sale, whatever its cause: it may have been topped up', () => {
    for (const code of saleCauseCodes) expect(canTryAgain('unknown', cause(code))).toBe(false);
  });
});
