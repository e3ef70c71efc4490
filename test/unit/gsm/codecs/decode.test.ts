import { describe, expect, it } from 'vitest';
import { decodePdu, statusMeaning } from '../../../../electron/gsm/codecs';
import { pduErrorCode } from './helpers';

const pdu = (...fields: string[]) => fields.join('');
const SENDER = '0B917228214365F7'; // +27821234567
const SCTS = '31308051206180'; // 2013-03-08T15:02:16+02:00
const HELLO = 'E8329BFD06'; // "hello", 5 septets

describe('SMS-DELIVER', () => {
  it('the classic TS 23.040 tutorial PDU decodes with a subscriber-type sender', () => {
    expect(
      decodePdu('07917283010010F5040BC87238880900F10000993092516195800AE8329BFD4697D9EC37'),
    ).toMatchObject({
      type: 'SMS-DELIVER',
      smsc: '+27381000015',
      sender: '27838890001',
      senderType: 'subscriber',
      timestamp: '1999-03-29T15:16:59+02:00',
      text: 'hellohello',
      encoding: 'gsm7',
      concat: null,
    });
  });

  it('a 16-bit concatenation reference is read, and text after a 7-octet header needs no fill bits', () => {
    expect(
      decodePdu(pdu('00', '44', SENDER, '00', '00', SCTS, '0A', '06080412340201', 'E834')),
    ).toMatchObject({
      text: 'hi',
      concat: { ref: 0x1234, part: 1, total: 2 },
    });
  });

  it('text after a 6-octet header starts after one fill bit', () => {
    expect(
      decodePdu(pdu('00', '44', SENDER, '00', '00', SCTS, '09', '050003AA0201', 'D069')),
    ).toMatchObject({
      text: 'hi',
      concat: { ref: 0xaa, part: 1, total: 2 },
      udh: [{ iei: 0, data: 'AA0201' }],
    });
  });

  it('a UCS2 message keeps an emoji whole', () => {
    expect(decodePdu(pdu('00', '04', SENDER, '00', '08', SCTS, '04', 'D83DDE00'))).toMatchObject({
      encoding: 'ucs2',
      text: '😀',
    });
  });

  it('an 8-bit message shows each octet as its Latin-1 character', () => {
    expect(decodePdu(pdu('00', '04', SENDER, '00', '04', SCTS, '03', '41E9FF'))).toMatchObject({
      encoding: '8bit',
      text: 'Aéÿ',
    });
  });

  it('a flash SMS says message class 0', () => {
    expect(decodePdu(pdu('00', '04', SENDER, '00', '10', SCTS, '05', HELLO))).toMatchObject({
      text: 'hello',
      messageClass: 0,
    });
  });

  it('octets after the user data are ignored (some modems pad the PDU)', () => {
    expect(decodePdu(pdu('00', '04', SENDER, '00', '00', SCTS, '05', HELLO, 'FFFF')).text).toBe(
      'hello',
    );
  });

  it('a PDU printed without its SMSC prefix is recognised by the announced TPDU length', () => {
    const tpdu = '040B917228214365F700003130805120618005D4F29C2E03';
    expect(decodePdu(tpdu, { tpduLength: 24 })).toMatchObject({ smsc: null, text: 'Test2' });
    expect(decodePdu(`06917228195339${tpdu}`, { tpduLength: 24 })).toMatchObject({
      smsc: '+2782913593',
    });
    expect(pduErrorCode(() => decodePdu(tpdu, { tpduLength: 23 }))).toBe('length_mismatch');
  });
});

describe('SMS-SUBMIT', () => {
  const TO = '0B917228001011F1'; // +27820001111

  it('the TS 23.040 tutorial SUBMIT decodes with its 4-day relative validity', () => {
    expect(decodePdu('0011000B916407281553F80000AA0AE8329BFD4697D9EC37')).toEqual({
      type: 'SMS-SUBMIT',
      smsc: null,
      recipient: '+46708251358',
      recipientType: 'international',
      reference: 0,
      validity: { format: 'relative', minutes: 4 * 24 * 60 },
      statusReportRequested: false,
      text: 'hellohello',
      encoding: 'gsm7',
      concat: null,
      udh: [],
      messageClass: null,
      protocolId: 0,
      warnings: [],
      truncated: false,
    });
  });

  it('an absolute validity period is read as a timestamp', () => {
    expect(decodePdu(pdu('00', '19', '00', TO, '00', '00', SCTS, '05', HELLO))).toMatchObject({
      validity: { format: 'absolute', until: '2013-03-08T15:02:16+02:00' },
      text: 'hello',
    });
  });

  it('an enhanced validity period is kept raw', () => {
    expect(
      decodePdu(pdu('00', '09', '2A', TO, '00', '00', '01020000000000', '05', HELLO)),
    ).toMatchObject({
      reference: 42,
      validity: { format: 'enhanced', raw: [1, 2, 0, 0, 0, 0, 0] },
      text: 'hello',
    });
  });

  it('a status-report request is bit 5 of the first octet', () => {
    expect(decodePdu(pdu('00', '21', '00', TO, '00', '00', '05', HELLO))).toMatchObject({
      statusReportRequested: true,
    });
  });
});

describe('SMS-STATUS-REPORT', () => {
  const REPORT = '07917248014000F506B70AA18092020000317071518590803170715185418000';

  it('text announced by the parameter indicator is decoded', () => {
    expect(decodePdu(pdu(REPORT, '06', '00', '05', HELLO))).toMatchObject({
      type: 'SMS-STATUS-REPORT',
      reference: 183,
      status: 0,
      text: 'hello',
    });
  });

  it('a parameter indicator that announces nothing leaves the text empty', () => {
    expect(decodePdu(pdu(REPORT, '00'))).toMatchObject({ text: '', protocolId: 0 });
  });

  it('a failed delivery is reported with its status', () => {
    const failed = `${REPORT.slice(0, -2)}46`;
    expect(decodePdu(failed)).toMatchObject({ status: 0x46, statusMeaning: 'failed' });
  });

  it.each([
    [0x00, 'delivered'],
    [0x01, 'completed'],
    [0x02, 'completed'],
    [0x20, 'pending'],
    [0x30, 'pending'],
    [0x40, 'failed'],
    [0x65, 'failed'],
    [0x80, 'reserved'],
  ])('status %d means %s', (status, meaning) => {
    expect(statusMeaning(status)).toBe(meaning);
  });
});
