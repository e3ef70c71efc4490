/**
 * Why a sale at the counter waits for a modem: the carrier's modems wait for a late answer from
 * the network, and the first to be free again says how long.
 */
import { describe, expect, it } from 'vitest';
import { firstWaitingModem, type Modem, secondsLeft } from '../../../../renderer/modems/modem-wait';

function modem(id: string, state: Modem['state'], waitingUntil: string | null = null): Modem {
  return {
    id,
    carrierId: 'nc-demo',
    state,
    since: '2026-12-06T10:00:00.000Z',
    simulated: true,
    link: 'serial',
    iccid: null,
    imei: null,
    simChange: null,
    manufacturer: null,
    model: null,
    registration: 'registered-home',
    operator: null,
    signalBars: 4,
    problem: null,
    waitingUntil,
    signalHistory: [],
  };
}

describe('the modem a waiting sale waits for', () => {
  it('is the waiting modem of the carrier free first, when none is ready', () => {
    const modems = [
      modem('modem-1', 'waiting', '2026-12-06T10:00:40.000Z'),
      modem('modem-2', 'busy'),
      modem('modem-3', 'waiting', '2026-12-06T10:00:20.000Z'),
      { ...modem('modem-4', 'ready'), carrierId: 'other' },
    ];
    expect(firstWaitingModem(modems, 'nc-demo')?.id).toBe('modem-3');
  });

  it('is none while a modem of the carrier is ready, or when none waits', () => {
    const ready = [
      modem('modem-1', 'waiting', '2026-12-06T10:00:40.000Z'),
      modem('modem-2', 'ready'),
    ];
    expect(firstWaitingModem(ready, 'nc-demo')).toBeNull();
    expect(firstWaitingModem([modem('modem-1', 'busy')], 'nc-demo')).toBeNull();
  });
});

describe('the seconds left of a wait', () => {
  it('rounds up, and is 0 once the wait is over', () => {
    const now = Date.parse('2026-12-06T10:00:00.000Z');
    expect(secondsLeft('2026-12-06T10:00:41.200Z', now)).toBe(42);
    expect(secondsLeft('2026-12-06T09:59:59.000Z', now)).toBe(0);
  });
});
