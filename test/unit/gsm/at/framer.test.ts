import { describe, expect, it } from 'vitest';
import { createLineFramer, decodeLine } from '../../../../electron/gsm/at/framer';
import { raw, readable, utf8 } from './helpers';

const PROMPT = { type: 'prompt' } as const;

// Chunks as they came off the port → lines (decoded) and other events.
const cases: Array<{ name: string; chunks: Buffer[]; expected: unknown[] }> = [
  { name: 'a CRLF-framed final result', chunks: [raw('\r\nOK\r\n')], expected: ['OK'] },
  { name: 'a bare CR ends a line', chunks: [raw('AT\rOK\r')], expected: ['AT', 'OK'] },
  {
    name: 'a bare LF ends a line',
    chunks: [raw('+CSQ: 20,99\nOK\n')],
    expected: ['+CSQ: 20,99', 'OK'],
  },
  { name: 'LFCR (reversed) ends a line', chunks: [raw('\n\rOK\n\r')], expected: ['OK'] },
  {
    name: 'runs of terminators give no empty lines',
    chunks: [raw('\r\r\n\n\r+CMTI: "SM",1\n\r\r\n\r\nOK\r\n')],
    expected: ['+CMTI: "SM",1', 'OK'],
  },
  {
    name: 'a chunk boundary inside CRLF',
    chunks: [raw('\r\n+CREG: 1\r'), raw('\n\r\nOK\r'), raw('\n')],
    expected: ['+CREG: 1', 'OK'],
  },
  {
    name: 'a line split over three chunks',
    chunks: [raw('\r\n+CU'), raw('SD: 0,"Bal'), raw('ance",15\r\n')],
    expected: ['+CUSD: 0,"Balance",15'],
  },
  { name: 'a line without terminator is held back', chunks: [raw('\r\nOK')], expected: [] },
  {
    name: 'the SMS prompt after CRLF',
    chunks: [raw('AT+CMGS=23\r\r\n> ')],
    expected: ['AT+CMGS=23', PROMPT],
  },
  { name: 'the SMS prompt without CRLF before it', chunks: [raw('> ')], expected: [PROMPT] },
  {
    name: 'the SMS prompt split between ">" and " "',
    chunks: [raw('\r\n>'), raw(' ')],
    expected: [PROMPT],
  },
  {
    name: 'text after the prompt is the echo of the body, a line of its own',
    chunks: [raw('\r\n> 0011000B91\x1a\r\n\r\n+CMGS: 7\r\n')],
    expected: [PROMPT, '0011000B91\x1a', '+CMGS: 7'],
  },
  {
    name: 'a bare ">" line (prompt without its space)',
    chunks: [raw('\r\n>\r\n')],
    expected: [PROMPT],
  },
  { name: '"> " inside a line is not a prompt', chunks: [raw('a> b\r\n')], expected: ['a> b'] },
  { name: '">>" is not a prompt', chunks: [raw('>>\r\n')], expected: ['>>'] },
  {
    name: 'non-UTF-8 bytes are replaced, not fatal',
    chunks: [raw('\xff\xfe\x80OK\r\n')],
    expected: ['\uFFFD\uFFFD\uFFFDOK'],
  },
  {
    name: 'a UTF-8 character split between chunks decodes whole (decoded late)',
    chunks: [raw('+CUSD: 0,"caf\xc3'), raw('\xa9",15\r\n')],
    expected: ['+CUSD: 0,"café",15'],
  },
  { name: 'UTF-8 Chinese text', chunks: [utf8('余额 100 XPF\r\n')], expected: ['余额 100 XPF'] },
];

describe('line framer', () => {
  for (const c of cases) {
    it(c.name, () => {
      const framer = createLineFramer();
      const events = c.chunks.flatMap((chunk) => framer.push(chunk));
      expect(readable(events)).toEqual(c.expected);
    });
  }

  it('keeps the bytes of a line as bytes until decoded', () => {
    const [event] = createLineFramer().push(raw('\xffOK\r\n'));
    expect(event?.type === 'line' && [...event.bytes]).toEqual([0xff, 0x4f, 0x4b]);
  });

  it('caps a runaway line, drops it up to its line end, and goes on', () => {
    const framer = createLineFramer({ maxLineBytes: 8 });
    const events = [
      ...framer.push(raw('0123456789')),
      ...framer.push(raw('ABCDEF')),
      ...framer.push(raw('\r\nOK\r\n')),
    ];
    expect(readable(events)).toEqual([{ type: 'overflow', bytes: 8 }, 'OK']);
  });

  it('never holds more than the cap, whatever comes in', () => {
    const framer = createLineFramer({ maxLineBytes: 1024 });
    for (let i = 0; i < 100; i++) {
      framer.push(Buffer.alloc(700, 0x41));
      expect(framer.bufferedBytes()).toBeLessThanOrEqual(1024);
    }
  });

  it('forgets a partial line on reset', () => {
    const framer = createLineFramer();
    framer.push(raw('garbage from before the reopen'));
    framer.reset();
    expect(readable(framer.push(raw('\r\nOK\r\n')))).toEqual(['OK']);
  });
});

describe('decodeLine', () => {
  it('decodes UTF-8', () => expect(decodeLine(utf8('Crédit épuisé'))).toBe('Crédit épuisé'));
  it('replaces a truncated sequence instead of throwing', () => {
    expect(decodeLine(raw('ab\xe4\xb8'))).toBe('ab\uFFFD');
  });
  it('decodes an empty line', () => expect(decodeLine(new Uint8Array())).toBe(''));
});
