import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { createClosureBook } from '../../../electron/periods/book';
import { refusal, signedIn, xpf } from '../../support/api';
import { withTestHosts } from '../../support/host';
import { startNetworkPrinter } from '../../support/printers';
import { withTempDirs } from '../../support/temp';

const startTestHost = withTestHosts();
const tempDir = withTempDirs();

/** 09:00 on a day of the shop's calendar in Nouméa (UTC+11, no daylight saving). */
const morning = (date: string) => new Date(`${date}T09:00:00+11:00`);

let keys = 0;

/** A demo shop whose clock the test moves: a shift a day, sold and closed. */
async function shopOnTheClock(first: string) {
  let clock = morning(first);
  const started = await startTestHost({ demo: true, now: () => clock });
  const signIn = async () => ({
    manager: await signedIn(started.host.url, 'manager', '9999'),
    clerk: await signedIn(started.host.url, 'clerk', '1111'),
  });
  let people = await signIn();
  // Sessions end when the clock jumps days ahead: the shop's people sign in again.
  const at = async (instant: Date) => {
    clock = instant;
    people = await signIn();
  };
  const sell = (msisdn: string, planId: string) =>
    people.clerk.call('sales.renew', {
      msisdn,
      planId,
      payment: { method: 'card', reference: 'TPE' },
      idempotencyKey: `periods-${++keys}`,
    });
  const closeDay = () =>
    people.manager.call('day.close', { counted: [], reason: 'Counted by the test, not in cash' });
  /** A day: opened at 09:00, a sale at 10:00, closed at 18:00 (local). */
  async function day(date: string, msisdn = '687123456') {
    await at(morning(date));
    await people.clerk.call('shifts.open', { float: xpf(0) });
    await at(new Date(morning(date).getTime() + 3_600_000));
    await sell(msisdn, '1go');
    await at(new Date(morning(date).getTime() + 9 * 3_600_000));
    return (await closeDay()).z;
  }
  return {
    ...started,
    get manager() {
      return people.manager;
    },
    get clerk() {
      return people.clerk;
    },
    at,
    sell,
    closeDay,
    day,
  };
}

const november = { kind: 'month', period: '2026-11' } as const;

describe('closing a month', () => {
  it('is refused before the month has ended in the shop’s zone, then closes once', async () => {
    const shop = await shopOnTheClock('2026-11-02');
    await shop.day('2026-11-02');
    await shop.day('2026-11-30');
    // 23:30 on 30 November in Nouméa: still November there, though 1 December in some zones.
    await shop.at(new Date('2026-11-30T23:30:00+11:00'));
    const early = await refusal(shop.manager.call('periods.close', november));
    expect(early).toMatchObject({ code: 'conflict', params: { reason: 'not_ended' } });

    await shop.at(new Date('2026-12-01T00:00:00+11:00'));
    const { closure } = await shop.manager.call('periods.close', november);
    expect(closure).toMatchObject({
      kind: 'month',
      period: '2026-11',
      number: 1,
      closedBy: 'manager',
      from: '2026-10-31T13:00:00.000Z',
      to: '2026-11-30T13:00:00.000Z',
      zReports: { first: 1, last: 2, count: 2 },
      totals: {
        sales: 2,
        gross: { amount: 3_000 },
        refunds: { amount: 0 },
        net: { amount: 3_000 },
      },
      byPayment: [{ method: 'card', sales: 2, amount: { amount: 3_000 } }],
      perpetual: { grandTotal: { amount: 3_000, currency: 'XPF' }, count: 2 },
    });
    expect(closure.prevHash).toBe('0'.repeat(64));

    const twice = await refusal(shop.manager.call('periods.close', november));
    expect(twice).toMatchObject({ code: 'conflict', params: { reason: 'closed' } });
    expect(await shop.manager.call('periods.get', november)).toEqual({ closure });
    expect(await shop.manager.call('periods.list', {})).toEqual({ closures: [closure] });
  });

  it('is refused while a shift holding its sales is open, naming it, and writes nothing', async () => {
    const shop = await shopOnTheClock('2026-11-27');
    await shop.day('2026-11-27');
    await shop.at(morning('2026-11-28'));
    await shop.clerk.call('shifts.open', { float: xpf(0) });
    await shop.sell('687123456', '1go');
    await shop.at(morning('2026-12-01'));
    const open = await refusal(shop.manager.call('periods.close', november));
    expect(open).toMatchObject({
      code: 'conflict',
      params: { reason: 'shift_open', at: '2026-11-28 09:00:00' },
    });
    expect(shop.core.db.prepare('SELECT count(*) FROM period_closures').pluck().get()).toBe(0);
  });

  it('is refused while a day of it sold without being closed by a Z', async () => {
    const shop = await shopOnTheClock('2026-11-10');
    await shop.day('2026-11-10');
    // A sale made with no shift open, on a day never closed.
    await shop.at(new Date('2026-11-20T15:00:00+11:00'));
    await shop.sell('687123456', '5go');
    await shop.at(morning('2026-12-02'));
    const missing = await refusal(shop.manager.call('periods.close', november));
    expect(missing).toMatchObject({
      code: 'conflict',
      params: { reason: 'outside_z', count: 1, at: '2026-11-20 15:00:00' },
    });
    // Once that day is closed (its Z issued in December), November closes.
    await shop.clerk.call('shifts.open', { float: xpf(0) });
    await shop.closeDay();
    const { closure } = await shop.manager.call('periods.close', november);
    expect(closure.zReports).toEqual({ first: 1, last: 1, count: 1 });
  });

  it('is a manager’s: a clerk is refused without a manager’s PIN', async () => {
    const shop = await shopOnTheClock('2026-11-10');
    await shop.at(morning('2026-12-02'));
    expect((await refusal(shop.clerk.call('periods.close', november))).code).toBe('forbidden');
  });
});

describe('closing a year', () => {
  it('waits for its twelve months, sums them, and chains each closure to the one before', async () => {
    const shop = await shopOnTheClock('2026-01-05');
    await shop.day('2026-01-05');
    await shop.day('2026-06-15');
    await shop.day('2026-12-20');
    await shop.at(morning('2027-01-02'));
    const year = { kind: 'year', period: '2026' } as const;
    const early = await refusal(shop.manager.call('periods.close', year));
    expect(early).toMatchObject({ code: 'conflict', params: { reason: 'months_open' } });
    expect(early.params?.months).toContain('2026-01');
    const months = [];
    for (let month = 1; month <= 12; month += 1) {
      const period = `2026-${String(month).padStart(2, '0')}`;
      months.push((await shop.manager.call('periods.close', { kind: 'month', period })).closure);
    }
    expect(months.map((closure) => closure.number)).toEqual([
      1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12,
    ]);
    for (const [index, closure] of months.entries()) {
      expect(closure.prevHash).toBe(index === 0 ? '0'.repeat(64) : months[index - 1]?.hash);
    }
    const { closure } = await shop.manager.call('periods.close', year);
    expect(closure).toMatchObject({
      number: 1,
      zReports: { first: 1, last: 3, count: 3 },
      totals: { sales: 3, net: { amount: 4_500 } },
      perpetual: { grandTotal: { amount: 4_500 }, count: 3 },
    });
    expect(closure.totals.net.amount).toBe(
      months.reduce((sum, month) => sum + month.totals.net.amount, 0),
    );
  });
});

describe('the closures’ chain', () => {
  it('names a closure changed in the file, once the trigger that guards it is gone', async () => {
    const shop = await shopOnTheClock('2026-10-05');
    await shop.day('2026-10-05');
    await shop.day('2026-11-05');
    await shop.at(morning('2026-12-03'));
    await shop.manager.call('periods.close', { kind: 'month', period: '2026-10' });
    await shop.manager.call('periods.close', november);
    const copy = `${tempDir()}/tampered.sqlite`;
    await shop.core.db.backup(copy);
    const db = new Database(copy);
    const book = createClosureBook(db, {
      deviceId: shop.core.db
        .prepare('SELECT device_id FROM period_closures')
        .pluck()
        .get() as string,
      now: () => new Date(),
    });
    expect(book.verify('month')).toEqual({ ok: true, count: 2 });
    // The database refuses the change; a forger with the file drops the trigger first.
    expect(() => db.prepare("UPDATE period_closures SET closed_by = 'x'").run()).toThrow();
    db.exec('DROP TRIGGER period_closures_are_never_changed');
    const content = db
      .prepare("SELECT content FROM period_closures WHERE period = '2026-10'")
      .pluck()
      .get() as string;
    // One byte: the October net takings of 1 500 F become 9 500 F.
    const forged = content.replace('"net":{"amount":1500', '"net":{"amount":9500');
    expect(forged).not.toBe(content);
    db.prepare("UPDATE period_closures SET content = ? WHERE period = '2026-10'").run(forged);
    expect(book.verify('month')).toEqual({
      ok: false,
      count: 1,
      brokenAt: 1,
      reason: 'hash_mismatch',
    });
    db.close();
    expect(fs.existsSync(copy)).toBe(true);
  });
});

describe('printing a closure', () => {
  it('sends it to the till printer in the shop’s language, with its whole hash', async () => {
    const shop = await shopOnTheClock('2026-11-02');
    await shop.day('2026-11-02');
    await shop.at(morning('2026-12-01'));
    const { closure } = await shop.manager.call('periods.close', november);
    const printer = await startNetworkPrinter();
    try {
      await shop.manager.call('printers.save', {
        printers: [
          {
            id: 'counter',
            name: 'Counter',
            paper: '80mm',
            kind: 'tcp',
            host: '127.0.0.1',
            port: printer.port,
          },
        ],
        defaultPrinterId: 'counter',
      });
      expect(await shop.manager.call('periods.print', november)).toEqual({
        printerId: 'counter',
        printerName: 'Counter',
        file: null,
        copy: false,
      });
      // Ô is printed from code page 850, which the test's reader does not know: read as bytes.
      const job = (await printer.nextJob()).toString('latin1');
      expect(job).toContain('MENSUELLE');
      expect(job).not.toContain('DUPLICATA');
      expect(job).toContain(closure.hash.slice(0, 48));
      expect(job).toContain(closure.hash.slice(48));
      // Every print after the first says it is a copy.
      expect((await shop.manager.call('periods.print', november)).copy).toBe(true);
      expect((await printer.nextJob()).toString('latin1')).toContain('DUPLICATA');
    } finally {
      await printer.close();
    }
  });

  it('writes it to a PDF printer as an A4 document: numbered pages, the chain hash in the footer', async () => {
    const shop = await shopOnTheClock('2026-11-02');
    await shop.day('2026-11-02');
    await shop.at(morning('2026-12-01'));
    const { closure } = await shop.manager.call('periods.close', november);
    await shop.manager.call('printers.save', {
      printers: [{ id: 'pdf', name: 'PDF', paper: '80mm', kind: 'pdf' }],
      defaultPrinterId: 'pdf',
    });
    const { file, copy } = await shop.manager.call('periods.print', november);
    expect(copy).toBe(false);
    const pdf = file as string;
    expect(path.basename(pdf)).toBe(`closure-${closure.deviceId}-month-2026-11.pdf`);
    const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
    expect(info, info).toMatch(/Page size: +\S+ x \S+ pts \(A4\)/);
    const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
    expect(text).toMatch(/Page 1 sur \d/);
    expect(text).toContain(closure.hash);
    expect(text).toMatch(/Taux +Hors taxe +TGC +TTC/);
  }, 120_000);
});
