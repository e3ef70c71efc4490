import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { type Core, createCore } from '../../../electron/core';
import type { Outcome } from '../../../shared/api/bridge';
import { xpf } from '../../support/api';
import { pairTill } from '../../support/drawers';
import { SHIPPED_MODEMS } from '../../support/modem-profiles';
import { counterPrinterAt, startNetworkPrinter } from '../../support/printers';
import { withTempDirs } from '../../support/temp';

const tempDir = withTempDirs();
const carrierDirs = [path.resolve(__dirname, '../../../resources/carriers')];
const quiet = { error: () => {}, warn: () => {}, info: () => {} };
const cores: Core[] = [];
afterEach(async () => {
  await Promise.all(cores.splice(0).map((core) => core.close()));
});

let keys = 0;
const saleOf = (msisdn: string, idempotencyKey = `till-sale-${++keys}`) => ({
  msisdn,
  planId: '1go',
  payment: { method: 'cash' as const, tendered: xpf(1500) },
  idempotencyKey,
});

const result = <T>(outcome: Outcome) => {
  if (!outcome.ok) throw new Error(`${outcome.error.code}: ${outcome.error.message}`);
  return outcome.result as T;
};

interface SaleResult {
  sale: { id: number; status: string; msisdn: string; receiptNumber: number | null };
}

/**
 * The demo carrier with a top-up timeout of 1 s, laid over the shipped one: the line the network
 * never answers (687999999) is `unknown` quickly.
 */
function quickCarrierDir(): string {
  const dir = tempDir();
  const shipped = JSON.parse(
    fs.readFileSync(path.join(carrierDirs[0] ?? '', 'nc-demo.json'), 'utf8'),
  );
  const quick = { ...shipped, topUp: { ...shipped.topUp, timeoutMs: 1000 } };
  fs.writeFileSync(path.join(dir, 'nc-demo.json'), JSON.stringify(quick));
  return dir;
}

/** A demo shop on the simulated bank, with a counter paired: a clerk at each till, a manager's token. */
async function shopWithACounter() {
  const core = await createCore({
    databaseFile: path.join(tempDir(), 'shop.sqlite'),
    demo: true,
    carrierDirs: [...carrierDirs, quickCarrierDir()],
    modemProfileDirs: [SHIPPED_MODEMS],
    // Each USSD answer takes a while: a top-up is still in flight when the other till sells.
    simLatencyMs: 150,
    log: quiet,
  });
  cores.push(core);
  const counter = pairTill(core.db, 'Counter 2');
  // A session is signed in at a till: the clerk signs in at each.
  const signIn = async (device: string | null, name: string, pin: string) =>
    result<{ token: string }>(
      await core.dispatch('auth.login', { name, pin }, null, 'test', device),
    ).token;
  const manager = await signIn(null, 'manager', '9999');
  const at = async (device: string | null) => {
    const token = await signIn(device, 'clerk', '1111');
    return {
      sell: (input: ReturnType<typeof saleOf>) =>
        core.dispatch('sales.renew', input, token, 'test', device),
      call: (name: string, input: unknown, as = token) =>
        core.dispatch(name, input, as, 'test', device),
    };
  };
  return { core, counter, hub: await at(null), atCounter: await at(counter), manager };
}

/** The sales of a number written, and how many of them reached a modem (were sending). */
function salesOfNumber(core: Core, msisdn: string) {
  return core.db
    .prepare<[string], { id: number; till_id: string | null; sent: number }>(
      `SELECT id, till_id, (SELECT count(*) FROM sale_events e
         WHERE e.sale_id = s.id AND e.to_status = 'sending') AS sent
       FROM sales s WHERE msisdn = ? ORDER BY id`,
    )
    .all(msisdn);
}

describe('the same number at two tills', () => {
  it('sends one top-up: the other till is told where it is being sent, and the same key retried is answered', async () => {
    const { core, counter, hub, atCounter } = await shopWithACounter();
    const first = saleOf('687123456');
    const [sold, retried, refused] = await Promise.all([
      atCounter.sell(first),
      atCounter.sell(first),
      hub.sell(saleOf('687 12 34 56')),
    ]);
    const { sale } = result<SaleResult>(sold);
    expect(sale.status).toBe('succeeded');
    expect(result<SaleResult>(retried).sale).toEqual(sale);
    expect(refused).toMatchObject({
      ok: false,
      error: {
        code: 'number_busy',
        message: 'A top-up for this number is being sent at Counter 2',
        params: { till: 'Counter 2' },
      },
    });
    // Nothing was written for the refused sale: one sale, sent once, at the counter's till.
    expect(salesOfNumber(core, '+687123456')).toEqual([{ id: sale.id, till_id: counter, sent: 1 }]);

    // Once the first has its outcome, the number sells again, at the other till.
    const again = result<SaleResult>(await hub.sell(saleOf('687123456')));
    expect(again.sale.status).toBe('succeeded');
    expect(salesOfNumber(core, '+687123456').map((row) => row.till_id)).toEqual([counter, null]);
  });

  it('holds a number whose top-up has no outcome until a manager resolves it, at the sale’s till', async () => {
    const { core, counter, hub, atCounter, manager } = await shopWithACounter();
    const silent = result<SaleResult>(await atCounter.sell(saleOf('687999999'))).sale;
    expect(silent).toMatchObject({ status: 'unknown', receiptNumber: 1 });
    expect(await hub.sell(saleOf('687999999'))).toMatchObject({
      ok: false,
      error: {
        code: 'number_busy',
        message:
          'A top-up for this number sent at Counter 2 has no outcome yet: it is held until it is verified',
        params: { till: 'Counter 2', status: 'unknown' },
      },
    });
    // The manager resolves it at the hub: the correction is issued in the counter's book.
    const resolved = result<SaleResult>(
      await hub.call(
        'sales.resolve',
        { id: silent.id, outcome: 'succeeded', reason: 'the customer shows the SMS' },
        manager,
      ),
    );
    expect(resolved.sale.receiptNumber).toBe(2);
    const correction = core.db
      .prepare<[string], { number: number; tillName: string; corrects: number }>(
        `SELECT number, json_extract(content, '$.tillName') AS tillName,
           json_extract(content, '$.corrects.number') AS corrects
         FROM receipts WHERE device_id = ? ORDER BY number DESC LIMIT 1`,
      )
      .get(counter);
    expect(correction).toEqual({ number: 2, tillName: 'Counter 2', corrects: 1 });
    expect(
      core.db.prepare('SELECT count(*) FROM receipts WHERE device_id != ?').pluck().get(counter),
    ).toBe(0);
    // Resolved, the number sells again (this line is never answered: unknown once more).
    expect(await hub.sell(saleOf('687999999'))).toMatchObject({ ok: true });
  });

  it('does not hold different numbers: two tills sell at once', async () => {
    const { core, counter, hub, atCounter } = await shopWithACounter();
    const [atHub, atTheCounter] = await Promise.all([
      hub.sell(saleOf('687654321')),
      atCounter.sell(saleOf('687777888')),
    ]);
    expect(result<SaleResult>(atHub).sale.status).toBe('succeeded');
    expect(result<SaleResult>(atTheCounter).sale.status).toBe('succeeded');
    expect(salesOfNumber(core, '+687654321')).toMatchObject([{ till_id: null, sent: 1 }]);
    expect(salesOfNumber(core, '+687777888')).toMatchObject([{ till_id: counter, sent: 1 }]);
  });
});

describe('receipts at their till', () => {
  it('numbers and chains each till’s receipts on their own, under the till’s name', async () => {
    const { core, counter, hub, atCounter, manager } = await shopWithACounter();
    const numbers = ['687123456', '687654321', '687777888'];
    const counterSales = [];
    for (const msisdn of numbers.slice(0, 2)) {
      counterSales.push(result<SaleResult>(await atCounter.sell(saleOf(msisdn))).sale);
    }
    const hubSale = result<SaleResult>(await hub.sell(saleOf(numbers[2] ?? ''))).sale;
    expect(counterSales.map((sale) => sale.receiptNumber)).toEqual([1, 2]);
    expect(hubSale.receiptNumber).toBe(1);

    const rows = core.db
      .prepare<[], { device_id: string; number: number; tillName: string; prev: string }>(
        `SELECT device_id, number, json_extract(content, '$.tillName') AS tillName,
           prev_hash AS prev FROM receipts ORDER BY device_id, number`,
      )
      .all();
    const atTheCounter = rows.filter((row) => row.device_id === counter);
    expect(atTheCounter.map((row) => [row.number, row.tillName])).toEqual([
      [1, 'Counter 2'],
      [2, 'Counter 2'],
    ]);
    // Each till's chain starts at its own genesis.
    expect(atTheCounter[0]?.prev).toBe('0'.repeat(64));
    expect(rows.filter((row) => row.device_id !== counter).map((row) => row.number)).toEqual([1]);

    // A receipt is found by its till and number; without a till, at the caller's.
    const ofCounter = result<{ saleId: number; text: string }>(
      await hub.call('receipts.get', { number: 2, tillId: counter }),
    );
    expect(ofCounter.saleId).toBe(counterSales[1]?.id);
    expect(ofCounter.text).toContain('Counter 2');
    expect(
      result<{ saleId: number }>(await atCounter.call('receipts.get', { number: 1 })).saleId,
    ).toBe(counterSales[0]?.id);
    expect(result<{ saleId: number }>(await hub.call('receipts.get', { number: 1 })).saleId).toBe(
      hubSale.id,
    );

    const verified = result<{ tills: { tillName: string; receipts: object }[] }>(
      await hub.call('receipts.verify', {}, manager),
    );
    expect(verified.tills).toEqual([
      { tillId: expect.any(String), tillName: '1', receipts: { ok: true, count: 1 } },
      {
        tillId: counter,
        tillName: 'Counter 2',
        receipts: { ok: true, count: 2 },
        zReports: { ok: true, count: 0 },
      },
    ]);

    // Printed from its till's book: the counter's original is not the hub's receipt 1.
    const printer = await startNetworkPrinter();
    try {
      result(
        await hub.call(
          'printers.save',
          { printers: [counterPrinterAt(printer.port)], defaultPrinterId: 'counter' },
          manager,
        ),
      );
      expect(result(await atCounter.call('receipts.print', { number: 1 }))).toMatchObject({
        number: 1,
        copy: null,
      });
      expect((await printer.nextJob()).toString('latin1')).toContain('Counter 2');
      expect(await hub.call('receipts.get', { number: 1 })).toMatchObject({
        result: { printed: false },
      });
      expect(await hub.call('receipts.get', { number: 1, tillId: counter })).toMatchObject({
        result: { printed: true },
      });
    } finally {
      await printer.close();
    }

    // A receipt altered at the counter's till is found there, and the hub's chain still holds.
    core.db.exec('DROP TRIGGER receipts_are_append_only_update');
    core.db
      .prepare(
        `UPDATE receipts SET content = replace(content, '"Counter 2"', '"Counter 9"')
         WHERE device_id = ? AND number = 1`,
      )
      .run(counter);
    const tampered = result<{ receipts: object; tills: { receipts: object }[] }>(
      await hub.call('receipts.verify', {}, manager),
    );
    expect(tampered.receipts).toEqual({ ok: true, count: 1 });
    expect(tampered.tills[1]?.receipts).toEqual({
      ok: false,
      count: 2,
      brokenAt: 1,
      reason: 'hash_mismatch',
    });
  });

  it('says where each sale was made: the hub’s Sales page gets and prints another till’s receipt', async () => {
    const { counter, hub, atCounter, manager } = await shopWithACounter();
    const atTheCounter = result<SaleResult>(await atCounter.sell(saleOf('687123456'))).sale;
    const atTheHub = result<SaleResult>(await hub.sell(saleOf('687654321'))).sale;
    // Both are receipt 1, each in its own till's book.
    expect([atTheCounter.receiptNumber, atTheHub.receiptNumber]).toEqual([1, 1]);

    type Listed = SaleResult['sale'] & { till: { id: string; name: string } };
    const { sales } = result<{ sales: Listed[] }>(await hub.call('sales.list', {}, manager));
    const listed = (id: number) => sales.find((sale) => sale.id === id);
    expect(listed(atTheCounter.id)?.till).toEqual({ id: counter, name: 'Counter 2' });
    const hubTill = result<{ current: { id: string } }>(await hub.call('tills.list', {})).current;
    expect(listed(atTheHub.id)?.till).toEqual({ id: hubTill.id, name: '1' });

    // The manager on the hub opens the counter's sale: its receipt, not the hub's receipt 1.
    const sale = listed(atTheCounter.id);
    const where = { number: sale?.receiptNumber, tillId: sale?.till.id };
    const opened = result<{ saleId: number; text: string }>(
      await hub.call('receipts.get', where, manager),
    );
    expect(opened.saleId).toBe(atTheCounter.id);
    expect(opened.text).toContain('Counter 2');

    const printer = await startNetworkPrinter();
    try {
      result(
        await hub.call(
          'printers.save',
          { printers: [counterPrinterAt(printer.port)], defaultPrinterId: 'counter' },
          manager,
        ),
      );
      expect(result(await hub.call('receipts.print', where, manager))).toMatchObject({
        number: 1,
        copy: null,
      });
      expect((await printer.nextJob()).toString('latin1')).toContain('Counter 2');
    } finally {
      await printer.close();
    }
    // Logged on the counter's receipt; the hub's receipt 1 is still unprinted.
    expect(await atCounter.call('receipts.get', { number: 1 })).toMatchObject({
      result: { printed: true },
    });
    expect(await hub.call('receipts.get', { number: 1 })).toMatchObject({
      result: { printed: false },
    });
  });

  it('answers not_found for a till the shop does not have', async () => {
    const { hub, manager } = await shopWithACounter();
    result(await hub.sell(saleOf('687123456')));
    const unknown = { code: 'not_found', message: 'No till POS-nowhere' };
    const where = { number: 1, tillId: 'POS-nowhere' };
    expect(await hub.call('receipts.get', where, manager)).toMatchObject({
      ok: false,
      error: unknown,
    });
    expect(await hub.call('receipts.sendSms', where, manager)).toMatchObject({
      ok: false,
      error: unknown,
    });
    expect(await hub.call('receipts.print', where, manager)).toMatchObject({
      ok: false,
      error: unknown,
    });
  });
});

describe('the day report at a counter', () => {
  it('names a sale made at the counter by its receipt number in the counter’s book', async () => {
    const { hub, atCounter } = await shopWithACounter();
    // The hub's book has a receipt 1 of its own: the counter's must not be looked up there.
    result(await hub.call('shifts.open', { float: xpf(5_000) }));
    result<SaleResult>(await hub.sell(saleOf('687654321')));
    result(await atCounter.call('shifts.open', { float: xpf(5_000) }));
    result<SaleResult>(await atCounter.sell(saleOf('687777888')));
    const silent = result<SaleResult>(await atCounter.sell(saleOf('687999999'))).sale;
    expect(silent).toMatchObject({ status: 'unknown', receiptNumber: 2 });

    const x = result<{ report: { unknownSales: { id: number }[]; names: object } }>(
      await atCounter.call('day.getReport', {}),
    );
    expect(x.report.unknownSales.map((sale) => sale.id)).toEqual([silent.id]);
    expect(x.report.names).toMatchObject({ receipts: { [silent.id]: 2 }, till: 'Counter 2' });
  });

  it('gives the accountant a counter’s Z with the counter’s receipts, not the hub’s', async () => {
    const { core, counter, hub, atCounter } = await shopWithACounter();
    result(await hub.call('shifts.open', { float: xpf(5_000) }));
    result<SaleResult>(await hub.sell(saleOf('687654321')));
    result(await atCounter.call('shifts.open', { float: xpf(5_000) }));
    const sold = result<SaleResult>(await atCounter.sell(saleOf('687777888'))).sale;
    // The manager, signed in at the counter, closes its drawer and exports its Z.
    const manager = result<{ token: string }>(
      await core.dispatch('auth.login', { name: 'manager', pin: '9999' }, null, 'test', counter),
    ).token;
    const atCounterAsManager = (name: string, input: unknown) =>
      core.dispatch(name, input, manager, 'test', counter);
    result(
      await atCounterAsManager('day.close', {
        // The float and the sale's cash.
        counted: [
          { denomination: xpf(5_000), count: 1 },
          { denomination: xpf(1_000), count: 1 },
          { denomination: xpf(500), count: 1 },
        ],
      }),
    );
    const { files } = result<{ files: { name: string; base64: string }[] }>(
      await atCounterAsManager('day.export', { zNumber: 1, format: 'csv' }),
    );
    const journal = files.find((file) => file.name.endsWith('-journal.csv'));
    const rows = Buffer.from(journal?.base64 ?? '', 'base64')
      .toString('utf8')
      .trim()
      .split(/\r?\n/);
    // The header, then the counter's one receipt: its sale, at its till.
    expect(rows).toHaveLength(2);
    expect(rows[1]).toContain(counter);
    expect(rows[1]).toContain(`,${sold.id},`);
  });
});
