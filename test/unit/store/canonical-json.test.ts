import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../../electron/store/canonical-json';

describe('canonicalJson', () => {
  it('writes sorted keys, no whitespace, arrays in order, and leaves undefined members out', () => {
    expect(
      canonicalJson(
        { b: [3, 'é', { z: null, a: true }], a: { d: undefined, c: -1 }, 'clé "x"': [] },
        'v',
      ),
    ).toBe('{"a":{"c":-1},"b":[3,"é",{"a":true,"z":null}],"clé \\"x\\"":[]}');
  });

  it('gives the same text whatever order the keys were written in', () => {
    expect(canonicalJson({ x: 1, y: { q: 2, p: 3 } }, 'v')).toBe(
      canonicalJson({ y: { p: 3, q: 2 }, x: 1 }, 'v'),
    );
  });

  it.each([
    [
      { report: { totals: [1, 2.5] } },
      'z.report.totals[1]: only safe integers are hashed, not 2.5',
    ],
    [{ a: [{ b: 2 ** 53 }] }, `z.a[0].b: only safe integers are hashed, not ${2 ** 53}`],
    [{ at: new Date(0) }, 'z.at: a object cannot be hashed'],
    [[1, () => 1], 'z[1]: a function cannot be hashed'],
    [Number.NaN, 'z: only safe integers are hashed, not NaN'],
  ])('refuses %j, naming where the value is', (value, message) => {
    expect(() => canonicalJson(value, 'z')).toThrow(message);
  });
});
