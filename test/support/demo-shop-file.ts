import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { type Core, createCore } from '../../electron/core';
import { xpf } from './api';
import { SHIPPED_MODEMS } from './modem-profiles';

const quiet = { error: () => {}, warn: () => {}, info: () => {} };
const customers = ['687123456', '687654321', '687777888', '687100000'];

/**
 * A demo shop running on a real database file: a clerk sells top-ups (paid by card), a manager
 * closes days. For tests that need a file with real sales, receipts and Z reports in it.
 */
export async function demoShopOnFile(databaseFile: string) {
  const core: Core = await createCore({
    databaseFile,
    demo: true,
    carrierDirs: [path.resolve(__dirname, '../../resources/carriers')],
    modemProfileDirs: [SHIPPED_MODEMS],
    log: quiet,
  });
  const call = async (name: string, input: unknown, token: string | null = null) => {
    const answer = await core.dispatch(name as never, input as never, token);
    if (!answer.ok) throw new Error(`${name} refused: ${JSON.stringify(answer)}`);
    return answer.result as Record<string, unknown>;
  };
  const tokenOf = async (name: string, pin: string) =>
    (await call('auth.login', { name, pin })).token as string;
  const clerk = await tokenOf('clerk', '1111');
  const manager = await tokenOf('manager', '9999');
  let sold = core.db.prepare('SELECT count(*) FROM sales').pluck().get() as number;
  return {
    core,
    /**
     * Sells `count` more top-ups, to the demo carrier's customers in turn: three it tops up, and
     * one number it does not know, refused and refunded.
     */
    async sell(count: number) {
      for (let n = 0; n < count; n++) {
        sold++;
        await call(
          'sales.renew',
          {
            msisdn: customers[sold % customers.length],
            planId: '1go',
            payment: { method: 'card', reference: `slip-${sold}` },
            idempotencyKey: `demo-shop-file-sale-${String(sold).padStart(5, '0')}`,
          },
          clerk,
        );
      }
    },
    openShift: () => call('shifts.open', { float: xpf(0) }, clerk),
    closeDay: () => call('day.close', { counted: [] }, manager),
  };
}

/** The rows of a table of a closed database file, in rowid order. */
export function rowsOf(file: string, table: string): Record<string, unknown>[] {
  const db = new BetterSqlite3(file, { readonly: true, fileMustExist: true });
  try {
    return db.prepare(`SELECT * FROM ${table} ORDER BY rowid`).all() as Record<string, unknown>[];
  } finally {
    db.close();
  }
}
