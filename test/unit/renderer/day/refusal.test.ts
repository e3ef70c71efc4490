/**
 * What the core answers to a close or an export, sorted by what the screen has to ask for:
 * dealer balances to type, the reason, the manager's approval, or a message for the whole form.
 */
import { describe, expect, it } from 'vitest';
import { readRefusal } from '../../../../renderer/day/refusal';
import { ApiError } from '../../../../shared/api/errors';

const nothing = { unreadDealers: [], reason: null, approval: null, general: false };

describe('a refused close', () => {
  it('names the dealer SIMs the carrier could not give a balance for', () => {
    const error = new ApiError('invalid_input', 'Some dealer balances could not be read', [
      {
        path: 'dealerBalances',
        code: 'dealer_balance_unread',
        message: 'sim-1: no answer',
        params: { modemId: 'sim-1' },
      },
      {
        path: 'dealerBalances',
        code: 'dealer_balance_unread',
        message: 'sim-2: busy',
        params: { modemId: 'sim-2' },
      },
    ]);
    expect(readRefusal(error)).toEqual({ ...nothing, unreadDealers: ['sim-1', 'sim-2'] });
  });

  it('asks for the reason of a count that differs', () => {
    const issue = { path: 'reason', code: 'reason_required', message: 'say why' };
    expect(readRefusal(new ApiError('invalid_input', 'say why', [issue]))).toEqual({
      ...nothing,
      reason: issue,
    });
  });

  it('tells a wrong manager PIN, a malformed one, and too many tries apart', () => {
    expect(readRefusal(new ApiError('forbidden', 'A manager must do this'))).toEqual({
      ...nothing,
      approval: 'wrong',
    });
    expect(readRefusal(new ApiError('rate_limited', 'wait'))).toEqual({
      ...nothing,
      approval: 'too_many',
    });
    const pin = { path: 'manager.pin', code: 'invalid_format', message: '4 to 8 digits' };
    expect(readRefusal(new ApiError('invalid_input', 'bad', [pin]))).toEqual({
      ...nothing,
      approval: pin,
    });
  });

  it('says anything else for the whole form', () => {
    expect(readRefusal(new ApiError('conflict', 'A top-up is being sent'))).toEqual({
      ...nothing,
      general: true,
    });
    expect(readRefusal(new ApiError('invalid_input', 'odd', []))).toEqual({
      ...nothing,
      general: true,
    });
    expect(readRefusal(new TypeError('Failed to fetch'))).toEqual({ ...nothing, general: true });
  });
});
