import { describe, expect, it } from 'vitest';
import { firstChoice, nextCopy, recordAfter } from '../../../../renderer/components/receipt-prints';
import { type PrinterSetup, printerSchema } from '../../../../shared/printer';

const pdf = (id: string) => printerSchema.parse({ id, name: id, paper: '80mm', kind: 'pdf' });

describe('what the Print button says the next print will be', () => {
  it.each([
    { record: { printed: false, copies: 0 }, next: null },
    { record: { printed: true, copies: 0 }, next: 1 },
    { record: { printed: true, copies: 3 }, next: 4 },
  ])('after $record: $next (null is the original)', ({ record, next }) => {
    expect(nextCopy(record)).toBe(next);
  });

  it('follows the answer of each print: the original, then COPY n', () => {
    const original = recordAfter({ number: 7, copy: null, printerId: 'a', file: null });
    expect(original).toEqual({ printed: true, copies: 0 });
    expect(nextCopy(original)).toBe(1);
    expect(nextCopy(recordAfter({ number: 7, copy: 2, printerId: 'a', file: null }))).toBe(3);
  });
});

describe('the printer a receipt goes to unless another is chosen', () => {
  const setup = (defaultPrinterId: string | null, ...ids: string[]): PrinterSetup => ({
    printers: ids.map(pdf),
    defaultPrinterId,
    autoPrint: true,
  });

  it('is the shop’s default one', () => {
    expect(firstChoice(setup('back', 'front', 'back'))).toBe('back');
  });

  it('is the first one listed when the shop has no default', () => {
    expect(firstChoice(setup(null, 'front', 'back'))).toBe('front');
  });

  it('is none when the shop has no printer', () => {
    expect(firstChoice(setup(null))).toBeNull();
  });
});
