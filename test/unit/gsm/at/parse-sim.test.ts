import { describe, expect, it } from 'vitest';
import {
  luhnValid,
  parseCpin,
  parseIccid,
  parseIdentity,
  parseImei,
  parseImsi,
} from '../../../../electron/gsm/at/parsers';

describe('parseCpin', () => {
  it.each([
    ['+CPIN: READY', 'ready'],
    ['+CPIN:READY', 'ready'],
    ['+CPIN: SIM PIN', 'sim-pin'],
    ['+CPIN: SIM PUK', 'sim-puk'],
    ['+CPIN: SIM PIN2', 'sim-pin2'],
    ['+CPIN: PH-SIM PIN', 'ph-sim-pin'],
    ['+CPIN: PH-NET PIN', 'device-lock'],
    ['+CPIN: NOT READY', 'not-ready'],
    ['+CPIN: NOT INSERTED', 'not-inserted'],
    ['+CPIN: "READY"', 'ready'],
    ['+CPIN: SOMETHING NEW', 'other'],
  ])('%s → %s', (line, state) => {
    const result = parseCpin(line);
    expect(result.ok && result.value.state).toBe(state);
  });

  it('keeps the printed code', () => {
    expect(parseCpin('+CPIN: PH-NET PIN')).toEqual({
      ok: true,
      value: { state: 'device-lock', code: 'PH-NET PIN' },
    });
  });

  it.each([['+CPIN:'], ['READY']])('refuses %j', (line) => expect(parseCpin(line).ok).toBe(false));
});

describe('parseImei', () => {
  it.each([
    ['352099001761481'],
    ['+CGSN: 352099001761481'],
    ['+CGSN: "352099001761481"'],
    ['IMEI: 352099001761481'],
  ])('%s', (line) =>
    expect(parseImei(line)).toEqual({
      ok: true,
      value: { imei: '352099001761481', luhnValid: true },
    }),
  );

  it('flags a wrong check digit', () => {
    expect(parseImei('352099001761482')).toEqual({
      ok: true,
      value: { imei: '352099001761482', luhnValid: false },
    });
  });

  it.each([['35209900176148'], ['ERROR'], ['']])('refuses %j', (line) =>
    expect(parseImei(line).ok).toBe(false),
  );
});

describe('parseImsi', () => {
  it.each([
    ['546050123456789', '546'],
    ['+CIMI: 208150123456789', '208'],
  ])('%s', (line, mcc) => {
    const result = parseImsi(line);
    expect(result.ok && result.value.mcc).toBe(mcc);
  });

  it('refuses letters', () => expect(parseImsi('54605ABC').ok).toBe(false));
});

describe('parseIccid', () => {
  const ICCID20 = '89687000001234567895';
  const ICCID19 = '8942300000123456784';

  it.each([
    [`+CCID: ${ICCID20}`, ICCID20, false],
    [`+CCID: "${ICCID20}"`, ICCID20, false],
    [`+ICCID: ${ICCID20}`, ICCID20, false],
    [`+QCCID: ${ICCID20}`, ICCID20, false],
    [ICCID20, ICCID20, false],
    [`${ICCID19}F`, ICCID19, false],
    // Huawei ^ICCID printing the SIM's raw nibble-swapped bytes
    ['^ICCID: 98860700002143658759', ICCID20, true],
    ['^ICCID: 982403000021436587F4', ICCID19, true],
  ])('%s', (line, iccid, swapped) => {
    expect(parseIccid(line)).toEqual({ ok: true, value: { iccid, swapped, luhnValid: true } });
  });

  it('keeps a non-Luhn ICCID that starts with 89, saying so', () => {
    expect(parseIccid('+CCID: 89687000001234567890')).toEqual({
      ok: true,
      value: { iccid: '89687000001234567890', swapped: false, luhnValid: false },
    });
  });

  it.each([['+CCID: 1234'], ['+CCID: ZZZZZZZZZZZZZZZZZZZZ'], ['ERROR']])('refuses %j', (line) =>
    expect(parseIccid(line).ok).toBe(false),
  );
});

describe('parseIdentity', () => {
  it.each([
    ['manufacturer', ['huawei'], 'huawei'],
    ['manufacturer', ['+CGMI: "huawei"'], 'huawei'],
    ['manufacturer', ['Quectel'], 'Quectel'],
    ['model', ['+CGMM: E3372'], 'E3372'],
    ['model', ['SIMCOM_SIM800C'], 'SIMCOM_SIM800C'],
    ['revision', ['Revision: EC25EFAR06A03M4G'], 'EC25EFAR06A03M4G'],
    ['revision', ['+CGMR: Revision:1418B04SIM800C24'], '1418B04SIM800C24'],
    ['revision', ['21.110.99.02.00'], '21.110.99.02.00'],
    ['model', ['ZTE', 'MF823'], 'ZTE MF823'],
  ] as const)('%s %j → %s', (kind, lines, value) => {
    expect(parseIdentity(kind, lines)).toEqual({ ok: true, value });
  });

  it('refuses an empty answer', () => expect(parseIdentity('model', []).ok).toBe(false));
});

describe('luhnValid', () => {
  it.each([
    ['79927398713', true],
    ['79927398710', false],
    ['352099001761481', true],
    ['', false],
    ['12a4', false],
  ])('%j → %s', (digits, valid) => expect(luhnValid(digits)).toBe(valid));
});
