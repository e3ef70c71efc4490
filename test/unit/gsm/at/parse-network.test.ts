import { describe, expect, it } from 'vitest';
import { parseCops, parseCreg, parseCsq } from '../../../../electron/gsm/at/parsers';

// Registration lines seen on real modems (the set ModemManager's test-modem-helpers.c checks).
const registrations: Array<[string, string, unknown]> = [
  ['CREG=1 answer', '+CREG: 1,3', { solicited: true, n: 1, stat: 3, state: 'denied' }],
  ['CREG=1 URC', '+CREG: 3', { solicited: false, stat: 3, state: 'denied' }],
  [
    'Sierra Mercury answer',
    '+CREG: 1,1,84CD,00D30173',
    { solicited: true, state: 'home', lac: 0x84cd, ci: 0xd30173 },
  ],
  [
    'Sierra Mercury URC',
    '+CREG: 1,84CD,00D30156',
    { solicited: false, state: 'home', lac: 0x84cd, ci: 0xd30156 },
  ],
  [
    'Sony Ericsson K850i answer, quoted hex',
    '+CREG: 2,1,"CE00","01CEAD8F"',
    { solicited: true, state: 'home', lac: 0xce00, ci: 0x01cead8f },
  ],
  [
    'Sony Ericsson K850i URC',
    '+CREG: 1,"CE00","00005449"',
    { solicited: false, state: 'home', lac: 0xce00, ci: 0x5449 },
  ],
  [
    'Huawei E160G unregistered',
    '+CREG: 2,0,00,0',
    { solicited: true, state: 'idle', lac: 0, ci: 0 },
  ],
  [
    'Huawei E160G URC',
    '+CREG: 1,8BE3,2BAF',
    { solicited: false, state: 'home', lac: 0x8be3, ci: 0x2baf },
  ],
  ['Novatel XU870 URC, empty location', '+CREG: 2,,', { solicited: false, state: 'searching' }],
  [
    'Iridium, zero-padded numbers, no space',
    '+CREG:002,001,"18d8","ffff"',
    { solicited: true, n: 2, state: 'home', lac: 0x18d8, ci: 0xffff },
  ],
  [
    'URC with AcT and leading zeros',
    '+CREG: 1,0001,0010,0',
    { solicited: false, state: 'home', lac: 1, ci: 0x10, act: 0 },
  ],
  [
    'URC, quoted, zero-padded AcT',
    '+CREG: 001,"0001","0010",000',
    { solicited: false, state: 'home', lac: 1, ci: 0x10, act: 0 },
  ],
  [
    'u-blox answer on LTE',
    '+CREG: 2,6,"8B37","0A265185",7',
    { solicited: true, state: 'home-sms-only', lac: 0x8b37, ci: 0x0a265185, act: 7 },
  ],
  [
    'u-blox URC on LTE',
    '+CREG: 6,"8B37","0A265185",7',
    { solicited: false, state: 'home-sms-only', act: 7 },
  ],
  [
    'Ericsson F3607gw CGREG answer',
    '+CGREG: 2,1,"8BE3","00002B5D",3',
    { prefix: '+CGREG', solicited: true, state: 'home', lac: 0x8be3, ci: 0x2b5d, act: 3 },
  ],
  [
    'Sony-Ericsson MD400 sends the answer form unsolicited',
    '+CREG: 2,5,"0502","0404736D"',
    { solicited: true, state: 'roaming', lac: 0x0502, ci: 0x0404736d },
  ],
  [
    'Alcatel X220D: random spaces',
    '+CGREG: 2,1, 81ED, 1A9CEB',
    { prefix: '+CGREG', solicited: true, state: 'home', lac: 0x81ed, ci: 0x1a9ceb },
  ],
  [
    'CEREG URC with TAC',
    '+CEREG: 1,"1A2B","01A2B3C4",7',
    { prefix: '+CEREG', solicited: false, state: 'home', lac: 0x1a2b, act: 7 },
  ],
];

describe('parseCreg', () => {
  for (const [name, line, expected] of registrations) {
    it(name, () => {
      const result = parseCreg(line);
      expect(result.ok && result.value).toMatchObject(expected as object);
    });
  }

  it.each([
    ['+CSQ: 20,99', 'wrong_prefix'],
    ['+CREG:', 'malformed'],
    ['+CREG: x', 'malformed'],
    ['+CREG: 12', 'out_of_range'],
  ])('refuses %j (%s)', (line, code) => {
    const result = parseCreg(line);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error.code).toBe(code);
  });
});

describe('parseCreg keeps a readable state when the location fields are odd', () => {
  it.each([
    [
      'Qualcomm answer, space-padded unquoted',
      '+CREG: 2,1, 1A2B,  00C3F',
      { solicited: true, state: 'home', lac: 0x1a2b, ci: 0xc3f },
    ],
    [
      'Qualcomm answer, spaces inside the quotes',
      '+CREG: 2,1," 1A2B","  00C3F"',
      { solicited: true, state: 'home', lac: 0x1a2b, ci: 0xc3f },
    ],
    [
      'CGREG answer, trailing spaces inside the quotes, AcT padded',
      '+CGREG: 2,5,"1A2B ","00C3F ", 2',
      { prefix: '+CGREG', solicited: true, state: 'roaming', lac: 0x1a2b, ci: 0xc3f, act: 2 },
    ],
    [
      'URC with a space inside the LAC',
      '+CREG: 1,"1A 2B","00C3F"',
      { solicited: false, state: 'home', lac: 0x1a2b, ci: 0xc3f },
    ],
  ])('%s', (_, line, expected) => {
    const result = parseCreg(line);
    expect(result.ok && result.value).toMatchObject(expected);
    expect(result.ok && result.value.warnings).toBeUndefined();
  });

  it.each([
    [
      'a LAC that is not hex',
      '+CREG: 1,"XYZ","2BAF"',
      { state: 'home', ci: 0x2baf },
      ['LAC "XYZ" is not hex: left out'],
    ],
    [
      'an answer whose LAC and CI are dashes',
      '+CREG: 2,1,"----","--------"',
      { solicited: true, state: 'home' },
      ['LAC "----" is not hex: left out', 'CI "--------" is not hex: left out'],
    ],
    [
      'an AcT that is not a number',
      '+CEREG: 2,1,"00A1","01A2B3C4",x',
      { prefix: '+CEREG', state: 'home', lac: 0xa1, ci: 0x01a2b3c4 },
      ['AcT "x" is not a number: left out'],
    ],
  ])('%s: the state is read, the field dropped with a warning', (_, line, expected, warnings) => {
    const result = parseCreg(line);
    expect(result.ok && result.value).toMatchObject(expected);
    expect(result.ok && result.value.warnings).toEqual(warnings);
    expect(result.ok && result.value.lac === undefined && result.value.ci === undefined).toBe(
      warnings.length === 2,
    );
  });
});

describe('parseCsq', () => {
  it.each([
    ['+CSQ: 0,99', { csq: 0, dbm: -113, ber: null, bars: 0 }],
    ['+CSQ: 1,0', { csq: 1, dbm: -111, ber: 0, bars: 0 }],
    ['+CSQ: 9,99', { csq: 9, dbm: -95, ber: null, bars: 1 }],
    ['+CSQ: 14,99', { csq: 14, dbm: -85, bars: 2 }],
    ['+CSQ: 19,99', { csq: 19, dbm: -75, bars: 3 }],
    ['+CSQ: 20,99', { csq: 20, dbm: -73, bars: 4 }],
    ['+CSQ: 31,99', { csq: 31, dbm: -51, bars: 4 }],
    ['+CSQ: 99,99', { csq: 99, dbm: null, bars: 0 }],
    ['+CSQ:  18 , 3', { csq: 18, ber: 3 }],
  ])('%s', (line, expected) => {
    const result = parseCsq(line);
    expect(result.ok && result.value).toMatchObject(expected);
  });

  it.each([['+CSQ: 45,99'], ['+CSQ: ,'], ['+CREG: 1']])('refuses %j', (line) => {
    expect(parseCsq(line).ok).toBe(false);
  });
});

describe('parseCops', () => {
  it.each([
    ['+COPS: 0', { mode: 0 }],
    ['+COPS: 0,0,"OPT NC",2', { mode: 0, format: 0, operator: 'OPT NC', act: 2 }],
    ['+COPS: 1,2,"54601",7', { mode: 1, format: 2, operator: '54601', act: 7 }],
    ['+COPS: 0,0,"Vodafone, Ltd"', { mode: 0, format: 0, operator: 'Vodafone, Ltd' }],
  ])('%s', (line, expected) => {
    const result = parseCops(line);
    expect(result.ok && result.value).toEqual(expected);
  });

  it('refuses the operator list of AT+COPS=?', () => {
    expect(parseCops('+COPS: (2,"OPT","OPT","54601",7),,(0-4),(0-2)').ok).toBe(false);
  });
});
