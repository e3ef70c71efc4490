import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { InboxMessage } from '../../../electron/gsm/sms';
import { openDatabase } from '../../../electron/store/database';
import { createReceivedSmsStore } from '../../../electron/store/received-sms';
import { receivedOn } from '../../support/received-sms';
import { withTempDirs } from '../../support/temp';

const tempDir = withTempDirs();

function store() {
  const { db } = openDatabase(path.join(tempDir(), 'shop.sqlite'));
  return { db, sms: createReceivedSmsStore(db) };
}

function message(overrides: Partial<InboxMessage> = {}): InboxMessage {
  return {
    key: 'sms-0001',
    supersedes: null,
    indexes: [1],
    sender: '+6874012',
    timestamp: '2026-05-04T09:30:00+11:00',
    text: 'Forfait 5Go : il vous reste 3,2 Go',
    encoding: 'gsm7',
    complete: true,
    parts: 1,
    total: 1,
    missing: [],
    smsc: '+687900100',
    receivedAt: '2026-05-03T22:30:01.000Z',
    via: 'cmti',
    error: null,
    pdu: null,
    warnings: [],
    truncated: false,
    ...overrides,
  };
}

describe('the received SMS store', () => {
  it('keeps a message read twice (a restart before the SIM copy went) once', () => {
    const { db, sms } = store();
    const inbox = sms.forModem('modem-1');
    inbox.save(message());
    inbox.save(message({ indexes: [4], via: 'startup' }));
    expect(receivedOn(db, 'modem-1')).toEqual([
      {
        id: 1,
        sender: '+6874012',
        text: 'Forfait 5Go : il vous reste 3,2 Go',
        sentAt: '2026-05-04T09:30:00+11:00',
        receivedAt: '2026-05-03T22:30:01.000Z',
        complete: true,
        error: null,
      },
    ]);
    db.close();
  });

  it('keeps the same message received by two modems for each', () => {
    const { db, sms } = store();
    sms.forModem('modem-1').save(message());
    sms.forModem('modem-2').save(message());
    expect(receivedOn(db, 'modem-1')).toHaveLength(1);
    expect(receivedOn(db, 'modem-2')).toHaveLength(1);
    db.close();
  });

  it('completes a message kept incomplete when its missing part arrives, in the same row', () => {
    const { db, sms } = store();
    const inbox = sms.forModem('modem-1');
    inbox.save(
      message({ key: 'sms-part', text: 'Forfait 5Go : ', complete: false, parts: 1, total: 2 }),
    );
    inbox.save(message({ key: 'sms-whole', supersedes: 'sms-part', parts: 2, total: 2 }));
    expect(receivedOn(db, 'modem-1')).toEqual([
      expect.objectContaining({
        id: 1,
        text: 'Forfait 5Go : il vous reste 3,2 Go',
        complete: true,
      }),
    ]);
    // Read again after a restart, the whole message is still kept once.
    inbox.save(message({ key: 'sms-whole', parts: 2, total: 2 }));
    expect(receivedOn(db, 'modem-1')).toHaveLength(1);
    db.close();
  });

  it('keeps an undecodable PDU raw, with why it could not be read', () => {
    const { db, sms } = store();
    sms.forModem('modem-1').save(
      message({
        key: 'raw-3-abc',
        sender: null,
        timestamp: null,
        text: '',
        encoding: null,
        complete: false,
        error: { code: 'truncated', message: 'the PDU ends early' },
        pdu: '0791',
      }),
    );
    expect(receivedOn(db, 'modem-1')).toEqual([
      expect.objectContaining({ sender: null, error: 'truncated: the PDU ends early' }),
    ]);
    expect(db.prepare('SELECT pdu FROM sms_messages').pluck().get()).toBe('0791');
    db.close();
  });
});
