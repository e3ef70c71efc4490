/**
 * Properties the line must never break: arbitrary bytes do not crash anything and memory stays
 * bounded; and where the port happens to cut the byte stream never changes what comes out.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createLineFramer } from '../../../../electron/gsm/at/framer';
import * as parsers from '../../../../electron/gsm/at/parsers';
import { type AtEvent, createAtReader } from '../../../../electron/gsm/at/reader';
import { MAX_REPLY_CHARS } from '../../../../electron/gsm/at/reply';
import { classifyLine } from './classify-line';
import { raw, readable, utf8 } from './helpers';

/** Pieces that make the parser's life interesting, mixed with fully random bytes. */
const TOKENS = [
  '\r',
  '\n',
  '\r\n',
  '> ',
  '>',
  'OK',
  'ERROR',
  'AT+CSQ',
  '+CME ERROR:',
  '+CMS ERROR: 321',
  '+CUSD: 1,"',
  '+CUSD: 0,"x",15',
  '"',
  '",15',
  '+CMT: ,3',
  '+CMTI: "SM",1',
  '+CREG: 2,1',
  '^RSSI:9',
  '\x1a',
  '\xff\xfe',
  '\xc3',
];

const chunk = fc.oneof(
  { weight: 1, arbitrary: fc.uint8Array({ maxLength: 64 }) },
  { weight: 3, arbitrary: fc.constantFrom(...TOKENS).map((t) => new Uint8Array(raw(t))) },
);

/** Cuts bytes at the given points (any order, duplicates and out-of-range points allowed). */
function cut(bytes: Uint8Array, points: number[]): Uint8Array[] {
  const sorted = [...new Set(points.map((p) => p % (bytes.length + 1)))].sort((a, b) => a - b);
  const chunks: Uint8Array[] = [];
  let start = 0;
  for (const p of sorted) {
    chunks.push(bytes.subarray(start, p));
    start = p;
  }
  chunks.push(bytes.subarray(start));
  return chunks;
}

function concat(chunks: Uint8Array[]): Uint8Array {
  return new Uint8Array(Buffer.concat(chunks));
}

describe('framer properties', () => {
  it('arbitrary chunks never throw and never hold more than the cap', () => {
    fc.assert(
      fc.property(fc.array(chunk, { maxLength: 60 }), (chunks) => {
        const framer = createLineFramer({ maxLineBytes: 32 });
        for (const c of chunks) {
          framer.push(c);
          expect(framer.bufferedBytes()).toBeLessThanOrEqual(32);
        }
      }),
    );
  });

  it('splitting the stream anywhere yields the same frames as feeding it whole', () => {
    fc.assert(
      fc.property(
        fc.array(chunk, { maxLength: 40 }),
        fc.array(fc.nat(), { maxLength: 12 }),
        (chunks, points) => {
          const bytes = concat(chunks);
          const whole = createLineFramer({ maxLineBytes: 48 }).push(bytes);
          const framer = createLineFramer({ maxLineBytes: 48 });
          const split = cut(bytes, points).flatMap((c) => framer.push(c));
          expect(readable(split)).toEqual(readable(whole));
          // The extreme split: every byte on its own.
          const bytewise = createLineFramer({ maxLineBytes: 48 });
          const single = [...bytes].flatMap((b) => bytewise.push(Uint8Array.of(b)));
          expect(readable(single)).toEqual(readable(whole));
        },
      ),
      { numRuns: 300 },
    );
  });
});

const COMMANDS = [
  'AT',
  'AT+CSQ',
  'AT+CREG?',
  'AT+CPIN?',
  'AT+CUSD=1,"*101#",15',
  'AT+CMGS=38',
  'AT+CMGL=4',
];

describe('reader properties', () => {
  it('arbitrary bytes and commands never throw, and memory stays bounded', () => {
    const action = fc.oneof(
      { weight: 5, arbitrary: chunk.map((bytes) => ({ kind: 'push' as const, bytes })) },
      {
        weight: 1,
        arbitrary: fc
          .constantFrom(...COMMANDS)
          .map((command) => ({ kind: 'begin' as const, command })),
      },
      { weight: 1, arbitrary: fc.constant({ kind: 'abandon' as const }) },
    );
    fc.assert(
      fc.property(fc.array(action, { maxLength: 80 }), (actions) => {
        const reader = createAtReader({ maxLineBytes: 64 });
        for (const a of actions) {
          if (a.kind === 'push') reader.push(a.bytes);
          else if (a.kind === 'abandon') reader.abandon();
          else if (reader.pendingCommand() === null) reader.begin(a.command);
          expect(reader.bufferedBytes()).toBeLessThanOrEqual(
            64 + parsers.CUSD_MAX_CHARS + 64 + MAX_REPLY_CHARS,
          );
        }
      }),
    );
  });

  const PDU = '07911326040000F0040B911346610089F60000208062917314080CC8F71D14969741F977FD07';

  /** One exchange: a command, then what the modem sends (before and after the SMS prompt). */
  interface Step {
    command?: string;
    replies: string[];
    body?: string;
  }

  const STEPS: Step[] = [
    { command: 'AT+CSQ', replies: ['AT+CSQ\r\r\n+CSQ: 20,99\r\n\r\nOK\r\n'] },
    {
      command: 'AT+CSQ',
      replies: ['\r\n^RSSI:18\r\n\r\n+CSQ: 18,99\r\n\r\n^MODE:5,4\r\n\r\nOK\r\n'],
    },
    {
      command: 'AT+CREG?',
      replies: ['\r\n+CREG: 1\r\n\r\n+CREG: 2,1,"8BE3","2BAF"\r\n\r\nOK\r\n'],
    },
    { command: 'AT+CPIN?', replies: ['\r\n+CME ERROR: 515\r\n'] },
    { command: 'AT+CPIN?', replies: ['\r\n+CME ERROR:\r\n14\r\n'] },
    { command: 'AT^FOO', replies: ['\r\nCOMMAND NOT SUPPORT\r\n'] },
    {
      command: 'AT+CUSD=1,"*101#",15',
      replies: ['\r\n+CUSD: 0,"Solde: 1500 XPF",15\r\n\r\nOK\r\n'],
    },
    {
      command: 'AT+CUSD=1,"*123#",15',
      replies: ['\r\nOK\r\n\r\n+CUSD: 1,"Menu\r\n1. Solde\r\n2. Recharge\r\n3. Forfaits",15\r\n'],
    },
    {
      command: 'AT+CMGL=4',
      replies: [`\r\n+CMGL: 0,1,,38\r\n${PDU}\r\n\r\n+CMTI: "SM",1\r\n\r\nOK\r\n`],
    },
    {
      command: 'AT+CMGS=38',
      replies: [
        'AT+CMGS=38\r\r\n> ',
        `${PDU}\x1a\r\n\r\n+ZPASR: "UMTS"\r\n\r\n+CMGS: 12\r\n\r\nOK\r\n`,
      ],
      body: `${PDU}\x1a`,
    },
    { replies: ['\r\nRDY\r\n\r\n+CPIN: READY\r\n\r\nSMS DONE\r\n'] },
    { replies: [`\r\n+CMT: ,38\r\n${PDU}\r\n`] },
    { replies: ['\r\n+CUSD: 2,"Initiating Release",15\r\n\xff\xfe\r\n'] },
    { command: 'AT+CSQ', replies: ['\n+CSQ: 5,99\n\rOK\n\r'] },
  ];

  /** Runs a transcript; `split` decides the cut points of each reply. */
  function run(steps: Step[], split: (bytes: Uint8Array) => Uint8Array[]): AtEvent[] {
    const reader = createAtReader();
    const events: AtEvent[] = [];
    for (const step of steps) {
      if (step.command) reader.begin(step.command);
      step.replies.forEach((reply, i) => {
        if (i > 0 && step.body) reader.sendBody(step.body);
        for (const c of split(utf8(reply))) events.push(...reader.push(c));
      });
      reader.abandon();
    }
    return events;
  }

  it('splitting a valid transcript at any points yields the same events as feeding it whole', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...STEPS), { minLength: 1, maxLength: 8 }),
        fc.array(fc.nat(), { maxLength: 10 }),
        (steps, points) => {
          const whole = run(steps, (bytes) => [bytes]);
          const split = run(steps, (bytes) => cut(bytes, points));
          expect(split).toEqual(whole);
          // Every command of the transcript got its answer.
          const answered = whole.filter((e) => e.type === 'response').length;
          expect(answered).toBe(steps.filter((s) => s.command).length);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('a transcript fed one byte at a time yields the same events', () => {
    const whole = run(STEPS, (bytes) => [bytes]);
    const bytewise = run(STEPS, (bytes) => [...bytes].map((b) => Uint8Array.of(b)));
    expect(bytewise).toEqual(whole);
  });
});

describe('parser properties', () => {
  const lineParsers: Array<(line: string) => unknown> = [
    parsers.parseCreg,
    parsers.parseCsq,
    parsers.parseCops,
    parsers.parseCpin,
    parsers.parseCusd,
    parsers.isCusdComplete,
    parsers.parseCmti,
    parsers.parseCmgl,
    parsers.parseCmgr,
    parsers.parseCmgs,
    parsers.parseImei,
    parsers.parseImsi,
    parsers.parseIccid,
    parsers.parseTextTimestamp,
    (line) => parsers.parseCmglText(line, line),
    (line) => parsers.parseIdentity('model', [line]),
    (line) => parsers.parseCmglList([line, line]),
    (line) => classifyLine(line, { command: line }),
    (line) => classifyLine(line, null),
  ];

  const text = fc.oneof(
    fc.string({ unit: 'binary', maxLength: 80 }),
    fc
      .array(
        fc.constantFrom(...TOKENS, '+CREG: ', '+CMGR: ', '+CCID: 89', ',', '"', '0', '9', 'F', ' '),
        {
          maxLength: 12,
        },
      )
      .map((parts) => parts.join('')),
  );

  it('arbitrary text never makes a parser throw', () => {
    fc.assert(
      fc.property(text, (line) => {
        for (const parse of lineParsers) parse(line);
      }),
    );
  });
});
