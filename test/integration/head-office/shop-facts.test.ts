import path from 'node:path';
import type { Database } from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { createCore } from '../../../electron/core';
import { closureChainName } from '../../../electron/periods/book';
import { receiptHash } from '../../../electron/sales/receipt-chain';
import { chainHash } from '../../../electron/store/hash-chain';
import { type Fact, type FactKind, factSchema } from '../../../shared/head-office';
import type { ReceiptContent } from '../../../shared/receipt';
import { closedNovember } from '../../support/closures';
import { withTestHosts } from '../../support/host';
import { SHIPPED_MODEMS } from '../../support/modem-profiles';

const startTestHost = withTestHosts();

describe('a shop’s outbox after two days and a month closed', () => {
  it('holds every fact of its books, in order, each hashing as its chain does', async () => {
    const { core, closure } = await closedNovember(startTestHost);
    const rows = core.db.prepare('SELECT id, kind, payload FROM outbox ORDER BY id').all() as {
      id: string;
      kind: FactKind;
      payload: string;
    }[];
    const facts = rows.map(
      (row) => factSchema.parse({ ...row, payload: JSON.parse(row.payload) }) as Fact,
    );
    const count = (sql: string) => core.db.prepare(sql).pluck().get() as number;
    const ofKind = <K extends FactKind>(kind: K) =>
      facts.filter((fact): fact is Extract<Fact, { kind: K }> => fact.kind === kind);

    // Two sales, each sent, then succeeded; each with its receipt.
    expect(ofKind('sale').map(({ payload }) => [payload.status, payload.price])).toEqual([
      ['succeeded', expect.any(Number)],
      ['succeeded', expect.any(Number)],
    ]);
    expect(ofKind('receipt')).toHaveLength(count('SELECT count(*) FROM receipts'));
    for (const { payload } of ofKind('receipt')) {
      const content = payload.content as unknown as ReceiptContent;
      expect(receiptHash(content, payload.prevHash)).toBe(payload.hash);
    }
    expect(ofKind('zReport').map(({ payload }) => payload.number)).toEqual([1, 2]);
    for (const { payload } of ofKind('zReport')) {
      expect(chainHash(payload.prevHash, payload.content, 'z')).toBe(payload.hash);
    }
    expect(ofKind('periodClosure').map(({ payload }) => payload.hash)).toEqual([closure.hash]);
    for (const { payload } of ofKind('periodClosure')) {
      expect(chainHash(payload.prevHash, payload.content, closureChainName)).toBe(payload.hash);
    }
    expect(ofKind('audit')).toHaveLength(count('SELECT count(*) FROM audit_events'));
    for (const { payload } of ofKind('audit')) {
      expect(chainHash(payload.prevHash, payload.content, 'audit_events')).toBe(payload.hash);
    }
    // A sale's receipt follows its outcome; a books check follows each day's Z report.
    const order = facts.map((fact) => fact.kind).filter((kind) => kind !== 'audit');
    expect(order.filter((kind) => kind !== 'dealerBalance')).toEqual([
      'sale',
      'receipt',
      'zReport',
      'booksCheck',
      'sale',
      'receipt',
      'zReport',
      'booksCheck',
      'periodClosure',
    ]);
    const lastCheck = ofKind('booksCheck').at(-1)?.payload.tills;
    expect(lastCheck).toEqual([
      {
        tillId: null,
        receipts: ofKind('receipt').map(({ payload }) => ({
          number: payload.number,
          hash: payload.hash,
        })),
      },
    ]);
  });

  it('sends a books check at each start, of the receipts as they stand then', async () => {
    const { core, databaseFile } = await closedNovember(startTestHost);
    const checks = (db: Database) =>
      (
        db.prepare("SELECT payload FROM outbox WHERE kind = 'booksCheck' ORDER BY id").all() as {
          payload: string;
        }[]
      ).map((row) => JSON.parse(row.payload) as { tills: unknown[] });
    const before = checks(core.db);
    await core.close();
    const again = await createCore({
      databaseFile,
      demo: true,
      carrierDirs: [path.resolve(__dirname, '../../../resources/carriers')],
      modemProfileDirs: [SHIPPED_MODEMS],
      log: { error: () => {}, warn: () => {}, info: () => {} },
    });
    try {
      const after = checks(again.db);
      expect(after).toHaveLength(before.length + 1);
      expect(after.at(-1)?.tills).toEqual(before.at(-1)?.tills);
    } finally {
      await again.close();
    }
  });
});
