import { describe, expect, it } from 'vitest';
import { recordsCsv } from '../../../electron/archives/contents';
import { archiveBaseName, keepUntil } from '../../../electron/archives/folder';
import { parsePeriod } from '../../../shared/period';

const period = (name: string) => {
  const parsed = parsePeriod(name);
  if (!parsed) throw new Error(`${name} is not a period`);
  return parsed;
};

describe('how long an archive is kept', () => {
  it.each([
    ['2026-11', 6, '2032-12-01'],
    ['2026-12', 6, '2033-01-01'],
    ['2026-01', 1, '2027-02-01'],
    ['2026', 6, '2033-01-01'],
    ['2026', 10, '2037-01-01'],
  ])('%s kept %i years: until %s (counted from the day after the period)', (name, years, until) => {
    expect(keepUntil(period(name), { keepYears: years })).toBe(until);
  });
});

describe('an archive’s file name', () => {
  it.each([
    ['1', 'comptoir-1-2026-11'],
    ['Caisse Nouméa 2', 'comptoir-caisse-noumea-2-2026-11'],
    ['收银台', 'comptoir-till-0001-2026-11'],
    ['  ', 'comptoir-till-0001-2026-11'],
  ])('till %j: %s', (till, base) => {
    expect(archiveBaseName(till, 'till-0001', period('2026-11'))).toBe(base);
  });
});

describe('an archive’s CSV', () => {
  it('has a column per field, nested ones dotted, lists as JSON, and a BOM', () => {
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(
      recordsCsv([
        { number: 1, price: { amount: 1500, currency: 'XPF' }, taxes: [{ rate: 1100 }] },
        { number: 2, note: 'Nouméa, "port"', paid: true },
      ]),
    );
    expect(text).toBe(
      '\uFEFFnumber,price.amount,price.currency,taxes,note,paid\n' +
        '1,1500,XPF,"[{""rate"":1100}]",,\n' +
        '2,,,,"Nouméa, ""port""",true\n',
    );
  });
});
