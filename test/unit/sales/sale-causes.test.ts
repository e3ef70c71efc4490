import { describe, expect, it } from 'vitest';
import {
  causeOfMove,
  causeOfSale,
  causeReason,
  noModemFreeReason,
  secondsUntilFree,
} from '../../../electron/sales/sale-causes';
import type { SaleCause, SaleCauseCode } from '../../../shared/sale-cause';
import { type Actor, systemActor } from '../../../shared/user';

const modem: Actor = { kind: 'modem', modemId: 'modem-1' };
const manager: Actor = { kind: 'user', role: 'manager', userId: 2 };
const cause = (
  code: SaleCauseCode,
  carrierText: string | null = null,
  retryAfterSeconds: number | null = null,
): SaleCause => ({ code, carrierText, retryAfterSeconds });

describe('the reasons the journal writes today', () => {
  it.each<[string, 'failed' | 'unknown', SaleCause]>([
    [
      causeReason('unknown_number', 'Numéro client 687111111 inconnu. Recharge annulée.'),
      'failed',
      cause('unknown_number', 'Numéro client 687111111 inconnu. Recharge annulée.'),
    ],
    [
      causeReason('plan_not_allowed', 'Forfait inconnu.'),
      'failed',
      cause('plan_not_allowed', 'Forfait inconnu.'),
    ],
    [causeReason('dealer_float_low'), 'failed', cause('dealer_float_low')],
    [causeReason('daily_cap_reached'), 'failed', cause('daily_cap_reached')],
    [
      causeReason('wrong_dealer_pin', 'Code PIN revendeur incorrect'),
      'failed',
      cause('wrong_dealer_pin', 'Code PIN revendeur incorrect'),
    ],
    [
      causeReason('carrier_refused', 'Service indisponible: réessayez'),
      'failed',
      cause('carrier_refused', 'Service indisponible: réessayez'),
    ],
    [noModemFreeReason(25), 'failed', cause('no_modem_free', null, 25)],
    [noModemFreeReason(null), 'failed', cause('no_modem_free')],
    // The detail of a not-sent top-up is the journal's note, not the carrier's words.
    [
      causeReason('not_sent', 'stopped before the top-up was sent: port closed'),
      'failed',
      cause('not_sent'),
    ],
    [
      causeReason('carrier_timeout', 'no definite answer (timeout)'),
      'unknown',
      cause('carrier_timeout'),
    ],
    [
      causeReason('carrier_unexpected', 'Merci de patienter'),
      'unknown',
      cause('carrier_unexpected', 'Merci de patienter'),
    ],
    [causeReason('modem_lost', 'The port closed'), 'unknown', cause('modem_lost')],
  ])('%s (%s)', (reason, status, expected) => {
    expect(causeOfMove({ reason, actor: modem }, status)).toEqual(expected);
  });

  it('writes a code alone when there is nothing to add', () => {
    expect(causeReason('dealer_float_low', '  ')).toBe('dealer_float_low');
    expect(causeReason('carrier_refused', null)).toBe('carrier_refused');
  });
});

describe('the free-text reasons journals wrote before codes', () => {
  it.each<[string, 'failed' | 'unknown', SaleCause]>([
    ['insufficient_dealer_balance', 'failed', cause('dealer_float_low')],
    ['unknown_number', 'failed', cause('unknown_number')],
    ['wrong_pin', 'failed', cause('wrong_dealer_pin')],
    ['unknown_plan', 'failed', cause('plan_not_allowed')],
    ['refused', 'failed', cause('carrier_refused')],
    ['no_modem_float', 'failed', cause('dealer_float_low')],
    ['no_modem_cap', 'failed', cause('daily_cap_reached')],
    ['no_modem_available', 'failed', cause('no_modem_free')],
    ['no_answer:', 'failed', cause('not_sent')],
    ['carrier_ended_the_menu: Service fermé', 'failed', cause('carrier_refused', 'Service fermé')],
    ['carrier_ended_the_menu:', 'failed', cause('not_sent')],
    ['stopped before the top-up was sent: AT+CUSD timed out', 'failed', cause('not_sent')],
    ['cannot build the top-up for modem-1: no PIN', 'failed', cause('not_sent')],
    ['the app stopped before a modem took the top-up', 'failed', cause('not_sent')],
    ['no definite answer (timeout)', 'unknown', cause('carrier_timeout')],
    ['no definite answer (menu)', 'unknown', cause('carrier_unexpected')],
    ['no definite answer (error)', 'unknown', cause('carrier_unexpected')],
    [
      'unrecognised answer: Veuillez patienter',
      'unknown',
      cause('carrier_unexpected', 'Veuillez patienter'),
    ],
    [
      'interrupted while sending (the app stopped or the modem was lost)',
      'unknown',
      cause('modem_lost'),
    ],
    ['The modem modem-1 was unplugged', 'unknown', cause('modem_lost')],
  ])('%s (%s)', (reason, status, expected) => {
    expect(causeOfMove({ reason, actor: systemActor }, status)).toEqual(expected);
  });
});

describe('a sale settled by a manager', () => {
  it('shows the words they wrote, as written today or before', () => {
    const now = {
      reason: causeReason('settled_by_hand', 'Client rappelé : rien reçu'),
      actor: manager,
    };
    const before = { reason: 'Client rappelé : rien reçu', actor: manager };
    for (const move of [now, before]) {
      expect(causeOfMove(move, 'failed')).toEqual(
        cause('settled_by_hand', 'Client rappelé : rien reçu'),
      );
    }
  });

  it('is settled by hand even when the words look like a code', () => {
    expect(causeOfMove({ reason: 'unknown_number', actor: manager }, 'failed')).toEqual(
      cause('settled_by_hand', 'unknown_number'),
    );
  });
});

describe('the cause of a sale', () => {
  const moves = [
    { to: 'unknown', reason: causeReason('carrier_timeout'), actor: modem },
    { to: 'failed', reason: causeReason('settled_by_hand', 'rien reçu'), actor: manager },
  ];
  const lastInto = (status: string) => moves.findLast((move) => move.to === status) ?? null;

  it('is its last move into its status', () => {
    expect(causeOfSale({ status: 'failed' }, lastInto)).toEqual(
      cause('settled_by_hand', 'rien reçu'),
    );
    expect(causeOfSale({ status: 'unknown' }, lastInto)).toEqual(cause('carrier_timeout'));
  });

  it('is none for a sale that succeeded or is still being sold, without reading its moves', () => {
    const unread = () => {
      throw new Error('read');
    };
    expect(causeOfSale({ status: 'succeeded' }, unread)).toBeNull();
    expect(causeOfSale({ status: 'sending' }, unread)).toBeNull();
  });
});

describe('when a modem of the carrier is expected free', () => {
  const now = new Date('2026-12-06T10:00:00.000Z');
  const modems = [
    { carrierId: 'nc', state: 'waiting', waitingUntil: '2026-12-06T10:00:40.000Z' },
    { carrierId: 'nc', state: 'waiting', waitingUntil: '2026-12-06T10:00:12.200Z' },
    { carrierId: 'other', state: 'waiting', waitingUntil: '2026-12-06T10:00:02.000Z' },
    { carrierId: 'nc', state: 'busy', waitingUntil: null },
  ];

  it('is the first of its waiting modems, rounded up to the second', () => {
    expect(secondsUntilFree(modems, 'nc', now)).toBe(13);
  });

  it('is unknown when none is waiting, and now when the wait is already over', () => {
    expect(secondsUntilFree(modems.slice(3), 'nc', now)).toBeNull();
    expect(secondsUntilFree(modems, 'other', new Date('2026-12-06T10:00:05.000Z'))).toBe(0);
  });
});
