import path from 'node:path';
import type { Database } from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { recordFact } from '../../../electron/head-office/outbox';
import { nextBatch } from '../../../electron/head-office/outbox-batches';
import { openDatabase } from '../../../electron/store/database';
import { batchLimits, type NewFact } from '../../../shared/head-office';
import { withTempDirs } from '../../support/temp';

const tempDir = withTempDirs();
const at = new Date('2026-12-07T08:00:00Z');
const hash = 'a'.repeat(64);

function shop(): Database {
  const { db } = openDatabase(path.join(tempDir(), 'shop.sqlite'));
  return db;
}

/** An audit event whose stored content is `content` (an imported file's summary, a long note…). */
const auditWith = (content: Record<string, unknown>): NewFact => ({
  kind: 'audit',
  payload: {
    tillId: null,
    number: 1,
    content,
    hash,
    prevHash: hash,
    kind: 'carriers.saved',
    actor: 'manager:1',
    at: at.toISOString(),
  },
});

const record = (db: Database, fact: NewFact) => db.transaction(() => recordFact(db, fact, at))();
const stored = (db: Database) =>
  JSON.parse(db.prepare('SELECT payload FROM outbox').pluck().get() as string) as {
    content: Record<string, string>;
  };

describe('a fact as the head office can take it', () => {
  it('goes without NUL, wherever it sits', () => {
    const db = shop();
    record(db, auditWith({ note: 'a\u0000b', lines: ['c\u0000'] }));
    expect(stored(db).content).toEqual({ note: 'ab', lines: ['c'] });
  });

  it('bigger than a batch may be, has its longest texts cut, and goes alone within the bound', () => {
    const db = shop();
    const long = 'é'.repeat(700_000);
    record(db, auditWith({ before: long, after: long, note: 'kept' }));
    const [fact] = nextBatch(db);
    const body = JSON.stringify({ facts: [fact], backlog: 0, catalogVersion: 0 });
    expect(Buffer.byteLength(body)).toBeLessThanOrEqual(batchLimits.bytes);
    const { content } = stored(db);
    expect(content.note).toBe('kept');
    expect(content.before?.length).toBeLessThan(long.length);
    expect(content.before?.startsWith('éé')).toBe(true);
  });

  it('too big with every text cut is refused where it is written, and nothing is kept', () => {
    const db = shop();
    const many = Object.fromEntries(
      Array.from({ length: 120_000 }, (_, index) => [`k${index}`, index]),
    );
    expect(() => record(db, auditWith(many))).toThrow(/more than the \d+ the head office accepts/);
    expect(db.prepare('SELECT count(*) FROM outbox').pluck().get()).toBe(0);
  });
});
