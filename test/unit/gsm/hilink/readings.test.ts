import { describe, expect, it } from 'vitest';
import {
  identityOf,
  operatorOf,
  registrationOf,
  signalOf,
} from '../../../../electron/gsm/hilink/readings';
import { inboxMessageOf, storedSmsOf } from '../../../../electron/gsm/hilink/sms';
import { parseXml, writeXml, type XmlFields } from '../../../../electron/gsm/hilink/xml';

const response = (fields: XmlFields) => parseXml(writeXml('response', fields));

describe("reading a HiLink stick's information pages", () => {
  it('its identity: model, IMEI, IMSI, ICCID; empty fields are unknown', () => {
    expect(
      identityOf(
        response({
          DeviceName: 'E3372h-153',
          Imei: '863000000000001',
          Imsi: '',
          Iccid: '8968700000000000001',
          SoftwareVersion: '22.323.01.00.143',
        }),
      ),
    ).toEqual({
      manufacturer: 'huawei',
      model: 'E3372h-153',
      revision: '22.323.01.00.143',
      imei: '863000000000001',
      imsi: null,
      iccid: '8968700000000000001',
    });
  });

  it.each([
    [
      { ServiceStatus: 2, SimStatus: 1, CurrentNetworkType: 19 },
      { state: 'registered-home', technology: 'lte' },
    ],
    [
      { ServiceStatus: 2, SimStatus: 1, RoamingStatus: 1, CurrentNetworkType: 9 },
      { state: 'registered-roaming', technology: 'umts' },
    ],
    [
      { ServiceStatus: 2, SimStatus: 1, CurrentNetworkType: 3 },
      { state: 'registered-home', technology: 'gsm' },
    ],
    [{ ServiceStatus: 2, CurrentNetworkType: 0 }, { state: 'registered-home' }],
    [{ ServiceStatus: 1, SimStatus: 1 }, { state: 'searching' }],
    [{ ServiceStatus: 2, SimStatus: 255 }, { state: 'not-registered' }],
    [{ ConnectionStatus: 901 }, { state: 'unknown' }],
  ])('its registration from %o', (fields, expected) => {
    expect(registrationOf(response(fields))).toEqual(expected);
  });

  it.each([
    ['-67dBm', { csq: 23, dbm: -67, bars: 4 }],
    ['-95dBm', { csq: 9, dbm: -95, bars: 1 }],
    ['&gt;=-51dBm', { csq: 31, dbm: -51, bars: 4 }],
    ['unknown', { csq: 99, dbm: null, bars: 0 }],
    ['-120dBm', { csq: 0, dbm: -120, bars: 0 }],
    ['', { csq: 99, dbm: null, bars: 0 }],
  ])('its signal from rssi %s, on the +CSQ scale', (rssi, expected) => {
    expect(signalOf(parseXml(`<response><rssi>${rssi}</rssi></response>`))).toEqual(expected);
  });

  it('its operator: the long name, else the short one, else none', () => {
    expect(operatorOf(response({ FullName: 'NC Mobile Demo', ShortName: 'NCM' }))).toBe(
      'NC Mobile Demo',
    );
    expect(operatorOf(response({ FullName: '', ShortName: 'NCM' }))).toBe('NCM');
    expect(operatorOf(response({ State: 1 }))).toBeNull();
  });
});

describe("reading a stick's SMS list", () => {
  const list = parseXml(
    writeXml('response', {
      Count: 3,
      Messages: {
        Message: [
          {
            Smstat: 0,
            Index: 40001,
            Phone: '4012',
            Content: '  Forfait 5Go\n3,2 Go  ',
            Date: '2026-12-06 19:00:00',
          },
          { Smstat: 1, Index: 'x', Phone: '4012', Content: 'unreadable index', Date: '' },
          { Smstat: 0, Index: 40003, Phone: '', Content: '', Date: '' },
        ],
      },
    }),
  );

  it('keeps each message with a readable index, its text as sent', () => {
    expect(storedSmsOf(list)).toEqual([
      {
        index: 40001,
        phone: '4012',
        content: '  Forfait 5Go\n3,2 Go  ',
        date: '2026-12-06 19:00:00',
      },
      { index: 40003, phone: '', content: '', date: '' },
    ]);
    expect(storedSmsOf(response({ Count: 0 }))).toEqual([]);
  });

  it('hands a message over whole, with the same key when read again', () => {
    const [first] = storedSmsOf(list);
    if (!first) throw new Error('no message');
    const at = new Date('2026-12-06T08:00:00Z');
    const message = inboxMessageOf(first, { at, via: 'sweep' });
    expect(message).toMatchObject({
      sender: '4012',
      timestamp: '2026-12-06T19:00:00',
      text: '  Forfait 5Go\n3,2 Go  ',
      complete: true,
      parts: 1,
      total: 1,
      indexes: [40001],
      receivedAt: '2026-12-06T08:00:00.000Z',
      via: 'sweep',
      truncated: false,
    });
    expect(inboxMessageOf(first, { at: new Date(), via: 'startup' }).key).toBe(message.key);
    expect(inboxMessageOf({ ...first, content: 'other' }, { at, via: 'sweep' }).key).not.toBe(
      message.key,
    );
  });
});
