import { describe, expect, it } from 'vitest';
import {
  parseCmgl,
  parseCmglList,
  parseCmglText,
  parseCmgr,
  parseCmgs,
  parseCmti,
  parseTextTimestamp,
} from '../../../../electron/gsm/at/parsers';

const PDU =
  '07917248014000F3240B917247587706F400003110824115248012C8329BFD06C9C373B8B82C97E741F034';

describe('parseCmti', () => {
  it.each([
    ['+CMTI: "SM",3', { kind: 'message', storage: 'SM', index: 3 }],
    ['+CMTI: "ME",1', { kind: 'message', storage: 'ME', index: 1 }],
    ['+CMTI:"MT",12', { kind: 'message', storage: 'MT', index: 12 }],
    ['+CDSI: "SM",3', { kind: 'status-report', storage: 'SM', index: 3 }],
  ])('%s', (line, expected) => {
    const result = parseCmti(line);
    expect(result.ok && result.value).toEqual(expected);
  });

  it.each([['+CMTI: "SM"'], ['+CMTI: ,3'], ['+CMT: ,24']])('refuses %j', (line) => {
    expect(parseCmti(line).ok).toBe(false);
  });
});

describe('parseCmgl (PDU mode)', () => {
  it.each([
    ['+CMGL: 0,0,,35', { index: 0, status: 'rec-unread', length: 35 }],
    ['+CMGL: 4,1,"Maman",22', { index: 4, status: 'rec-read', alpha: 'Maman', length: 22 }],
    ['+CMGL: 17,3,35', { index: 17, status: 'sto-sent', length: 35 }],
    ['+CMGL: 2,2,"",40', { index: 2, status: 'sto-unsent', alpha: '', length: 40 }],
  ])('%s', (line, expected) => {
    const result = parseCmgl(line);
    expect(result.ok && result.value).toEqual(expected);
  });

  it.each([['+CMGL: 0,7,,35'], ['+CMGL: x,0,,35'], ['+CMGL: 0,0'], ['+CMGR: 0,,35']])(
    'refuses %j',
    (line) => expect(parseCmgl(line).ok).toBe(false),
  );

  it('pairs each header with its PDU line', () => {
    const result = parseCmglList(['+CMGL: 0,0,,35', PDU, '+CMGL: 3,1,,35', PDU.toLowerCase()]);
    expect(result.ok && result.value).toEqual([
      { index: 0, status: 'rec-unread', length: 35, pdu: PDU },
      { index: 3, status: 'rec-read', length: 35, pdu: PDU.toLowerCase() },
    ]);
  });

  it('accepts the PDU on the header line', () => {
    const result = parseCmglList([`+CMGL: 0,1,,35 ${PDU}`]);
    expect(result.ok && result.value[0]?.pdu).toBe(PDU);
  });

  it('refuses a header without its PDU', () => {
    expect(parseCmglList(['+CMGL: 0,0,,35']).ok).toBe(false);
    expect(parseCmglList(['+CMGL: 0,0,,35', '+CMGL: 1,0,,35', PDU]).ok).toBe(false);
  });

  it('an empty listing is an empty list', () => {
    expect(parseCmglList([])).toEqual({ ok: true, value: [] });
  });
});

describe('parseCmgr (PDU mode)', () => {
  it.each([
    ['+CMGR: 0,,35', { status: 'rec-unread', length: 35 }],
    ['+CMGR: 1,"Maman",22', { status: 'rec-read', alpha: 'Maman', length: 22 }],
    ['+CMGR: 0,"",50', { status: 'rec-unread', alpha: '', length: 50 }],
    ['+CMGR: ,,35', { status: null, length: 35 }],
    ['+CMGR: ,35', { status: null, length: 35 }],
    ['+CMGR: "Maman",35', { status: null, alpha: 'Maman', length: 35 }],
    ['+CMGR: 1,35', { status: 'rec-read', length: 35 }],
    ['+CMGR: 35', { status: null, length: 35 }],
    [`+CMGR: 1,,35 ${PDU}`, { status: 'rec-read', length: 35, inlinePdu: PDU }],
  ])('%s', (line, expected) => {
    const result = parseCmgr(line);
    expect(result.ok && result.value).toEqual(expected);
  });

  it.each([['+CMGR: 9,,35'], ['+CMGR: 0,,'], ['+CMGR: 0,,x'], ['+CMGR: 1,2,3,4']])(
    'refuses %j',
    (line) => expect(parseCmgr(line).ok).toBe(false),
  );
});

describe('parseCmgs', () => {
  it.each([
    ['+CMGS: 12', 12],
    ['+CMGS: 255', 255],
    ['+CMGS: 7,"13/01/28,14:51:42+08"', 7],
  ])('%s', (line, reference) => {
    expect(parseCmgs(line)).toEqual({ ok: true, value: { reference } });
  });

  it.each([['+CMGS: 256'], ['+CMGS:'], ['OK']])('refuses %j', (line) =>
    expect(parseCmgs(line).ok).toBe(false),
  );
});

describe('text mode', () => {
  it.each([
    ['13/01/28,14:51:42+08', '2013-01-28T14:51:42+02:00'],
    ['24/12/31,23:59:59-44', '2024-12-31T23:59:59-11:00'],
    ['24/06/01,08:00:00+00', '2024-06-01T08:00:00+00:00'],
    ['24/06/01,08:00:00+45', '2024-06-01T08:00:00+11:15'],
  ])('timestamp %s is %s (zone in quarter hours)', (text, iso) => {
    expect(parseTextTimestamp(text)).toEqual({ ok: true, value: iso });
  });

  it('refuses a malformed timestamp', () => {
    expect(parseTextTimestamp('2013-01-28 14:51').ok).toBe(false);
  });

  it('parses a listing entry whose timestamp holds a comma', () => {
    const result = parseCmglText(
      '+CMGL: 1,"REC READ","+687123456",,"24/06/01,08:00:00+44"',
      'Solde: 1500 XPF',
    );
    expect(result.ok && result.value).toEqual({
      index: 1,
      status: 'rec-read',
      sender: '+687123456',
      timestamp: '2024-06-01T08:00:00+11:00',
      text: 'Solde: 1500 XPF',
    });
  });
});
