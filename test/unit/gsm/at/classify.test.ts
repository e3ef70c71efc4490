import { describe, expect, it } from 'vitest';
import { cutEcho, finalResultOf, isErrorFinal } from '../../../../electron/gsm/at/classify';
import type { PendingCommand } from '../../../../electron/gsm/at/command';
import { createUrcMatcher, URCS } from '../../../../electron/gsm/at/urc-table';
import { classifyLine } from './classify-line';

function cmd(command: string, body?: string): PendingCommand {
  return body === undefined ? { command } : { command, body };
}

/** A short, comparable summary of a class. */
function summary(line: string, pending: PendingCommand | null): unknown {
  const c = classifyLine(line, pending);
  switch (c.kind) {
    case 'final':
      return { final: c.final };
    case 'urc':
      return { urc: c.spec.name };
    case 'response':
      return { response: c.text };
    case 'incomplete-error':
      return { incomplete: c.family };
    default:
      return c.kind;
  }
}

const finals: Array<[string, unknown]> = [
  ['OK', { kind: 'ok' }],
  ['ERROR', { kind: 'error' }],
  ['OK  ', { kind: 'ok' }],
  ['+CME ERROR: 10', { kind: 'cme', code: 10 }],
  ['+CME ERROR: 515', { kind: 'cme', code: 515 }],
  ['+CME ERROR:14', { kind: 'cme', code: 14 }],
  ['+CME ERROR: SIM busy', { kind: 'cme', code: 14, text: 'SIM busy' }],
  ['+CME ERROR: raspberry', { kind: 'cme', text: 'raspberry' }],
  ['+CME ERROR: ', { kind: 'cme' }],
  ['+CMS ERROR: 321', { kind: 'cms', code: 321 }],
  ['+CMS ERROR: 500', { kind: 'cms', code: 500 }],
  ['+CMS ERROR: bananas', { kind: 'cms', text: 'bananas' }],
  ['+CMS ERROR: ', { kind: 'cms' }],
  ['NO CARRIER', { kind: 'no-carrier' }],
  ['BUSY', { kind: 'busy' }],
  ['NO ANSWER', { kind: 'no-answer' }],
  ['NO DIALTONE', { kind: 'no-dialtone' }],
  ['COMMAND NOT SUPPORT', { kind: 'not-supported' }],
  ['MODEM ERROR: 5', { kind: 'modem-error', code: 5 }],
  ['CONNECT', { kind: 'connect' }],
  ['CONNECT 7200000', { kind: 'connect', text: '7200000' }],
];

// From ModemManager's parse tests: these are not final results.
const notFinal = [
  'UNKNOWN COMMAND',
  'MODEM ERROR: apple',
  'MODEM ERROR: ',
  'MODEM ERROR:',
  'OKAY',
  'NA',
];

describe('final results', () => {
  for (const [line, expected] of finals) {
    it(`"${line}" is final`, () => expect(finalResultOf(line)).toEqual(expected));
  }
  for (const line of notFinal) {
    it(`"${line}" is not final`, () => expect(finalResultOf(line)).toBeNull());
  }
  it('an incomplete "+CME ERROR:" (nothing after the colon) means keep reading', () => {
    expect(summary('+CME ERROR:', cmd('AT+CPIN?'))).toEqual({ incomplete: 'cme' });
    expect(summary('+CMS ERROR:', cmd('AT+CMGR=1'))).toEqual({ incomplete: 'cms' });
  });
  it('tells errors from successes', () => {
    expect(isErrorFinal({ kind: 'ok' })).toBe(false);
    expect(isErrorFinal({ kind: 'connect' })).toBe(false);
    expect(isErrorFinal({ kind: 'not-supported' })).toBe(true);
    expect(isErrorFinal({ kind: 'cme', code: 14 })).toBe(true);
  });
});

// [line, pending command, expected class]
const table: Array<[string, PendingCommand | null, unknown]> = [
  // Echo
  ['AT+CSQ', cmd('AT+CSQ'), 'echo'],
  ['at+csq', cmd('AT+CSQ'), 'echo'],
  ['  AT+CSQ  ', cmd('AT+CSQ'), 'echo'],
  ['\0\0AT+CSQ', cmd('AT+CSQ'), 'echo'],
  ['AT+CSQ+CSQ: 20,99', cmd('AT+CSQ'), { response: '+CSQ: 20,99' }],
  ['ATOK', cmd('AT'), { final: { kind: 'ok' } }],
  ['AT+CSQ', null, { response: 'AT+CSQ' }],
  ['AT+CSQ', cmd('AT+CREG?'), { response: 'AT+CSQ' }],
  ['0011000B91\x1a', cmd('AT+CMGS=23', '0011000B91\x1a'), 'echo'],
  ['0011000B91', cmd('AT+CMGS=23', '0011000B91\x1a'), 'echo'],
  ['0011000B91\x1a+CMGS: 7', cmd('AT+CMGS=23', '0011000B91\x1a'), { response: '+CMGS: 7' }],
  // Answers and URCs
  ['+CSQ: 20,99', cmd('AT+CSQ'), { response: '+CSQ: 20,99' }],
  ['', cmd('AT'), 'empty'],
  ['   ', cmd('AT'), 'empty'],
  ['+CMTI: "SM",3', cmd('AT+CSQ'), { urc: '+CMTI' }],
  ['+CMTI: "SM",3', null, { urc: '+CMTI' }],
  ['^RSSI:18', cmd('AT+CUSD=1,"*101#",15'), { urc: '^RSSI' }],
  ['^HCSQ: "LTE",50,40,120,20', cmd('AT^HCSQ?'), { response: '^HCSQ: "LTE",50,40,120,20' }],
  ['^HCSQ: "LTE",50,40,120,20', null, { urc: '^HCSQ' }],
  ['RING', cmd('AT+CSQ'), { urc: 'RING' }],
  ['SMS DONE', null, { urc: 'SMS DONE' }],
  ['Call Ready', null, { urc: 'Call Ready' }],
  ['RDY', null, { urc: 'RDY' }],
  ['+QIND: SMS DONE', null, { urc: '+QIND' }],
  ['+ZPASR: "UMTS"', cmd('AT+CMGS=23'), { urc: '+ZPASR' }],
  // +CPIN: the answer of AT+CPIN?, a URC at boot or after AT+CFUN=1
  ['+CPIN: READY', cmd('AT+CPIN?'), { response: '+CPIN: READY' }],
  ['+CPIN: READY', null, { urc: '+CPIN' }],
  ['+CPIN: READY', cmd('AT+CFUN=1'), { urc: '+CPIN' }],
  ['+CFUN: 1', cmd('AT+CFUN?'), { response: '+CFUN: 1' }],
  // +CREG: answer form (<n>,<stat>...) while AT+CREG? is pending, else a URC
  ['+CREG: 2,1,8BE3,2BAF', cmd('AT+CREG?'), { response: '+CREG: 2,1,8BE3,2BAF' }],
  ['+CREG: 0,1', cmd('AT+CREG?'), { response: '+CREG: 0,1' }],
  ['+CREG: (0-2)', cmd('AT+CREG=?'), { response: '+CREG: (0-2)' }],
  ['+CREG: 1', cmd('AT+CREG?'), { urc: '+CREG' }],
  ['+CREG: 1,"8BE3","2BAF"', cmd('AT+CREG?'), { urc: '+CREG' }],
  ['+CREG: 5', cmd('AT+CSQ'), { urc: '+CREG' }],
  ['+CREG: 0,1', cmd('AT+CREG=2'), { urc: '+CREG' }],
  [
    '+CGREG: 2,1,"8BE3","00002B5D",3',
    cmd('AT+CGREG?'),
    { response: '+CGREG: 2,1,"8BE3","00002B5D",3' },
  ],
  ['+CGREG: 1,"8BE3","00002B5D",3', cmd('AT+CGREG?'), { urc: '+CGREG' }],
  ['+CEREG: 1,"1A2B","01A2B3C4",7', null, { urc: '+CEREG' }],
  // +CUSD: always a URC, even while AT+CUSD=1 waits for its OK; only AT+CUSD? gets it as answer
  ['+CUSD: 0,"Balance 100 XPF",15', cmd('AT+CUSD=1,"*101#",15'), { urc: '+CUSD' }],
  ['+CUSD: 1', cmd('AT+CUSD?'), { response: '+CUSD: 1' }],
  ['+CUSD: (0-2)', cmd('AT+CUSD=?'), { response: '+CUSD: (0-2)' }],
  // Prefix matching is on the whole code name
  ['+CMT: ,24', null, { urc: '+CMT' }],
  ['+CMGS: 12', cmd('AT+CMGS=23'), { response: '+CMGS: 12' }],
  ['+CMGL: 0,1,,24', cmd('AT+CMGL=4'), { response: '+CMGL: 0,1,,24' }],
];

describe('classifyLine', () => {
  for (const [line, pending, expected] of table) {
    it(`${JSON.stringify(line)} with ${pending ? JSON.stringify(pending.command) : 'nothing'} pending`, () => {
      expect(summary(line, pending)).toEqual(expected);
    });
  }
});

describe('cutEcho', () => {
  it('cuts the command echo, then the body echo, each at most once', () => {
    const pending: PendingCommand = { command: 'AT+CMGS=5', body: 'OK\x1a' };
    expect(cutEcho('AT+CMGS=5', pending)).toEqual({ text: '', echo: 'command' });
    expect(cutEcho('OK\x1a', pending)).toEqual({ text: '', echo: 'body' });
    expect(cutEcho('OK', { ...pending, commandEchoed: true, bodyEchoed: true })).toEqual({
      text: 'OK',
      echo: null,
    });
  });

  it('keeps the rest of a line the echo was glued to', () => {
    expect(cutEcho('AT+CSQ+CSQ: 20,99', { command: 'AT+CSQ' })).toEqual({
      text: '+CSQ: 20,99',
      echo: 'command',
    });
  });

  it('cuts nothing when no command is pending', () => {
    expect(cutEcho('AT+CSQ', null)).toEqual({ text: 'AT+CSQ', echo: null });
  });
});

describe('URC table extended by a modem profile', () => {
  const matcher = createUrcMatcher([
    ...URCS,
    { name: '+PDP', lines: 1, solicited: 'never' },
    { name: 'SIGNAL', pattern: /^\$SIG \d+$/, lines: 1, solicited: 'never' },
  ]);

  it('recognises an added prefixed code', () => {
    expect(classifyLine('+PDP: DEACT', null, matcher)).toMatchObject({
      kind: 'urc',
      spec: { name: '+PDP' },
    });
  });

  it('recognises a code by pattern', () => {
    expect(classifyLine('$SIG 12', { command: 'AT' }, matcher)).toMatchObject({
      kind: 'urc',
      spec: { name: 'SIGNAL' },
    });
    expect(classifyLine('$SIG twelve', { command: 'AT' }, matcher)).toEqual({
      kind: 'response',
      text: '$SIG twelve',
    });
  });

  it('leaves the default table alone', () => {
    expect(classifyLine('+PDP: DEACT', null)).toEqual({ kind: 'response', text: '+PDP: DEACT' });
  });
});
