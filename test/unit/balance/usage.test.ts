import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DAY_MS, estimateUsage, type Reading } from '../../../electron/balance/usage';

const START = Date.parse('2026-05-01T00:00:00Z');
const FAR = '2027-01-01T00:00:00.000Z';
const day = (days: number) => new Date(START + days * DAY_MS).toISOString();
const reading = (days: number, remainingMb: number, validUntil = FAR): Reading => ({
  at: day(days),
  remainingMb,
  validUntil,
});

describe('the usage rate read from successive balance checks', () => {
  it.each<[string, Reading[], number[], number | null]>([
    ['two checks two days apart', [reading(0, 3000), reading(2, 2000)], [], 500],
    ['in any order', [reading(2, 2000), reading(0, 3000)], [], 500],
    [
      'weighted by the length of each interval',
      [reading(0, 5000), reading(1, 4000), reading(4, 3400)],
      [],
      400,
    ],
    [
      'leaving out the jump of a renewal between two checks',
      [reading(0, 3000), reading(1, 2600), reading(2, 7600), reading(3, 7200)],
      [1.5],
      400,
    ],
    [
      'leaving out a rise with no renewal (a top-up elsewhere)',
      [reading(0, 3000), reading(1, 2500), reading(2, 4000)],
      [],
      500,
    ],
    [
      'leaving out data that expired between two checks',
      [reading(0, 3000), reading(1, 2500, day(1.5)), reading(2, 0)],
      [],
      500,
    ],
    ['no rate from a single check', [reading(0, 3000)], [], null],
    [
      'no rate when only a renewal interval is seen',
      [reading(0, 100), reading(1, 5100)],
      [0.5],
      null,
    ],
    ['no rate from checks minutes apart', [reading(0, 3000), reading(0.01, 2990)], [], null],
    ['nothing used', [reading(0, 3000), reading(1, 3000)], [], 0],
  ])('%s', (_label, readings, renewalDays, mbPerDay) => {
    const usage = estimateUsage(
      readings,
      renewalDays.map((days) => ({ at: day(days) })),
    );
    expect(usage?.mbPerDay ?? null).toBe(mbPerDay);
  });

  it('says over which days the rate was seen', () => {
    expect(
      estimateUsage([reading(0, 5000), reading(1, 4500), reading(3, 3500)], [{ at: day(2) }]),
    ).toEqual({ mbPerDay: 500, observedDays: 1, from: day(0), to: day(1) });
  });

  /** Checks on whole days (at least one apart) of a card used at a steady rate. */
  const steadyCard = fc.record({
    mbPerDay: fc.integer({ min: 0, max: 2000 }),
    gaps: fc.array(fc.integer({ min: 1, max: 10 }), { minLength: 2, maxLength: 12 }),
  });

  function steadyReadings(mbPerDay: number, gaps: number[]): Reading[] {
    let days = 0;
    const readings = [reading(0, 1_000_000)];
    for (const gap of gaps) {
      days += gap;
      readings.push(reading(days, 1_000_000 - mbPerDay * days));
    }
    return readings;
  }

  it('finds the rate of a card used steadily, whatever the spacing of the checks', () => {
    fc.assert(
      fc.property(steadyCard, ({ mbPerDay, gaps }) => {
        expect(estimateUsage(steadyReadings(mbPerDay, gaps), [])?.mbPerDay).toBeCloseTo(mbPerDay);
      }),
    );
  });

  it('never counts the data a renewal added as usage', () => {
    fc.assert(
      fc.property(
        steadyCard,
        fc.nat(),
        fc.integer({ min: 1, max: 20_480 }),
        ({ mbPerDay, gaps }, pick, addedMb) => {
          const readings = steadyReadings(mbPerDay, gaps);
          const renewedAfter = pick % (readings.length - 1);
          const renewed = readings.map((read, index) =>
            index > renewedAfter ? { ...read, remainingMb: read.remainingMb + addedMb } : read,
          );
          const justAfter = Date.parse(renewed[renewedAfter]?.at ?? '') + 1;
          const usage = estimateUsage(renewed, [{ at: new Date(justAfter).toISOString() }]);
          expect(usage?.mbPerDay).toBeCloseTo(mbPerDay);
        },
      ),
    );
  });

  it('is never negative, whatever the checks say', () => {
    const anyReading = fc.record({
      at: fc
        .integer({ min: START, max: START + 60 * DAY_MS })
        .map((t) => new Date(t).toISOString()),
      remainingMb: fc.nat({ max: 100_000 }),
      validUntil: fc
        .integer({ min: START, max: START + 90 * DAY_MS })
        .map((t) => new Date(t).toISOString()),
    });
    fc.assert(
      fc.property(fc.array(anyReading, { maxLength: 20 }), (readings) => {
        const usage = estimateUsage(readings, []);
        if (usage) expect(usage.mbPerDay).toBeGreaterThanOrEqual(0);
      }),
    );
  });
});
