/**
 * Raw bytes → events, in the manner of ModemManager's test-at-serial-port.c. When a modem
 * surprises us, its bytes become a row here.
 */
import { describe, expect, it } from 'vitest';
import { type AtEvent, createAtReader } from '../../../../electron/gsm/at/reader';
import type { ReplyQuirks } from '../../../../electron/gsm/at/reply';
import { extendUrcTable, URCS } from '../../../../electron/gsm/at/urc-table';
import { raw } from './helpers';

const ok = (command: string, lines: string[] = []): AtEvent => ({
  type: 'response',
  command,
  final: { kind: 'ok' },
  lines,
});
const urc = (name: string, ...lines: string[]): AtEvent => ({ type: 'urc', name, lines });
const stray = (text: string): AtEvent => ({ type: 'stray', text });

interface Case {
  name: string;
  /** The command written before the bytes arrive; none for boot chatter. */
  command?: string;
  chunks: string[];
  quirks?: ReplyQuirks;
  expected: AtEvent[];
}

const PDU = '07911326040000F0040B911346610089F60000208062917314080CC8F71D14969741F977FD07';

const cases: Case[] = [
  {
    name: 'OK then a URC in the same chunk',
    command: 'AT+CNMI=2,1,0,2,0',
    chunks: ['\r\nOK\r\n\r\n+CMTI: "ME",1\r\n'],
    expected: [ok('AT+CNMI=2,1,0,2,0'), urc('+CMTI', '+CMTI: "ME",1')],
  },
  {
    name: 'OK then three URCs in the same chunk',
    command: 'AT',
    chunks: [
      '\r\nOK\r\n\r\n+CIEV: 7,1\r\n\r\n+CRING: VOICE\r\n\r\n+CLIP: "+0123456789",145,,,,0\r\n',
    ],
    expected: [
      ok('AT'),
      urc('+CIEV', '+CIEV: 7,1'),
      urc('+CRING', '+CRING: VOICE'),
      urc('+CLIP', '+CLIP: "+0123456789",145,,,,0'),
    ],
  },
  {
    name: 'ERROR then something extra',
    command: 'AT+FOO',
    chunks: ['\r\nERROR\r\n\r\noooops\r\n'],
    expected: [
      { type: 'response', command: 'AT+FOO', final: { kind: 'error' }, lines: [] },
      stray('oooops'),
    ],
  },
  {
    name: 'incomplete +CME ERROR: no final result yet',
    command: 'AT+CPIN?',
    chunks: ['\r\n+CME ERROR:\r\n'],
    expected: [],
  },
  {
    name: 'incomplete +CME ERROR completed by the next line',
    command: 'AT+CPIN?',
    chunks: ['\r\n+CME ERROR:', '\r\n', '10\r\n'],
    expected: [
      { type: 'response', command: 'AT+CPIN?', final: { kind: 'cme', code: 10 }, lines: [] },
    ],
  },
  {
    name: '+CME ERROR with a space and no code is final (unknown code)',
    command: 'AT+CPIN?',
    chunks: ['\r\n+CME ERROR: \r\n'],
    expected: [{ type: 'response', command: 'AT+CPIN?', final: { kind: 'cme' }, lines: [] }],
  },
  {
    name: 'COMMAND NOT SUPPORT (Huawei), then something extra',
    command: 'AT^FOO',
    chunks: ['\r\nCOMMAND NOT SUPPORT\r\n\r\nSomething extra\r\n'],
    expected: [
      { type: 'response', command: 'AT^FOO', final: { kind: 'not-supported' }, lines: [] },
      stray('Something extra'),
    ],
  },
  {
    name: 'SIM busy right after power-on (+CME ERROR: 515)',
    command: 'AT+CPIN?',
    chunks: ['\r\n+CME ERROR: 515\r\n'],
    expected: [
      { type: 'response', command: 'AT+CPIN?', final: { kind: 'cme', code: 515 }, lines: [] },
    ],
  },
  {
    name: 'echo without ATE0',
    command: 'AT+CSQ',
    chunks: ['AT+CSQ\r\r\n+CSQ: 20,99\r\n\r\nOK\r\n'],
    expected: [ok('AT+CSQ', ['+CSQ: 20,99'])],
  },
  {
    name: 'echo ended by LF only',
    command: 'AT+CSQ',
    chunks: ['AT+CSQ\n+CSQ: 20,99\n\nOK\n'],
    expected: [ok('AT+CSQ', ['+CSQ: 20,99'])],
  },
  {
    name: 'echo glued to the answer without any line end',
    command: 'AT+CSQ',
    chunks: ['AT+CSQ+CSQ: 20,99\r\n\r\nOK\r\n'],
    expected: [ok('AT+CSQ', ['+CSQ: 20,99'])],
  },
  {
    name: 'no echo at all',
    command: 'AT+CSQ',
    chunks: ['\r\n+CSQ: 20,99\r\n\r\nOK\r\n'],
    expected: [ok('AT+CSQ', ['+CSQ: 20,99'])],
  },
  {
    name: 'URC between echo and OK (Huawei stream)',
    command: 'AT+CSQ',
    chunks: ['AT+CSQ\r\r\n^RSSI:18\r\n\r\n+CSQ: 18,99\r\n\r\n^MODE:5,4\r\n\r\nOK\r\n'],
    expected: [urc('^RSSI', '^RSSI:18'), urc('^MODE', '^MODE:5,4'), ok('AT+CSQ', ['+CSQ: 18,99'])],
  },
  {
    name: '+CUSD before OK',
    command: 'AT+CUSD=1,"*101#",15',
    chunks: ['AT+CUSD=1,"*101#",15\r\r\n+CUSD: 0,"Solde: 1500 XPF",15\r\n\r\nOK\r\n'],
    expected: [urc('+CUSD', '+CUSD: 0,"Solde: 1500 XPF",15'), ok('AT+CUSD=1,"*101#",15')],
  },
  {
    name: '+CUSD after OK',
    command: 'AT+CUSD=1,"*101#",15',
    chunks: ['\r\nOK\r\n', '\r\n+CUSD: 0,"Solde: 1500 XPF",15\r\n'],
    expected: [ok('AT+CUSD=1,"*101#",15'), urc('+CUSD', '+CUSD: 0,"Solde: 1500 XPF",15')],
  },
  {
    name: 'multi-line +CUSD menu',
    command: 'AT+CUSD=1,"*123#",15',
    chunks: ['\r\nOK\r\n\r\n+CUSD: 1,"Menu\r\n1. Solde\r\n2. Recharge', '\r\n3. Forfaits",15\r\n'],
    expected: [
      ok('AT+CUSD=1,"*123#",15'),
      urc('+CUSD', '+CUSD: 1,"Menu', '1. Solde', '2. Recharge', '3. Forfaits",15'),
    ],
  },
  {
    name: 'a +CUSD menu line that reads "OK" is text, not the final result',
    command: 'AT+CUSD=1,"*123#",15',
    chunks: ['\r\n+CUSD: 1,"Confirmer?\r\nOK\r\nAnnuler",15\r\n\r\nOK\r\n'],
    expected: [
      urc('+CUSD', '+CUSD: 1,"Confirmer?', 'OK', 'Annuler",15'),
      ok('AT+CUSD=1,"*123#",15'),
    ],
  },
  {
    name: 'stray +CUSD: 2 around the end of a session',
    chunks: ['\r\n+CUSD: 2,"Initiating Release",15\r\n'],
    expected: [urc('+CUSD', '+CUSD: 2,"Initiating Release",15')],
  },
  {
    name: '+CMT takes the PDU line after it',
    chunks: ['\r\n+CMT: ,38\r\n', `${PDU}\r\n`],
    expected: [urc('+CMT', '+CMT: ,38', PDU)],
  },
  {
    name: '+CMT between echo and OK does not corrupt the answer',
    command: 'AT+CSQ',
    chunks: [`AT+CSQ\r\r\n+CMT: ,38\r\n${PDU}\r\n\r\n+CSQ: 20,99\r\n\r\nOK\r\n`],
    expected: [urc('+CMT', '+CMT: ,38', PDU), ok('AT+CSQ', ['+CSQ: 20,99'])],
  },
  {
    name: 'a chunk boundary inside CRLF',
    command: 'AT+CSQ',
    chunks: ['\r\n+CSQ: 20,99\r', '\n\r\nOK\r', '\n'],
    expected: [ok('AT+CSQ', ['+CSQ: 20,99'])],
  },
  {
    name: 'non-UTF-8 noise before any command is stray, not fatal',
    chunks: ['\xff\xfe\x00\x80\r\n'],
    expected: [stray('\uFFFD\uFFFD\u0000\uFFFD')],
  },
  {
    name: 'non-UTF-8 bytes inside an answer are replaced',
    command: 'AT+CUSD=1,"*101#",15',
    chunks: ['\r\n+CUSD: 0,"Cr\xe9dit 100",15\r\n\r\nOK\r\n'],
    expected: [urc('+CUSD', '+CUSD: 0,"Cr\uFFFDdit 100",15'), ok('AT+CUSD=1,"*101#",15')],
  },
  {
    name: 'a noise line inside an answer is dropped, not taken for the answer (garbage at plug-in)',
    command: 'AT+CGMI',
    chunks: ['\r\n\xa7\xff\x92( \xe1\x9c\r\nhuawei\r\n\r\nOK\r\n'],
    expected: [stray('\uFFFD\uFFFD\uFFFD( \uFFFD'), ok('AT+CGMI', ['huawei'])],
  },
  {
    name: 'raw GSM code points are not noise (é is 0x05 in the GSM charset)',
    command: 'AT+CUSD=1,"*101#",15',
    chunks: ['\r\n+CUSD: 1,"Num\x05ro client ?",15\r\n\r\nOK\r\n'],
    expected: [urc('+CUSD', '+CUSD: 1,"Num\u0005ro client ?",15'), ok('AT+CUSD=1,"*101#",15')],
  },
  {
    name: 'a final result with nothing pending is stray',
    chunks: ['\r\nOK\r\n'],
    expected: [stray('OK')],
  },
  {
    name: 'boot chatter of a SIMCom / Quectel module',
    chunks: [
      '\r\nRDY\r\n\r\n+CFUN: 1\r\n\r\n+CPIN: READY\r\n\r\nCall Ready\r\n\r\nSMS DONE\r\n\r\nPB DONE\r\n',
    ],
    expected: [
      urc('RDY', 'RDY'),
      urc('+CFUN', '+CFUN: 1'),
      urc('+CPIN', '+CPIN: READY'),
      urc('Call Ready', 'Call Ready'),
      urc('SMS DONE', 'SMS DONE'),
      urc('PB DONE', 'PB DONE'),
    ],
  },
  {
    name: '+CREG URC form while AT+CREG? waits; the answer form is the answer',
    command: 'AT+CREG?',
    chunks: ['\r\n+CREG: 1\r\n\r\n+CREG: 2,1,"8BE3","2BAF"\r\n\r\nOK\r\n'],
    expected: [urc('+CREG', '+CREG: 1'), ok('AT+CREG?', ['+CREG: 2,1,"8BE3","2BAF"'])],
  },
  {
    name: '+CPIN: READY without OK, with the cpinWithoutOk quirk',
    command: 'AT+CPIN?',
    quirks: { cpinWithoutOk: true },
    chunks: ['\r\n+CPIN: READY\r\n'],
    expected: [ok('AT+CPIN?', ['+CPIN: READY'])],
  },
  {
    name: '+CPIN: READY without OK, without the quirk: still waiting',
    command: 'AT+CPIN?',
    chunks: ['\r\n+CPIN: READY\r\n'],
    expected: [],
  },
];

describe('AT reader: bytes to events', () => {
  for (const c of cases) {
    it(c.name, () => {
      const reader = createAtReader(c.quirks ? { quirks: c.quirks } : {});
      if (c.command) reader.begin(c.command);
      const events = c.chunks.flatMap((chunk) => reader.push(raw(chunk)));
      expect(events).toEqual(c.expected);
    });
  }

  it('sends an SMS: prompt, body echo, ZTE URC inside the exchange, +CMGS', () => {
    const reader = createAtReader();
    const body = `${PDU}\x1a`;
    reader.begin('AT+CMGS=38');
    expect(reader.push(raw('AT+CMGS=38\r\r\n> '))).toEqual([{ type: 'prompt' }]);
    reader.sendBody(body);
    const events = reader.push(raw(`${body}\r\n\r\n+ZPASR: "UMTS"\r\n\r\n+CMGS: 12\r\n\r\nOK\r\n`));
    expect(events).toEqual([urc('+ZPASR', '+ZPASR: "UMTS"'), ok('AT+CMGS=38', ['+CMGS: 12'])]);
  });

  it('an SMS body echoed after the prompt on the same line is removed', () => {
    const reader = createAtReader();
    reader.begin('AT+CMGS=38');
    reader.push(raw('\r\n> '));
    reader.sendBody(`${PDU}\x1a`);
    expect(reader.push(raw(`${PDU}\x1a\r\n+CMGS: 13\r\nOK\r\n`))).toEqual([
      ok('AT+CMGS=38', ['+CMGS: 13']),
    ]);
  });

  it('a text-mode body "OK" is echoed once and does not swallow the final OK', () => {
    const reader = createAtReader();
    reader.begin('AT+CMGS="+687123456"');
    reader.push(raw('AT+CMGS="+687123456"\r\r\n> '));
    reader.sendBody('OK\x1a');
    expect(reader.push(raw('OK\x1a\r\n\r\n+CMGS: 5\r\n\r\nOK\r\n'))).toEqual([
      ok('AT+CMGS="+687123456"', ['+CMGS: 5']),
    ]);
  });

  it('a command echoed twice: the second echo is answer text, not removed silently', () => {
    const reader = createAtReader();
    reader.begin('AT');
    expect(reader.push(raw('AT\r\r\nAT\r\r\nOK\r\n'))).toEqual([ok('AT', ['AT'])]);
  });

  it('an SMS refused by the network ends with +CMS ERROR', () => {
    const reader = createAtReader();
    reader.begin('AT+CMGS=38');
    reader.push(raw('\r\n> '));
    reader.sendBody(`${PDU}\x1a`);
    expect(reader.push(raw('\r\n+CMS ERROR: 330\r\n'))).toEqual([
      { type: 'response', command: 'AT+CMGS=38', final: { kind: 'cms', code: 330 }, lines: [] },
    ]);
  });

  it('commands follow one another', () => {
    const reader = createAtReader();
    reader.begin('ATE0');
    expect(reader.push(raw('ATE0\r\r\nOK\r\n'))).toEqual([ok('ATE0')]);
    reader.begin('AT+CMGF=0');
    expect(reader.push(raw('\r\nOK\r\n'))).toEqual([ok('AT+CMGF=0')]);
    expect(reader.pendingCommand()).toBeNull();
  });

  it('refuses a second command while one is pending', () => {
    const reader = createAtReader();
    reader.begin('AT+COPS=?');
    expect(() => reader.begin('AT')).toThrow(/still pending/);
  });

  it('abandons a command on timeout and reports what it had; a late OK is then stray', () => {
    const reader = createAtReader();
    reader.begin('AT+COPS?');
    reader.push(raw('\r\n+COPS: 0,0,"OPT NC",2\r\n'));
    expect(reader.abandon()).toEqual({ command: 'AT+COPS?', lines: ['+COPS: 0,0,"OPT NC",2'] });
    expect(reader.abandon()).toBeNull();
    expect(reader.push(raw('\r\nOK\r\n'))).toEqual([stray('OK')]);
  });

  it('passes a runaway line on as an overflow and recovers', () => {
    const reader = createAtReader({ maxLineBytes: 16 });
    reader.begin('AT');
    const events = reader.push(raw(`${'x'.repeat(40)}\r\nOK\r\n`));
    expect(events).toEqual([{ type: 'overflow', bytes: 16 }, ok('AT')]);
  });

  it('ends a +CUSD that lost its closing quote at the next URC, which is delivered too', () => {
    const reader = createAtReader();
    const events = reader.push(
      raw('\r\n+CUSD: 0,"Solde revendeur:\r\n250 000 XPF\r\n+CMTI: "SM",3\r\n^RSSI:14\r\n'),
    );
    expect(events).toEqual([
      { ...urc('+CUSD', '+CUSD: 0,"Solde revendeur:', '250 000 XPF'), truncated: true },
      urc('+CMTI', '+CMTI: "SM",3'),
      urc('^RSSI', '^RSSI:14'),
    ]);
    expect(reader.bufferedBytes()).toBe(0);
  });

  it('cuts a +CUSD that never closes its quote instead of swallowing the line forever', () => {
    const reader = createAtReader();
    const lines = Array.from({ length: 40 }, (_, i) => `line ${i}`);
    const events = reader.push(raw(`+CUSD: 1,"${lines.join('\r\n')}\r\n`));
    expect(events[0]).toMatchObject({ type: 'urc', name: '+CUSD', truncated: true });
    expect(events.slice(1)).toEqual(lines.slice(32).map(stray));
  });
});

describe('AT reader with a profile URC table', () => {
  it('routes a vendor URC the default table does not know', () => {
    const reader = createAtReader({
      urcs: [{ name: '+PDP', lines: 1, solicited: 'never' }],
    });
    reader.begin('AT+CSQ');
    expect(reader.push(raw('\r\n+PDP: DEACT\r\n\r\n+CSQ: 20,99\r\n\r\nOK\r\n'))).toEqual([
      urc('+PDP', '+PDP: DEACT'),
      ok('AT+CSQ', ['+CSQ: 20,99']),
    ]);
  });

  it('takes on a profile once known: its codes added, its silenced ones dropped whole', () => {
    const reader = createAtReader();
    const table = extendUrcTable(URCS, {
      add: [{ name: '^ACMEPDU', lines: 2, solicited: 'never' }],
      silence: ['^ACMEPDU', '^RSSI'],
    });
    reader.adoptProfile({ urcs: table, quirks: { cpinWithoutOk: true } });
    reader.begin('AT+CPIN?');
    expect(
      reader.push(raw('\r\n^ACMEPDU: 1\r\n0011AA\r\n^RSSI: 9\r\n+CREG: 5\r\n+CPIN: READY\r\n')),
    ).toEqual([urc('+CREG', '+CREG: 5'), ok('AT+CPIN?', ['+CPIN: READY'])]);
  });

  it('a profile code replaces the default row of the same name', () => {
    const table = extendUrcTable(URCS, {
      add: [{ name: '+CPIN', lines: 1, solicited: 'never' }],
      silence: [],
    });
    expect(table.filter((spec) => spec.name === '+CPIN')).toEqual([
      { name: '+CPIN', lines: 1, solicited: 'never' },
    ]);
  });
});
