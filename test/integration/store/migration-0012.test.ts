import { describe, expect, it } from 'vitest';
import { migrate } from '../../../electron/store/migrate';
import { migrations } from '../../../electron/store/migrations';
import { createModemSettingsStore } from '../../../electron/store/modem-settings';
import { migratedAt, withDatabasesAtVersion } from '../../support/migrations';

const databaseAt = withDatabasesAtVersion();

describe('migration 0012: a modem is its dealer SIM', () => {
  it('keeps the modems of version 11, each to learn its SIM, and binds one SIM to one modem', () => {
    const db = databaseAt(11);
    const insert = db.prepare(`INSERT INTO modems (id, carrier_id, port_path, baud_rate, rtscts,
      updated_at) VALUES (?, 'nc-demo', ?, ?, ?, '2026-11-21T08:00:00Z')`);
    insert.run('modem-1', '/dev/ttyUSB0', null, 0);
    insert.run('modem-2', '/dev/serial/by-id/usb-Quectel_EC25-if02-port0', 115200, 1);

    migrate(db, migrations.slice(0, 12), migratedAt);
    expect(db.pragma('user_version', { simple: true })).toBe(12);
    const settings = createModemSettingsStore(db, migratedAt);
    expect(settings.list()).toEqual([
      {
        id: 'modem-1',
        carrierId: 'nc-demo',
        path: '/dev/ttyUSB0',
        baudRate: null,
        hardwareFlowControl: false,
        iccid: null,
        imei: null,
      },
      {
        id: 'modem-2',
        carrierId: 'nc-demo',
        path: '/dev/serial/by-id/usb-Quectel_EC25-if02-port0',
        baudRate: 115200,
        hardwareFlowControl: true,
        iccid: null,
        imei: null,
      },
    ]);

    expect(
      settings.bindSim('modem-1', { iccid: '89687010000123456788', imei: '356938035643809' }),
    ).toBe(true);
    expect(settings.onSim('89687010000123456788')).toBe('modem-1');
    // Saved again without a SIM (the settings form), the modem keeps the one it learnt.
    settings.save({
      id: 'modem-1',
      carrierId: 'nc-demo',
      path: '/dev/ttyUSB1',
      baudRate: null,
      hardwareFlowControl: false,
      iccid: null,
      imei: null,
    });
    expect(settings.list()[0]).toMatchObject({
      path: '/dev/ttyUSB1',
      iccid: '89687010000123456788',
      imei: '356938035643809',
    });
    // One dealer SIM is one modem; an ICCID is digits only.
    expect(() =>
      settings.bindSim('modem-2', { iccid: '89687010000123456788', imei: null }),
    ).toThrow(/UNIQUE/);
    expect(() =>
      settings.bindSim('modem-2', { iccid: '8968701000012345678X', imei: null }),
    ).toThrow(/CHECK/);
    db.close();
  });
});
