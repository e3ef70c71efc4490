import { afterEach, describe, expect, it, vi } from 'vitest';
import { scheduleIntegrityChecks } from '../../../electron/store/integrity-schedule';

const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;

afterEach(() => {
  vi.useRealTimers();
});

/** A schedule on a clock the test moves, asked every minute by a timer the test runs. */
function scheduled(findings: string[][]) {
  vi.useFakeTimers();
  let clock = Date.parse('2026-12-06T08:00:00Z');
  const checkedAt: string[] = [];
  const damage: string[][] = [];
  const errors: unknown[] = [];
  const schedule = scheduleIntegrityChecks(
    async () => {
      checkedAt.push(new Date(clock).toISOString());
      const next = findings.shift();
      if (!next) throw new Error('the file could not be opened');
      return next;
    },
    (problems) => damage.push(problems),
    { now: () => new Date(clock), log: { error: (...args) => errors.push(args) } },
  );
  const pass = async (ms: number) => {
    clock += ms;
    await vi.advanceTimersByTimeAsync(60_000);
  };
  return { schedule, checkedAt, damage, errors, pass };
}

describe('the full database check', () => {
  it('runs a while after the start, then once a day, not more', async () => {
    const { schedule, checkedAt, damage, pass } = scheduled([[], [], []]);
    await pass(4 * 60_000);
    expect(checkedAt).toEqual([]);
    await pass(60_000);
    expect(checkedAt).toEqual(['2026-12-06T08:05:00.000Z']);
    await pass(12 * HOUR);
    expect(checkedAt).toHaveLength(1);
    await pass(12 * HOUR);
    expect(checkedAt).toEqual(['2026-12-06T08:05:00.000Z', '2026-12-07T08:05:00.000Z']);
    expect(damage).toEqual([]);
    await schedule.stop();
  });

  it('tells the damage it finds once, and stops checking', async () => {
    const { checkedAt, damage, pass } = scheduled([
      [],
      ['row 3 missing from index sales_by_number'],
    ]);
    await pass(5 * 60_000);
    await pass(DAY);
    await pass(DAY);
    expect(damage).toEqual([['row 3 missing from index sales_by_number']]);
    expect(checkedAt).toHaveLength(2);
  });

  it('a check that cannot run is logged and tried at the next one', async () => {
    const { checkedAt, damage, errors, pass } = scheduled([]);
    await pass(5 * 60_000);
    expect(errors).toHaveLength(1);
    await pass(DAY);
    expect(checkedAt).toHaveLength(2);
    expect(damage).toEqual([]);
  });
});
