import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { maskCustomerNumber } from '../../../shared/receipt';

describe('the customer number on a receipt', () => {
  it.each([
    ['+687751234', '+687 •• •• 34'],
    ['687751234', '+687 •• •• 34'],
    ['+687 75.12.34', '+687 •• •• 34'],
    ['+33612345678', '+33 • •• •• •• 78'],
    ['+8613912345678', '+86 ••• •••• ••78'],
    ['+61412345678', '+61 ••• ••• •78'],
  ])('%s shows the country code and the last two digits: %s', (number, masked) => {
    expect(maskCustomerNumber(number)).toBe(masked);
  });

  it.each([
    ['12345', '•••45'],
    ['+999 12 34', '+•••••34'],
    ['12', '••'],
    ['', ''],
  ])(
    'a number that does not parse (%s) still shows only its last two digits: %s',
    (number, masked) => {
      expect(maskCustomerNumber(number)).toBe(masked);
    },
  );

  it('never shows more than the country code and two digits of any number', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\+?[0-9]{0,16}$/), (number) => {
        const masked = maskCustomerNumber(number);
        const shown = masked.replace(/^\+\d+ /, '').replace(/\D/g, '');
        expect(shown.length).toBeLessThanOrEqual(2);
        const digits = number.replace(/\D/g, '');
        if (shown.length > 0) expect(digits.endsWith(shown)).toBe(true);
      }),
    );
  });
});
