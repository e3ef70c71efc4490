import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  decodeGsm7,
  decodePdu,
  decodeUcs2,
  encodeAddress,
  encodeDeliver,
  encodeGsm7,
  encodeSubmit,
  encodeTimestamp,
  encodeUcs2,
  gsm7Length,
  isGsm7,
  PduReader,
  packSeptets,
  packUssd,
  readAddress,
  readTimestamp,
  type SmsSubmit,
  unpackSeptets,
  unpackUssd,
} from '../../../../electron/gsm/codecs';

const GSM_CHARS = [
  ...Array.from(
    decodeGsm7(Array.from({ length: 128 }, (_, septet) => septet).filter((s) => s !== 0x1b)),
  ),
  ...Array.from('\f^{}\\[~]|€'),
];
const OTHER_CHARS = ['😀', '👍🏽', '中', '文', '余额', 'é', 'ç', '\u00a0', '\t', 'ё', 'ü'];

const gsmText = (maxLength: number) =>
  fc.array(fc.constantFrom(...GSM_CHARS), { maxLength }).map((chars) => chars.join(''));
const anyText = fc.oneof(
  gsmText(400),
  fc
    .array(fc.oneof(fc.constantFrom(...GSM_CHARS), fc.constantFrom(...OTHER_CHARS)), {
      maxLength: 300,
    })
    .map((c) => c.join('')),
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc.string({ unit: 'grapheme', maxLength: 200 }),
);
const phoneNumber = fc
  .tuple(fc.boolean(), fc.stringMatching(/^[0-9]{1,20}$/))
  .map(([plus, digits]) => (plus ? `+${digits}` : digits));

describe('encoding then decoding gives the text back', () => {
  it('any text survives SMS-SUBMIT parts, decoded one by one and joined in order', () => {
    fc.assert(
      fc.property(
        anyText,
        phoneNumber,
        fc.constantFrom<8 | 16>(8, 16),
        (text, to, concatRefBits) => {
          const parts = encodeSubmit({ to, text, concatRefBits, smsc: '+687390000' });
          const messages = parts.map(
            (part) => decodePdu(part.hex, { tpduLength: part.length }) as SmsSubmit,
          );
          expect(messages.map((message) => message.text).join('')).toBe(text);
          const encoding = isGsm7(text) ? 'gsm7' : 'ucs2';
          for (const [index, message] of messages.entries()) {
            expect(message).toMatchObject({
              type: 'SMS-SUBMIT',
              recipient: to,
              encoding,
              smsc: '+687390000',
            });
            expect(message.concat).toEqual(
              parts.length === 1
                ? null
                : { ref: messages[0]?.concat?.ref, part: index + 1, total: parts.length },
            );
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('any text survives SMS-DELIVER parts from any sender at any quarter-hour zone', () => {
    const sender = fc.oneof(
      phoneNumber,
      gsmText(11).filter((name) => /[A-Za-z]/.test(name) && (gsm7Length(name) ?? 99) <= 11),
    );
    fc.assert(
      fc.property(anyText, sender, fc.integer({ min: -79, max: 79 }), (text, from, quarters) => {
        const zone = `${quarters < 0 ? '-' : '+'}${String(Math.floor(Math.abs(quarters) / 4)).padStart(2, '0')}:${String((Math.abs(quarters) % 4) * 15).padStart(2, '0')}`;
        const timestamp = `2025-05-01T10:00:00${zone}`;
        const messages = encodeDeliver({ from, text, timestamp }).map((part) =>
          decodePdu(part.hex),
        );
        expect(messages.map((message) => message.text).join('')).toBe(text);
        for (const message of messages) expect(message).toMatchObject({ sender: from, timestamp });
      }),
      { numRuns: 300 },
    );
  });

  it('any septets pack and unpack unchanged after 0 to 6 fill bits', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 127 }), { maxLength: 200 }),
        fc.integer({ min: 0, max: 6 }),
        (septets, fill) => {
          const packed = packSeptets(septets, fill);
          expect(packed.length).toBe(Math.ceil((fill + septets.length * 7) / 8));
          expect(unpackSeptets(packed, septets.length, fill)).toEqual(septets);
        },
      ),
    );
  });

  it('GSM text packs for USSD and unpacks unchanged (a final CR on an octet boundary is doubled)', () => {
    fc.assert(
      fc.property(gsmText(200), (text) => {
        const doubled = text.endsWith('\r') && (gsm7Length(text) ?? 0) % 8 === 0 && text !== '';
        expect(unpackUssd(packUssd(text))).toBe(doubled ? `${text}\r` : text);
      }),
    );
  });

  it('GSM 7-bit and UCS2 text round-trips through its own alphabet', () => {
    fc.assert(
      fc.property(gsmText(200), (text) => {
        expect(decodeGsm7(encodeGsm7(text) ?? [])).toBe(text);
      }),
    );
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        expect(decodeUcs2(encodeUcs2(text))).toBe(text);
      }),
    );
  });

  it('numbers and alphanumeric names survive the address field', () => {
    const name = gsmText(11).filter(
      (text) => /[A-Za-z]/.test(text) && (gsm7Length(text) ?? 99) <= 11,
    );
    fc.assert(
      fc.property(fc.oneof(phoneNumber, name), (address) => {
        expect(readAddress(new PduReader(encodeAddress(address))).address).toBe(address);
      }),
    );
  });

  it('a timestamp survives encoding at every quarter-hour zone', () => {
    const two = (n: number) => String(n).padStart(2, '0');
    fc.assert(
      fc.property(
        fc.record({
          year: fc.integer({ min: 1969, max: 2068 }),
          month: fc.integer({ min: 1, max: 12 }),
          day: fc.integer({ min: 1, max: 28 }),
          hour: fc.integer({ min: 0, max: 23 }),
          minute: fc.integer({ min: 0, max: 59 }),
          second: fc.integer({ min: 0, max: 59 }),
          quarters: fc.integer({ min: -79, max: 79 }),
        }),
        ({ year, month, day, hour, minute, second, quarters }) => {
          const q = Math.abs(quarters);
          const iso = `${year}-${two(month)}-${two(day)}T${two(hour)}:${two(minute)}:${two(second)}${quarters < 0 ? '-' : '+'}${two(Math.floor(q / 4))}:${two((q % 4) * 15)}`;
          expect(readTimestamp(new PduReader(encodeTimestamp(iso)))).toBe(iso);
        },
      ),
    );
  });
});
