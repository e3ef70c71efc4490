/**
 * Whatever reaches the modem, it keeps answering: arbitrary bytes (noise, half commands, stray
 * Ctrl-Z and ESC, AT-looking junk) never throw and never stop the next command being answered.
 * And how the bytes are cut into chunks never changes what the modem says.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bench } from './harness';

/** Bytes that look like what a confused client or a noisy line sends. */
const lineNoise = fc.oneof(
  fc.uint8Array({ maxLength: 120 }),
  fc
    .array(
      fc.constantFrom(
        'AT',
        'at',
        '+CUSD=1,"',
        '*123#',
        '*100#',
        '"',
        ',15',
        '+CMGS=',
        '23',
        '+CMGR=1',
        '+CPIN="1234"',
        '+CFUN=0',
        '+CSCS="UCS2"',
        '+CNMI=2,2',
        'E0',
        ';',
        '?',
        '=?',
        '0011000B91',
        '\r',
        '\n',
        '\x1a',
        '\x1b',
        '\x08',
        '\xff\xfe',
      ),
      { maxLength: 40 },
    )
    .map((parts) => Buffer.from(parts.join(''), 'latin1')),
);

/** Profiles meant to keep answering, and the manufacturer each one prints. */
const answering: Array<[string, string]> = [
  ['generic', 'Comptoir'],
  ['huawei', 'huawei'],
  ['ucs2', 'Comptoir'],
  ['urc-flood', 'Comptoir'],
  ['garbage', 'Comptoir'],
  ['sim-busy', 'Comptoir'],
  ['cpin-without-ok', 'Sierra Wireless, Incorporated'],
  ['sticky-echo', 'Comptoir'],
  ['huawei+slow+cusd-before-ok', 'huawei'],
];

describe('arbitrary bytes never stop the modem answering', () => {
  it.each(answering)('%s', async (profile, manufacturer) => {
    await fc.assert(
      fc.asyncProperty(fc.array(lineNoise, { maxLength: 4 }), async (chunks) => {
        const modem = bench({ profile });
        for (const chunk of chunks) await modem.send(chunk);
        await modem.settle(5);
        modem.clock.advance(600_000);
        await modem.settle(5);
        modem.take();
        // CR ends a half-typed line (which may itself open the SMS prompt: "AT+CMGS=23"), ESC
        // leaves a prompt left open, and the next CR starts clean.
        const answer = await modem.exchange(
          '\r\x1b\rAT+CGMI\r',
          new RegExp(`${manufacturer}\\r\\n\\r\\nOK\\r\\n`),
        );
        expect(answer).toContain(`${manufacturer}\r\n\r\nOK\r\n`);
        expect(modem.modem.state.running).toBe('answering');
      }),
      { numRuns: 60 },
    );
  });
});

describe('chunking never changes the answer', () => {
  // No CRLF pairs: a modem answers at the CR, so an LF that comes in a later chunk is echoed
  // after the answer, as on real hardware.
  const script =
    'AT\rATI\rAT+CSQ;+COPS?\nAT+FOO\rAT+CMEE=2\rAT+BAR\rATE0\rAT+CGMI\rATE1\rAT+CREG?\r';

  it('wherever the cuts fall (outside a CRLF pair)', async () => {
    const whole = bench();
    const reference = await whole.exchange(script, /CREG: 0,1\r\n\r\nOK\r\n$/);
    await fc.assert(
      fc.asyncProperty(
        fc.uniqueArray(fc.integer({ min: 1, max: script.length - 1 }), { maxLength: 12 }),
        async (cuts) => {
          const modem = bench();
          const points = [0, ...cuts.sort((a, b) => a - b), script.length];
          for (let i = 0; i + 1 < points.length; i++) {
            await modem.send(script.slice(points[i], points[i + 1]));
          }
          expect(await modem.waitFor(/CREG: 0,1\r\n\r\nOK\r\n$/)).toBe(reference);
        },
      ),
      { numRuns: 100 },
    );
  });
});
