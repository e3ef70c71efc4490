/**
 * Every codec-relevant entry of test/fixtures/vectors/modem-vectors.json, asserted as written.
 * Where the vectors name a field differently from our decoded shape, the mapping is explicit
 * here: concat {ref, parts, part} is our {ref, part, total}; `multipart: true` is a non-null
 * concat; status_meaning is statusMeaning.
 */
import { describe, expect, it } from 'vitest';
import {
  bytesToHex,
  decodePdu,
  decodeUssdAnswer,
  encodeAddress,
  encodeSubmit,
  packUssd,
  type UssdCharset,
} from '../../../../electron/gsm/codecs';
import { vectorsOf } from './vectors';

interface DeliverExpectation {
  type: string;
  smsc?: string;
  sender: string;
  timestamp: string;
  text: string;
  multipart?: boolean;
  concat?: { ref: number; parts: number; part: number };
}

describe('SMS-DELIVER vectors', () => {
  it.each(vectorsOf<string, DeliverExpectation>('sms_deliver_pdu'))(
    '$name decodes as the source says',
    ({ input, expected }) => {
      const { multipart, concat, ...fields } = expected;
      const decoded = decodePdu(input);
      expect(decoded).toMatchObject(fields);
      expect(decoded.concat).toEqual(
        concat ? { ref: concat.ref, part: concat.part, total: concat.parts } : null,
      );
      if (multipart !== undefined) expect(decoded.concat !== null).toBe(multipart);
    },
  );

  it('the two parts of the ModemManager multipart vector join into the whole text', () => {
    const parts = vectorsOf<string, DeliverExpectation>('sms_deliver_pdu')
      .map(({ input }) => decodePdu(input))
      .filter((message) => message.concat?.ref === 76)
      .sort((a, b) => (a.concat?.part ?? 0) - (b.concat?.part ?? 0));
    expect(parts.map((part) => part.smsc)).toEqual(['+12063130025', '+12063130026']);
    expect(parts.map((part) => part.text).join('')).toMatch(
      /^This is a very long test .* related to one another\. $/,
    );
  });
});

describe('SMS-STATUS-REPORT vectors', () => {
  it.each(
    vectorsOf<string, Record<string, unknown> & { status_meaning: string }>(
      'sms_status_report_pdu',
    ),
  )('$name decodes as the source says', ({ input, expected }) => {
    const { status_meaning, ...fields } = expected;
    expect(decodePdu(input)).toMatchObject({ ...fields, statusMeaning: status_meaning });
  });
});

describe('SMS-SUBMIT encoding vectors', () => {
  interface SubmitInput {
    number: string;
    text: string;
    reference: number;
    validity: number | null;
    smsc: string | null;
  }
  it.each(vectorsOf<SubmitInput, string>('sms_submit_encode'))(
    '$name encodes byte for byte',
    ({ input, expected }) => {
      const parts = encodeSubmit({
        to: input.number,
        text: input.text,
        reference: input.reference,
        ...(input.validity === null ? {} : { validity: input.validity }),
        ...(input.smsc === null ? {} : { smsc: input.smsc }),
      });
      expect(parts).toEqual([{ hex: expected, length: expected.length / 2 - 1 }]);
    },
  );
});

describe('address encoding vectors', () => {
  it.each(vectorsOf<{ address: string; smsc: boolean }, string>('address_encode'))(
    '$name encodes byte for byte',
    ({ input, expected }) => {
      expect(bytesToHex(encodeAddress(input.address, { smsc: input.smsc }))).toBe(expected);
    },
  );
});

describe('Huawei packed USSD request vectors', () => {
  it.each(vectorsOf<{ command: string }, string>('ussd_encode_huawei_packed'))(
    '$name packs byte for byte',
    ({ input, expected }) => {
      expect(packUssd(input.command)).toBe(expected);
    },
  );
});

/** The quoted string and DCS of a one-line +CUSD answer (the AT layer's job; enough here). */
function cusd(line: string): { str: string; dcs: number | null } {
  const match = /^\+CUSD: \d+,"(.*)"(?:,(\d+))?$/s.exec(line);
  if (!match?.[1]) throw new Error(`Not a +CUSD answer with text: ${line}`);
  return { str: match[1], dcs: match[2] === undefined ? null : Number(match[2]) };
}

const decodedAsFor: Record<string, string> = {
  'packed GSM7 as hex (Huawei)': 'gsm7-packed-hex',
  'UCS2 (DCS 0x48)': 'ucs2-hex',
};

describe('USSD answer vectors', () => {
  const charsets: UssdCharset[] = ['GSM', 'IRA'];
  const cases = vectorsOf<string, { text: string; dcs: number; encoding?: string }>(
    'ussd_urc',
  ).flatMap((vector) => charsets.map((charset) => ({ ...vector, charset })));
  it.each(cases)(
    '$name decodes to the carrier text with +CSCS="$charset"',
    ({ input, expected, charset }) => {
      const { str, dcs } = cusd(input);
      expect(dcs).toBe(expected.dcs);
      expect(decodeUssdAnswer(str, dcs, charset)).toEqual({
        text: expected.text,
        decodedAs: decodedAsFor[expected.encoding ?? ''] ?? 'text',
      });
    },
  );

  it.each(vectorsOf<string[], { text: string }>('ussd_transcript'))(
    '$name: the +CUSD line of the transcript decodes to the carrier text',
    ({ input, expected }) => {
      const line = input.find((entry) => entry.startsWith('+CUSD:')) ?? '';
      const { str, dcs } = cusd(line);
      expect(decodeUssdAnswer(str, dcs, 'IRA').text).toBe(expected.text);
    },
  );
});
