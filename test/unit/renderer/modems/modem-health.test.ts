/**
 * The health screen's pure parts: the alerts every screen shows, the signal chart and its words,
 * the timeline's order and labels, and which action a manager is offered and what it calls.
 */
import { describe, expect, it } from 'vitest';
import { actionRequest, healthActions } from '../../../../renderer/modems/health-actions';
import {
  type DealerFloat,
  mergeFloats,
  modemAlerts,
} from '../../../../renderer/modems/modem-alerts';
import type { Modem } from '../../../../renderer/modems/modem-wait';
import { signalPoints, signalSummary } from '../../../../renderer/modems/signal-chart';
import { newestFirst, timelineEventKey } from '../../../../renderer/modems/timeline';
import { modemTimelineEventSchema } from '../../../../shared/api/contract/modems';
import en from '../../../../shared/i18n/en.json';
import fr from '../../../../shared/i18n/fr.json';
import zhCN from '../../../../shared/i18n/zh-CN.json';

function modem(id: string, change: Partial<Modem> = {}): Modem {
  return {
    id,
    carrierId: 'nc-demo',
    state: 'ready',
    since: '2026-12-06T10:00:00.000Z',
    simulated: false,
    link: 'serial',
    iccid: '8968701234567890123',
    imei: '861234567890123',
    simChange: null,
    manufacturer: null,
    model: null,
    registration: 'registered-home',
    operator: null,
    signalBars: 4,
    problem: null,
    waitingUntil: null,
    signalHistory: [],
    ...change,
  };
}

const xpf = (amount: number) => ({ amount, currency: 'XPF' as const });

function float(modemId: string, change: Partial<DealerFloat> = {}): DealerFloat {
  return {
    modemId,
    balance: xpf(50_000),
    checkedAt: '2026-12-06T10:00:00.000Z',
    source: 'top-up',
    lowThreshold: xpf(10_000),
    dailyCap: null,
    soldToday: xpf(0),
    low: false,
    ...change,
  };
}

describe('the modem alerts on every screen', () => {
  it('says nothing while every modem is in service with float enough', () => {
    expect(modemAlerts([modem('a'), modem('b', { state: 'busy' })], [float('a')])).toEqual([]);
  });

  it('names each cause once, in the bank’s order: a SIM change rather than the out-of-service it causes', () => {
    const simChange = { expectedIccid: '8968701234567890123', foundIccid: '8968709999999999999' };
    const modems = [
      modem('a', { state: 'out-of-service' }),
      modem('b', { state: 'out-of-service', simChange }),
      modem('c', { state: 'offline' }),
    ];
    const floats = [float('c', { low: true, balance: xpf(2_000) }), float('a')];
    expect(modemAlerts(modems, floats)).toEqual([
      { kind: 'out-of-service', modemId: 'a' },
      { kind: 'sim-changed', modemId: 'b', ...simChange },
      { kind: 'float-low', modemId: 'c', balance: xpf(2_000), threshold: xpf(10_000) },
    ]);
  });

  it('goes away when its cause does: put back in service, float topped up', () => {
    const before = modemAlerts(
      [modem('a', { state: 'out-of-service' })],
      [float('a', { low: true, balance: xpf(1_000) })],
    );
    expect(before.map((alert) => alert.kind)).toEqual(['out-of-service', 'float-low']);
    const after = modemAlerts(
      [modem('a', { state: 'ready' })],
      mergeFloats([float('a', { low: true })], [float('a', { balance: xpf(80_000) })]),
    );
    expect(after).toEqual([]);
  });

  it('leaves out the float of a modem no longer in the bank', () => {
    expect(modemAlerts([modem('a')], [float('gone', { low: true })])).toEqual([]);
  });
});

describe('the floats kept current by events', () => {
  it('takes the new figures of the SIMs an event tells of and keeps the others', () => {
    const known = [float('a'), float('b')];
    const merged = mergeFloats(known, [float('b', { balance: xpf(9_000), low: true }), float('c')]);
    expect(merged.map((entry) => [entry.modemId, entry.balance?.amount, entry.low])).toEqual([
      ['a', 50_000, false],
      ['b', 9_000, true],
      ['c', 50_000, false],
    ]);
  });
});

describe('the signal chart', () => {
  const box = { width: 100, height: 20, inset: 0 };

  it('places readings by their time and bars: a gap in the polls is a gap on the chart', () => {
    const history = [
      { at: '2026-12-06T10:00:00.000Z', bars: 4 },
      { at: '2026-12-06T10:00:30.000Z', bars: 2 },
      { at: '2026-12-06T10:02:00.000Z', bars: 0 },
    ];
    expect(signalPoints(history, box)).toEqual([
      { x: 0, y: 0 },
      { x: 25, y: 10 },
      { x: 100, y: 20 },
    ]);
  });

  it('keeps its line inside the inset, and a lone reading at the right edge (now)', () => {
    expect(
      signalPoints([{ at: '2026-12-06T10:00:00.000Z', bars: 4 }], { ...box, inset: 3 }),
    ).toEqual([{ x: 97, y: 3 }]);
    expect(signalPoints([], box)).toEqual([]);
  });

  it('draws a reading beyond the scale at its edge', () => {
    const points = signalPoints(
      [
        { at: '2026-12-06T10:00:00.000Z', bars: 7 },
        { at: '2026-12-06T10:00:30.000Z', bars: -1 },
      ],
      box,
    );
    expect(points.map((point) => point.y)).toEqual([0, 20]);
  });

  it('says in figures what it shows: how many readings, over what time, lowest, highest, now', () => {
    expect(
      signalSummary([
        { at: '2026-12-06T10:00:00.000Z', bars: 3 },
        { at: '2026-12-06T10:00:30.000Z', bars: 1 },
        { at: '2026-12-06T10:01:00.000Z', bars: 2 },
      ]),
    ).toEqual({
      count: 3,
      lowest: 1,
      highest: 3,
      last: 2,
      from: '2026-12-06T10:00:00.000Z',
      to: '2026-12-06T10:01:00.000Z',
    });
    expect(signalSummary([])).toBeNull();
  });
});

describe('the timeline of a modem', () => {
  it('lists the newest first, and events at one instant in reverse order of writing', () => {
    const entries = [
      { at: '2026-12-06T10:00:00.000Z', event: 'opened' as const, detail: 'generic' },
      { at: '2026-12-06T10:05:00.000Z', event: 'timeout' as const, detail: 'AT+CUSD' },
      { at: '2026-12-06T10:05:00.000Z', event: 'resync' as const, detail: null },
      { at: '2026-12-06T10:03:00.000Z', event: 'late-answer' as const, detail: null },
    ];
    expect(newestFirst(entries).map((entry) => entry.event)).toEqual([
      'resync',
      'timeout',
      'late-answer',
      'opened',
    ]);
  });

  it('has a label for every event, in every language', () => {
    for (const texts of [en, fr, zhCN]) {
      for (const event of modemTimelineEventSchema.options) {
        const [, , name] = timelineEventKey(event).split('.');
        const label = (texts.modems.events as Record<string, string>)[name as string];
        expect(label, `${event}`).toMatch(/\S/);
      }
    }
  });
});

describe("a manager's actions on a modem", () => {
  it('offers what fits the modem as it is', () => {
    expect(healthActions(modem('a'))).toEqual(['reinitialise', 'reset', 'take-out']);
    expect(healthActions(modem('a', { state: 'offline' }))).toEqual([
      'reinitialise',
      'reset',
      'take-out',
    ]);
    expect(healthActions(modem('a', { state: 'out-of-service' }))).toEqual([
      'put-back',
      'reinitialise',
      'reset',
    ]);
    expect(healthActions(modem('a', { state: 'healing' }))).toEqual(['take-out']);
  });

  it('offers only to accept a changed SIM: putting it back would sell from an unexpected SIM', () => {
    const simChange = { expectedIccid: '8968701234567890123', foundIccid: '8968709999999999999' };
    expect(healthActions(modem('a', { state: 'out-of-service', simChange }))).toEqual([
      'confirm-sim',
    ]);
  });

  it('calls the bank with the step, the service wanted, or the ICCID the manager was shown', () => {
    const simChange = { expectedIccid: '8968701234567890123', foundIccid: '8968709999999999999' };
    const changed = modem('a', { simChange });
    expect(actionRequest('reinitialise', changed)).toEqual({
      procedure: 'modems.heal',
      input: { id: 'a', step: 'reopen' },
    });
    expect(actionRequest('reset', changed)).toEqual({
      procedure: 'modems.heal',
      input: { id: 'a', step: 'reset' },
    });
    expect(actionRequest('take-out', changed)).toEqual({
      procedure: 'modems.setInService',
      input: { id: 'a', inService: false },
    });
    expect(actionRequest('put-back', changed)).toEqual({
      procedure: 'modems.setInService',
      input: { id: 'a', inService: true },
    });
    expect(actionRequest('confirm-sim', changed)).toEqual({
      procedure: 'modems.confirmSim',
      input: { id: 'a', iccid: '8968709999999999999' },
    });
    expect(actionRequest('confirm-sim', modem('a'))).toBeNull();
  });
});
