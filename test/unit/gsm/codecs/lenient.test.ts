/**
 * PDUs with a flaw that the established decoders read anyway: read here too, with the flaw
 * named in `warnings` and `truncated` set where text is missing. The first table is the
 * documented cases (test/fixtures/vectors, kind sms_lenient_pdu, each naming its source).
 */
import { describe, expect, it } from 'vitest';
import { decodePdu } from '../../../../electron/gsm/codecs';
import { pduErrorCode } from './helpers';
import { vectorsOf } from './vectors';

interface LenientExpectation {
  type: string;
  text: string;
  truncated: boolean;
  warnings: string[];
  [field: string]: unknown;
}

describe('flawed PDUs from the decoders people trust', () => {
  it.each(vectorsOf<string, LenientExpectation>('sms_lenient_pdu'))(
    '$name',
    ({ input, expected }) => {
      const { warnings, ...fields } = expected;
      const decoded = decodePdu(input);
      expect(decoded).toMatchObject(fields);
      expect(decoded.warnings.map((warning) => warning.code)).toEqual(warnings);
    },
  );
});

const pdu = (...fields: string[]) => fields.join('');
const SENDER = '0B917228214365F7';
const SCTS = '31308051206180';
const deliver = (first: string, dcs: string, userData: string) =>
  pdu('00', first, SENDER, '00', dcs, SCTS, userData);

describe('what is readable is read, what is missing is marked', () => {
  it.each([
    ['GSM 7-bit, 32 septets announced over 5 octets', deliver('04', '00', '20D4F29C2E03'), 'Test2'],
    [
      'UCS2 cut inside a character (half a unit dropped)',
      deliver('04', '08', '0800410042004'),
      'AB',
    ],
    ['UCS2, 141 octets announced', deliver('04', '08', `8D${'0041'.repeat(70)}00`), 'A'.repeat(70)],
    [
      'GSM 7-bit, 161 septets announced',
      deliver('04', '00', `A1${'00'.repeat(141)}`),
      '@'.repeat(160),
    ],
    [
      'a concatenated GSM 7-bit part cut after its header and two characters',
      deliver('44', '00', '0A0500030A020190E5'),
      'He',
    ],
    ['8-bit data cut', deliver('04', '04', '0A48656C6C6F'), 'Hello'],
    ['no user data after the length', deliver('04', '00', '05'), ''],
  ])('%s', (_, hex, text) => {
    const decoded = decodePdu(hex);
    expect(decoded.text).toBe(text);
    expect(decoded.truncated).toBe(true);
    expect(decoded.warnings.length).toBeGreaterThan(0);
  });

  it('a clean PDU has no warnings and is not truncated', () => {
    const decoded = decodePdu(deliver('04', '00', '05D4F29C2E03'));
    expect(decoded).toMatchObject({ text: 'Test2', truncated: false, warnings: [] });
  });

  it('a PDU one hex digit short still matches the length +CMGR announced (SMSC prefix kept)', () => {
    const whole = deliver('04', '00', '05D4F29C2E03');
    const decoded = decodePdu(whole.slice(0, -1), { tpduLength: whole.length / 2 - 1 });
    expect(decoded).toMatchObject({
      smsc: null,
      sender: '+27821234567',
      text: 'Test',
      truncated: true,
    });
  });

  it('the cut part keeps its concatenation, so reassembly can still place it', () => {
    const decoded = decodePdu(deliver('44', '00', '0A0500030A020190E5'));
    expect(decoded.concat).toEqual({ ref: 10, part: 1, total: 2 });
  });
});

describe('what has nothing readable is still refused', () => {
  it.each([
    [
      'a date (not the zone) with a digit above 9',
      deliver('04', '00', '').replace(SCTS, '31F08051206180'),
      'invalid_timestamp',
    ],
    ['a header announced longer than what came', deliver('44', '00', '0A0500030A'), 'udh_too_long'],
    ['an odd digit that is not hex', `${deliver('04', '00', '05D4F29C2E03')}G`, 'invalid_hex'],
    ['hex with a space inside and an odd length', '00 110', 'invalid_hex'],
  ])('%s', (_, hex, code) => {
    expect(pduErrorCode(() => decodePdu(hex))).toBe(code);
  });
});
