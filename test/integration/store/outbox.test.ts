import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { recordFact } from '../../../electron/head-office/outbox';
import { migrate } from '../../../electron/store/migrate';
import { migrations } from '../../../electron/store/migrations';
import type { NewFact } from '../../../shared/head-office';
import { withTempDirs } from '../../support/temp';

const tempDir = withTempDirs();

function shopDatabase() {
  const file = path.join(tempDir(), 'shop.sqlite');
  const db = new BetterSqlite3(file);
  migrate(db, migrations, () => new Date('2026-12-07T00:00:00Z'));
  return { db, file };
}

const movement: NewFact = {
  kind: 'cashMovement',
  payload: {
    shiftId: 1,
    tillId: null,
    kind: 'in',
    amount: 5_000,
    currency: 'XPF',
    reason: 'change fund',
    actorId: 1,
    at: '2026-12-07T08:00:00.000Z',
  },
};

describe('the outbox', () => {
  it('writes a fact only inside the transaction of what it records, and not when it rolls back', () => {
    const { db } = shopDatabase();
    const at = new Date('2026-12-07T08:00:00Z');
    expect(() => recordFact(db, movement, at)).toThrow(/in the transaction/);
    expect(() =>
      db.transaction(() => {
        recordFact(db, movement, at);
        throw new Error('the fact itself failed');
      })(),
    ).toThrow(/the fact itself failed/);
    expect(db.prepare('SELECT count(*) FROM outbox').pluck().get()).toBe(0);

    const [first, second] = db.transaction(
      () => [recordFact(db, movement, at), recordFact(db, movement, at)] as const,
    )();
    expect(second > first).toBe(true);
    expect(
      JSON.parse(
        db.prepare('SELECT payload FROM outbox WHERE id = ?').pluck().get(first) as string,
      ),
    ).toEqual(movement.payload);
  });

  it('refuses a fact the head office would refuse, and keeps ids growing across a reopen and a clock set back', () => {
    const { db, file } = shopDatabase();
    const bad = { ...movement, payload: { ...movement.payload, amount: -1 } } as NewFact;
    expect(() => db.transaction(() => recordFact(db, bad, new Date()))()).toThrow();
    const first = db.transaction(() =>
      recordFact(db, movement, new Date('2026-12-07T09:00:00Z')),
    )();
    db.close();

    const reopened = new BetterSqlite3(file);
    const second = reopened.transaction(() =>
      recordFact(reopened, movement, new Date('2026-12-01T09:00:00Z')),
    )();
    expect(second > first).toBe(true);
    reopened.close();
  });
});
