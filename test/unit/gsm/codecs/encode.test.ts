import { describe, expect, it } from 'vitest';
import {
  decodePdu,
  type EncodedPart,
  encodeDeliver,
  encodeSubmit,
  type SmsSubmit,
} from '../../../../electron/gsm/codecs';
import { pduErrorCode } from './helpers';

const TO = '+687751234';
const decoded = (parts: EncodedPart[]) => parts.map((part) => decodePdu(part.hex) as SmsSubmit);

describe('encoding an SMS-SUBMIT', () => {
  it('the TS 23.040 tutorial SUBMIT is reproduced with a 4-day validity', () => {
    expect(encodeSubmit({ to: '+46708251358', text: 'hellohello', validity: 4 * 24 * 60 })).toEqual(
      [{ hex: '0011000B916407281553F80000AA0AE8329BFD4697D9EC37', length: 23 }],
    );
  });

  it('an SMSC goes in front and does not count in the AT+CMGS length', () => {
    const [part] = encodeSubmit({ to: '+46708251358', text: 'hellohello', smsc: '+27381000015' });
    expect(part?.hex.startsWith('07917283010010F5')).toBe(true);
    expect(part?.length).toBe((part?.hex.length ?? 0) / 2 - 8);
  });

  it('the message reference, status-report request and national numbers are encoded', () => {
    const [message] = decoded(
      encodeSubmit({ to: '0829200000', text: 'x', reference: 183, requestStatusReport: true }),
    );
    expect(message).toMatchObject({
      recipient: '0829200000',
      recipientType: 'unknown',
      reference: 183,
      statusReportRequested: true,
      validity: null,
    });
  });

  it('a 160-septet text is one part and 161 septets are two of 153 and 8', () => {
    expect(encodeSubmit({ to: TO, text: 'a'.repeat(160) })).toHaveLength(1);
    const parts = decoded(encodeSubmit({ to: TO, text: 'a'.repeat(161) }));
    expect(parts.map((part) => part.text.length)).toEqual([153, 8]);
  });

  it('a 70-unit UCS2 text is one part and 71 units are two of 67 and 4', () => {
    expect(encodeSubmit({ to: TO, text: '余'.repeat(70) })).toHaveLength(1);
    const parts = decoded(encodeSubmit({ to: TO, text: '余'.repeat(71) }));
    expect(parts.map((part) => [part.encoding, part.text.length])).toEqual([
      ['ucs2', 67],
      ['ucs2', 4],
    ]);
  });

  it('one character outside GSM 7-bit turns the whole message into UCS2', () => {
    expect(decoded(encodeSubmit({ to: TO, text: 'Merci 谢谢' }))[0]?.encoding).toBe('ucs2');
    expect(decoded(encodeSubmit({ to: TO, text: 'Merci €' }))[0]?.encoding).toBe('gsm7');
  });

  it('an extension character counts two septets: 80 "€" fit one part, 81 do not', () => {
    expect(encodeSubmit({ to: TO, text: '€'.repeat(80) })).toHaveLength(1);
    expect(encodeSubmit({ to: TO, text: '€'.repeat(81) })).toHaveLength(2);
  });

  it('a part never ends between an escape and its code', () => {
    // 81 × '€' is 162 septets; a cut at 153 would leave the 77th escape last in part 1.
    const parts = decoded(encodeSubmit({ to: TO, text: '€'.repeat(81) }));
    expect(parts.map((part) => part.text)).toEqual(['€'.repeat(76), '€'.repeat(5)]);
    // With one more septet in front, the cut falls after a code and part 1 is full.
    const shifted = decoded(encodeSubmit({ to: TO, text: `a${'€'.repeat(80)}` }));
    expect(shifted.map((part) => part.text)).toEqual([`a${'€'.repeat(76)}`, '€'.repeat(4)]);
  });

  it('a part never ends between the two halves of a surrogate pair', () => {
    const parts = decoded(encodeSubmit({ to: TO, text: `ab${'😀'.repeat(40)}` }));
    expect(parts.map((part) => part.text)).toEqual([`ab${'😀'.repeat(32)}`, '😀'.repeat(8)]);
  });

  it('parts share the reference and are numbered from 1', () => {
    const parts = decoded(encodeSubmit({ to: TO, text: 'x'.repeat(400), concatRef: 200 }));
    expect(parts.map((part) => part.concat)).toEqual([
      { ref: 200, part: 1, total: 3 },
      { ref: 200, part: 2, total: 3 },
      { ref: 200, part: 3, total: 3 },
    ]);
    expect(parts.map((part) => part.udh[0]?.iei)).toEqual([0, 0, 0]);
  });

  it('a 16-bit reference on request uses IEI 0x08 and leaves 152 septets or 66 units a part', () => {
    const gsm = decoded(
      encodeSubmit({ to: TO, text: 'x'.repeat(200), concatRef: 0xbeef, concatRefBits: 16 }),
    );
    expect(gsm.map((part) => [part.udh[0]?.iei, part.concat?.ref, part.text.length])).toEqual([
      [8, 0xbeef, 152],
      [8, 0xbeef, 48],
    ]);
    const ucs2 = decoded(encodeSubmit({ to: TO, text: '余'.repeat(100), concatRefBits: 16 }));
    expect(ucs2.map((part) => part.text.length)).toEqual([66, 34]);
  });

  it('without a given reference the same text gets the same reference', () => {
    const ref = (text: string) => decoded(encodeSubmit({ to: TO, text }))[0]?.concat?.ref;
    expect(ref('y'.repeat(200))).toBe(ref('y'.repeat(200)));
  });

  it('every part stays within 140 octets of user data', () => {
    // TPDU = first octet, TP-MR, 7-octet TP-DA, TP-PID, TP-DCS, TP-UDL, then the user data.
    const overhead = 12;
    for (const text of [
      'x'.repeat(1000),
      '€'.repeat(500),
      '余'.repeat(500),
      `a${'😀'.repeat(300)}`,
    ]) {
      const lengths = encodeSubmit({ to: TO, text }).map((part) => part.length - overhead);
      expect(Math.max(...lengths)).toBeLessThanOrEqual(140);
      expect(lengths[0]).toBeGreaterThanOrEqual(138);
    }
  });

  it('an empty text is one empty part', () => {
    expect(decoded(encodeSubmit({ to: TO, text: '' }))).toMatchObject([{ text: '', concat: null }]);
  });

  it.each([
    ['an alphanumeric recipient', { to: 'Shop', text: 'x' }, 'invalid_address'],
    ['a recipient with spaces', { to: '+687 75 12 34', text: 'x' }, 'invalid_address'],
    ['a reference above 255', { to: TO, text: 'x', reference: 256 }, 'invalid_argument'],
    ['a validity of 0 minutes', { to: TO, text: 'x', validity: 0 }, 'invalid_argument'],
    [
      'an 8-bit concatenation reference above 255',
      { to: TO, text: 'x'.repeat(200), concatRef: 300 },
      'invalid_argument',
    ],
    ['a text needing 256 parts', { to: TO, text: 'x'.repeat(153 * 255 + 1) }, 'too_long'],
  ])('%s is refused', (_, options, code) => {
    expect(pduErrorCode(() => encodeSubmit(options))).toBe(code);
  });
});

describe('encoding an SMS-DELIVER (for the simulator)', () => {
  it('a carrier reply from an alphanumeric sender decodes back as sent', () => {
    const parts = encodeDeliver({
      from: 'OPT-NC',
      text: 'Votre solde est de 1 250 XPF. Validité: 30/06.',
      timestamp: '2025-05-01T10:00:00+11:00',
      smsc: '+687390000',
    });
    expect(parts).toHaveLength(1);
    expect(decodePdu(parts[0]?.hex ?? '')).toMatchObject({
      type: 'SMS-DELIVER',
      smsc: '+687390000',
      sender: 'OPT-NC',
      senderType: 'alphanumeric',
      timestamp: '2025-05-01T10:00:00+11:00',
      text: 'Votre solde est de 1 250 XPF. Validité: 30/06.',
    });
  });

  it('a long Chinese reply becomes numbered UCS2 parts', () => {
    const text = '您的余额为一千二百五十太平洋法郎。'.repeat(5);
    const parts = encodeDeliver({
      from: '+687444',
      text,
      timestamp: '2025-05-01T10:00:00+11:00',
      concatRef: 7,
    });
    const messages = parts.map((part) => decodePdu(part.hex));
    expect(messages.map((message) => message.concat)).toEqual([
      { ref: 7, part: 1, total: 2 },
      { ref: 7, part: 2, total: 2 },
    ]);
    expect(messages.map((message) => message.text).join('')).toBe(text);
  });
});
