import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  bytesToHex,
  decodeGsm7,
  decodePdu,
  decodeUcs2,
  decodeUssdAnswer,
  encodeSubmit,
  hexToBytes,
  parseUdh,
  type UssdCharset,
  unpackUssd,
} from '../../../../electron/gsm/codecs';
import { onlyPduErrors, pduErrorCode } from './helpers';
import { vectorsOf } from './vectors';

const pdu = (...fields: string[]) => fields.join('');
const SENDER = '0B917228214365F7';
const SCTS = '31308051206180';
const deliver = (first: string, dcs: string, userData: string) =>
  pdu('00', first, SENDER, '00', dcs, SCTS, userData);
const REPORT = '07917248014000F506B70AA18092020000317071518590803170715185418000';

describe('malformed PDUs are refused with a code, never a crash', () => {
  it.each([
    ['not hex', 'zz', 'invalid_hex'],
    ['an odd number of digits that leaves too little to read', '0011000', 'truncated'],
    ['hex with spaces inside', '00 11', 'invalid_hex'],
    ['nothing at all', '', 'truncated'],
    ['only an empty SMSC', '00', 'truncated'],
    ['an SMSC longer than the PDU', '0791726', 'truncated'],
    ['an SMSC cut short', '07917283', 'truncated'],
    ['an SMSC length of 12 octets', '0C917283010010F5', 'invalid_address'],
    ['a sender cut short', pdu('00', '04', '0B9172282143'), 'truncated'],
    ['a sender length of 48 semi-octets', pdu('00', '04', '30917228214365F7'), 'invalid_address'],
    ['no timestamp', pdu('00', '04', SENDER, '00', '00'), 'truncated'],
    [
      'a timestamp with month 13',
      pdu('00', '04', SENDER, '00', '00', '31318051206180', '00'),
      'invalid_timestamp',
    ],
    ['no user data length', pdu('00', '04', SENDER, '00', '00', SCTS), 'truncated'],
    ['a header longer than the user data', deliver('44', '04', '05100003010201'), 'udh_too_long'],
    ['a header flag with no user data', deliver('44', '00', '00'), 'udh_too_long'],
    [
      'a header that leaves fewer septets than it takes',
      deliver('44', '00', '03027000'),
      'udh_too_long',
    ],
    ['an element running past the header', deliver('44', '04', '050400030102'), 'invalid_udh'],
    ['compressed text', deliver('04', '20', '00'), 'compressed_unsupported'],
    ['message type 3', pdu('00', '03', SENDER), 'unsupported_type'],
    [
      'a SUBMIT without its relative validity',
      pdu('00', '11', '00', SENDER, '00', '00'),
      'truncated',
    ],
    ['a status report without its discharge time', REPORT.slice(0, 50), 'truncated'],
    ['a status report whose indicator announces missing fields', pdu(REPORT, '07'), 'truncated'],
    [
      'a status report whose indicator announces compressed text',
      pdu(REPORT, '02', '20'),
      'compressed_unsupported',
    ],
  ])('%s', (_, hex, code) => {
    expect(pduErrorCode(() => decodePdu(hex))).toBe(code);
  });

  it('a length announced by +CMGR that fits neither with nor without the SMSC is refused', () => {
    expect(pduErrorCode(() => decodePdu(REPORT, { tpduLength: 99 }))).toBe('length_mismatch');
  });
});

// Valid PDUs to mutate: every decodable vector plus encoder output with headers and UCS2.
const seeds = [
  ...vectorsOf<string, unknown>('sms_deliver_pdu').map((vector) => vector.input),
  ...vectorsOf<string, unknown>('sms_status_report_pdu').map((vector) => vector.input),
  ...encodeSubmit({ to: '+687751234', text: 'x€'.repeat(120), validity: 60 }).map(
    (part) => part.hex,
  ),
  ...encodeSubmit({ to: '+687751234', text: '余额😀'.repeat(40), concatRefBits: 16 }).map(
    (part) => part.hex,
  ),
];

const mutated = fc
  .tuple(
    fc.constantFrom(...seeds),
    fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { maxLength: 4 }),
    fc.nat(),
    fc.uint8Array({ maxLength: 8 }),
  )
  .map(([hex, changes, cut, tail]) => {
    const bytes = hexToBytes(hex);
    for (const [at, value] of changes) bytes[at % bytes.length] = value;
    const kept = bytes.subarray(0, cut % (bytes.length + 1));
    return bytesToHex(Uint8Array.of(...kept, ...tail));
  });

describe('arbitrary input never makes a decoder throw anything but a PduError', () => {
  it('random octets', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), (bytes) =>
        onlyPduErrors(() => decodePdu(bytesToHex(bytes))),
      ),
    );
  });

  it('valid PDUs with octets changed, cut short or extended', () => {
    fc.assert(
      fc.property(mutated, fc.option(fc.nat({ max: 200 }), { nil: undefined }), (hex, tpduLength) =>
        onlyPduErrors(() => decodePdu(hex, tpduLength === undefined ? {} : { tpduLength })),
      ),
      { numRuns: 3000 },
    );
  });

  it('arbitrary strings', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => onlyPduErrors(() => decodePdu(text))),
    );
  });

  it('user-data headers, packed USSD, UCS2 and septets', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 60 }), (bytes) => {
        onlyPduErrors(() => parseUdh(bytes));
        onlyPduErrors(() => unpackUssd(bytesToHex(bytes)));
        expect(typeof decodeUcs2(bytes)).toBe('string');
        expect(typeof decodeGsm7(Array.from(bytes))).toBe('string');
      }),
    );
  });

  it('USSD answers: any string, any DCS, any charset, and no exception at all', () => {
    const hexish = fc.uint8Array({ maxLength: 80 }).map(bytesToHex);
    fc.assert(
      fc.property(
        fc.oneof(fc.string({ unit: 'binary' }), hexish),
        fc.option(fc.integer({ min: 0, max: 255 })),
        fc.constantFrom<UssdCharset>('GSM', 'IRA', 'UCS2', 'HEX'),
        (str, dcs, charset) => {
          expect(typeof decodeUssdAnswer(str, dcs, charset).text).toBe('string');
        },
      ),
      { numRuns: 3000 },
    );
  });
});
