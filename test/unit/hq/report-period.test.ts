import { describe, expect, it } from 'vitest';
import { reportPeriod } from '../../../electron/hq/reports/period';

describe('the days a head-office report covers', () => {
  it('is one calendar day, or a whole month up to the first of the next', () => {
    expect(reportPeriod('2026-12-07', 'day')).toEqual({
      period: '2026-12-07',
      from: '2026-12-07',
      until: '2026-12-08',
      month: false,
    });
    expect(reportPeriod('2026-12-31', 'day').until).toBe('2027-01-01');
    expect(reportPeriod('2026-12', 'month')).toEqual({
      period: '2026-12',
      from: '2026-12-01',
      until: '2027-01-01',
      month: true,
    });
    expect(reportPeriod('2028-02', 'month').until).toBe('2028-03-01');
  });

  it('refuses a day or a month the calendar lacks, naming the field', () => {
    for (const [period, field] of [
      ['2026-02-29', 'day'],
      ['2026-13', 'month'],
      ['2026-00', 'month'],
      ['2026-04-31', 'period'],
    ] as const) {
      expect(() => reportPeriod(period, field)).toThrow(
        expect.objectContaining({
          code: 'invalid_input',
          issues: [expect.objectContaining({ path: field, code: 'invalid' })],
        }),
      );
    }
  });
});
