import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  alignRight,
  centre,
  displayWidth,
  spread,
  wrapText,
} from '../../../electron/printing/text-width';

describe('columns on a receipt printer', () => {
  it.each([
    ['Receipt', 7],
    ['收据', 4],
    ['单号 42', 7],
    ['Nouméa', 6],
    ['Noume\u0301a', 6],
    ['（全角）', 8],
    ['한국', 4],
    ['カタカナ', 8],
    ['ｶﾀｶﾅ', 4],
    ['•', 1],
    ['𠀋', 2],
  ])('%s takes %i columns', (text, width) => {
    expect(displayWidth(text)).toBe(width);
  });

  it('pads a label and a value to the full width, counting Chinese as two columns', () => {
    const line = spread('收据', '单号 42', 32);
    expect(line).toBe(`收据${' '.repeat(21)}单号 42`);
    expect(displayWidth(line)).toBe(32);
    expect(line.length).toBe(28);
  });

  it('centres Chinese on its printed width', () => {
    expect(centre('充值成功', 32)).toBe(`${' '.repeat(12)}充值成功`);
    expect(alignRight('实收', 10)).toBe('      实收');
  });

  it('wraps at spaces and keeps no-break spaces inside a word', () => {
    expect(wrapText('The data has been added to the card.', 32)).toEqual([
      'The data has been added to the',
      'card.',
    ]);
    expect(wrapText('refund 10\u202f000\u00a0XPF now', 12)).toEqual([
      'refund',
      '10\u202f000\u00a0XPF',
      'now',
    ]);
  });

  it('wraps Chinese between any two characters, two columns each', () => {
    expect(wrapText('运营商尚未确认本次充值。请勿重复付款。', 16)).toEqual([
      '运营商尚未确认本',
      '次充值。请勿重复',
      '付款。',
    ]);
  });

  it('cuts a word longer than a line, and never splits a wide character', () => {
    expect(wrapText('0123456789abcdef0123', 8)).toEqual(['01234567', '89abcdef', '0123']);
    expect(wrapText('ab收据收据', 5)).toEqual(['ab收', '据收', '据']);
  });

  it('never makes a line wider than asked, whatever the text', () => {
    const text = fc
      .array(fc.constantFrom('a', 'é', ' ', '收', '据', '１', '-', 'W', '\u00a0', '.', 'が'), {
        maxLength: 120,
      })
      .map((chars) => chars.join(''));
    fc.assert(
      fc.property(text, fc.integer({ min: 2, max: 48 }), (value, width) => {
        const lines = wrapText(value, width);
        for (const line of lines) expect(displayWidth(line)).toBeLessThanOrEqual(width);
        expect(lines.join('').replace(/ /g, '')).toBe(value.replace(/ /g, ''));
      }),
    );
  });
});
