import { describe, expect, it } from 'vitest';
import { migrate } from '../../../electron/store/migrate';
import { migrations } from '../../../electron/store/migrations';
import { migration0013 } from '../../../electron/store/migrations/0013-modem-timeline';
import { createModemCareStore } from '../../../electron/store/modem-care';
import { createModemTimelineStore, TIMELINE_LENGTH } from '../../../electron/store/modem-timeline';
import { migratedAt, withDatabasesAtVersion } from '../../support/migrations';

const databaseAt = withDatabasesAtVersion();

describe('migration 0013: modem timeline and care', () => {
  it('keeps the configured modems of the version before, and keeps each modem’s recent history and a manager’s decisions', () => {
    const db = databaseAt(migration0013.version - 1);
    db.prepare(`INSERT INTO modems (id, carrier_id, port_path, baud_rate, rtscts, updated_at)
      VALUES ('modem-1', 'nc-demo', '/dev/ttyUSB0', NULL, 0, '2026-11-21T09:00:00Z')`).run();

    migrate(db, migrations.slice(0, migration0013.version), migratedAt);
    expect(db.pragma('user_version', { simple: true })).toBe(migration0013.version);
    expect(db.prepare('SELECT id FROM modems').pluck().all()).toEqual(['modem-1']);

    let minute = 0;
    const clock = () => new Date(Date.UTC(2026, 10, 22, 9, minute++));
    const timeline = createModemTimelineStore(db, clock);
    timeline.add('modem-1', 'timeout', 'AT+CSQ: no answer');
    timeline.add('modem-1', 'reset', 'reopen did not cure it');
    timeline.add('modem-2', 'opened', 'generic');
    timeline.add('modem-1', 'healed', 'x'.repeat(5000));
    const entries = timeline.list('modem-1');
    expect(entries.map(({ event }) => event)).toEqual(['timeout', 'reset', 'healed']);
    expect(entries[0]).toEqual({
      at: '2026-11-22T09:00:00.000Z',
      event: 'timeout',
      detail: 'AT+CSQ: no answer',
    });
    expect(entries[2]?.detail).toHaveLength(1000);

    // Bounded per modem: the oldest go, another modem's history stays.
    for (let i = 0; i < TIMELINE_LENGTH + 20; i++) timeline.add('modem-1', 'timeout', `AT #${i}`);
    const kept = timeline.list('modem-1');
    expect(kept).toHaveLength(TIMELINE_LENGTH);
    expect(kept.at(-1)?.detail).toBe(`AT #${TIMELINE_LENGTH + 19}`);
    expect(timeline.list('modem-2')).toHaveLength(1);
    // An event a newer version wrote is left out, not an error.
    db.prepare(`INSERT INTO modem_timeline (modem_id, at, event, detail)
      VALUES ('modem-2', '2026-11-22T10:00:00Z', 'teleported', NULL)`).run();
    expect(timeline.list('modem-2').map(({ event }) => event)).toEqual(['opened']);

    const care = createModemCareStore(db, clock);
    expect(care.heldOut('modem-1')).toBe(false);
    care.setHeldOut('modem-1', true);
    expect(care.heldOut('modem-1')).toBe(true);
    const uhubctl = { program: 'uhubctl', args: ['-l', '1-1', '-p', '3', '-a', 'cycle'] };
    care.setPowerCycle('modem-1', uhubctl);
    expect(care.powerCycle('modem-1')).toEqual(uhubctl);
    expect(care.heldOut('modem-1')).toBe(true);
    care.setHeldOut('modem-1', false);
    expect(care.heldOut('modem-1')).toBe(false);
    expect(care.powerCycle('modem-1')).toEqual(uhubctl);
    care.setPowerCycle('modem-1', null);
    expect(care.powerCycle('modem-1')).toBeNull();
    expect(() =>
      db
        .prepare(`INSERT INTO modem_care (modem_id, power_cycle, updated_at)
        VALUES ('modem-3', 'not json', '2026-11-22')`)
        .run(),
    ).toThrow(/CHECK/);
    db.close();
  });
});
