import { describe, expect, it } from 'vitest';
import { decodePdu, type SmsSubmit } from '../../../../electron/gsm/codecs';
import {
  createReferenceCounter,
  SmsInputError,
  SmsSendError,
  sendSms,
} from '../../../../electron/gsm/sms';
import { fakeSim, OK } from './fake-sim';

function submits(sent: ReadonlyArray<{ hex: string; length: number }>): SmsSubmit[] {
  return sent.map((part) => decodePdu(part.hex, { tpduLength: part.length }) as SmsSubmit);
}

describe('sending a text', () => {
  it('sends a short text as one AT+CMGS carrying its TPDU length, after setting PDU mode once', async () => {
    const sim = fakeSim();
    const first = await sendSms(sim.channel, { to: '4012', text: 'CXLL 687123456' });
    await sendSms(sim.channel, { to: '4012', text: 'SOLDE' });

    expect(first).toEqual({ parts: 1, references: [1], concatRef: null });
    // 1 first octet + 1 MR + 4 address + 1 PID + 1 DCS + 1 UDL + 13 octets of 14 septets.
    expect(sim.received.slice(0, 3)).toEqual([
      'AT+CMGF=0',
      'AT+CMGS=22',
      `${sim.sent[0]?.hex}<Ctrl-Z>`,
    ]);
    expect(sim.received.filter((line) => line === 'AT+CMGF=0')).toHaveLength(1);
    expect(submits(sim.sent).map((m) => [m.recipient, m.text, m.concat])).toEqual([
      ['4012', 'CXLL 687123456', null],
      ['4012', 'SOLDE', null],
    ]);
  });

  it('sends a long text in three parts that share the reference of the modem counter', async () => {
    const sim = fakeSim();
    const text = `${'a'.repeat(153)}${'b'.repeat(153)}${'c'.repeat(10)}`;
    const result = await sendSms(sim.channel, {
      to: '+687123456',
      text,
      nextReference: createReferenceCounter(42),
    });

    expect(result).toEqual({ parts: 3, references: [1, 2, 3], concatRef: 42 });
    // A full part: 12 octets of header fields and 140 of user data (6 UDH + 153 septets).
    // The last one: 12 + ceil((7 + 10) * 7 / 8) = 27.
    expect(sim.received.filter((line) => line.startsWith('AT+CMGS'))).toEqual([
      'AT+CMGS=152',
      'AT+CMGS=152',
      'AT+CMGS=27',
    ]);
    for (const part of sim.sent) expect(part.hex.length).toBe(2 + part.length * 2);
    const messages = submits(sim.sent);
    expect(messages.map((m) => m.concat)).toEqual([
      { ref: 42, part: 1, total: 3 },
      { ref: 42, part: 2, total: 3 },
      { ref: 42, part: 3, total: 3 },
    ]);
    expect(messages.every((m) => m.recipient === '+687123456' && m.encoding === 'gsm7')).toBe(true);
    expect(messages.map((m) => m.text).join('')).toBe(text);
  });

  it('sends a long UCS2 text in parts of 67 characters', async () => {
    const sim = fakeSim();
    const text = 'Votre crédit: 1 000 F. 余额 '.repeat(6);
    const result = await sendSms(sim.channel, { to: '4012', text });
    expect(result.parts).toBe(3);
    const messages = submits(sim.sent);
    expect(messages.map((m) => [m.encoding, m.text.length])).toEqual([
      ['ucs2', 67],
      ['ucs2', 67],
      ['ucs2', text.length - 134],
    ]);
    // 9 octets of header fields (4 for the address of 4012), 6 of UDH, 2 per character.
    expect(sim.received.filter((line) => line.startsWith('AT+CMGS'))).toEqual([
      'AT+CMGS=149',
      'AT+CMGS=149',
      `AT+CMGS=${9 + 6 + (text.length - 134) * 2}`,
    ]);
    expect(messages.map((m) => m.text).join('')).toBe(text);
  });

  it('gives two different long texts two different references with the default counter', async () => {
    const sim = fakeSim();
    const a = await sendSms(sim.channel, { to: '4012', text: 'x'.repeat(200) });
    const b = await sendSms(sim.channel, { to: '4012', text: 'y'.repeat(200) });
    expect(a.concatRef).not.toBeNull();
    expect(b.concatRef).not.toBe(a.concatRef);
    const refs = submits(sim.sent).map((m) => m.concat?.ref);
    expect(new Set(refs.slice(0, 2)).size).toBe(1);
    expect(new Set(refs.slice(2)).size).toBe(1);
    expect(refs[0]).not.toBe(refs[2]);
  });

  it('stops at a refused second part and reports that only the first went out', async () => {
    let bodies = 0;
    const sim = fakeSim({
      answer: (command) =>
        command.endsWith('<Ctrl-Z>') && ++bodies === 2 ? '\r\n+CMS ERROR: 332\r\n' : undefined,
    });
    const error = await sendSms(sim.channel, {
      to: '+687123456',
      text: 'z'.repeat(400),
    }).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(SmsSendError);
    expect(error).toMatchObject({
      id: 'network_timeout',
      failedPart: 2,
      totalParts: 3,
      references: [1],
      sent: 1,
    });
    expect(sim.received.filter((line) => line.startsWith('AT+CMGS'))).toHaveLength(2);
  });

  it.each([
    ['an empty number', ''],
    ['a lone plus', '+'],
    ['letters', 'ORANGE'],
    ['spaces', '+687 12 34 56'],
    ['a USSD code', '*100#'],
    ['a plus and a leading zero', '+0687123456'],
    ['too many digits', '+6871234567890123'],
    ['a line break', '4012\r\nATD112;'],
    ['Ctrl-Z', '4012\x1a'],
  ])('refuses %s as destination before writing a byte', async (_label, to) => {
    const sim = fakeSim();
    const error = await sendSms(sim.channel, { to, text: 'SOLDE' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SmsInputError);
    expect((error as SmsInputError).code).toBe('invalid_destination');
    expect(sim.received).toEqual([]);
  });

  it('refuses an empty text and a bad SMSC before writing a byte', async () => {
    const sim = fakeSim();
    await expect(sendSms(sim.channel, { to: '4012', text: '' })).rejects.toMatchObject({
      code: 'empty_text',
    });
    await expect(
      sendSms(sim.channel, { to: '4012', text: 'SOLDE', smsc: '+687 BAD' }),
    ).rejects.toMatchObject({ code: 'invalid_smsc' });
    expect(sim.received).toEqual([]);
  });

  it('reports a part as sent without a reference when the modem prints OK alone', async () => {
    const sim = fakeSim({ answer: (command) => (command.endsWith('<Ctrl-Z>') ? OK : undefined) });
    const result = await sendSms(sim.channel, { to: '4012', text: 'SOLDE' });
    expect(result.references).toEqual([null]);
  });
});
