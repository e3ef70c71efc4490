/**
 * The fault soak (issue 12): the built host in shop mode with eight simulated modems of the demo
 * carrier on real pseudo-terminals, reached through by-id-like links the bench moves; four
 * clerks sell renewals over HTTP while a seeded driver injects faults at random (fault-driver.ts:
 * unplug during a top-up, renumbering, hang, late answers, garbage on the line, dealer float
 * running out). Afterwards, from the shop's database and the simulated networks' own records:
 * no top-up reached a network twice, no sale was lost, every sale is final or `unknown` with its
 * reason, and the share of sales that succeeded while a healthy modem existed.
 *
 * Healthy, precisely: a modem is healthy at an instant when no fault window of the driver covers
 * it (a window runs from the moment the driver breaks the modem until it has mended it: back on
 * a port, float refilled, answers on time again). A sale counts for the share when at no instant
 * between the clerk's first request and the final answer were all eight modems faulted.
 *
 * `npx electron-vite build && npm run -s bench -- bench/fault-soak.bench.ts`; 500 sales by
 * default, `COMPTOIR_FAULT_SOAK_SALES=60` checks the bench itself, `COMPTOIR_FAULT_SEED=<n>`
 * replays a run's faults: their kinds in the same order, each with the same durations (which
 * modem each strikes, and when, also follow the machine's pace: a busy machine sells slower).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { expect, test } from 'vitest';
import { DEMO_CARRIER } from '../electron/gsm/simulator/demo-carrier';
import type { Client } from '../shared/api/client';
import { ApiError } from '../shared/api/errors';
import { signedIn } from '../test/support/api';
import { finished, firstLine, spawnCli } from '../test/support/cli';
import {
  createFaultBench,
  FAULT_KINDS,
  type FaultKind,
  type FaultWindow,
  noHealthyModem,
} from './fault-driver';
import { percentile, report } from './report';
import { seededRandom, shopDatabaseWithClerks } from './shop';

const sales = Number(process.env.COMPTOIR_FAULT_SOAK_SALES ?? 500);
const seed = Number(process.env.COMPTOIR_FAULT_SEED ?? Math.floor(Math.random() * 2 ** 31));
/**
 * The simulated network's delay for each USSD answer: the five-round top-up then takes a few
 * seconds, as a real one does, so that faults land during sales and not between bursts.
 */
const latencyMs = Number(process.env.COMPTOIR_FAULT_SOAK_LATENCY_MS ?? 600);
const clerks = 4;
const modemCount = 8;
/** The driver waits this long, at random, between two faults, and never breaks more at once. */
const faultGapMs = [2_000, 9_000] as const;
const maxFaultedAtOnce = 3;
/** The share of requests whose answer the clerk never sees: the counter retries, same key. */
const lostAnswerShare = 0.05;
const target = 0.99;
const finalStatuses = new Set(['succeeded', 'failed', 'unknown']);

/** The customers: one line each, so the networks' records tell each sale's top-up apart. */
const customerOf = (index: number) => `6877${String(50_000 + index).padStart(5, '0')}`;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface Sold {
  index: number;
  key: string;
  start: number;
  end: number;
  status: string | null;
  attempts: number;
  lostAnswers: number;
  errors: string[];
}

/**
 * One clerk selling from the shared queue: each renewal is asked until it has an outcome, with
 * the same idempotency key each time, as the counter does when an answer is lost or refused.
 */
async function sell(clerk: Client, name: string, queue: number[], random: () => number) {
  const sold: Sold[] = [];
  for (let index = queue.shift(); index !== undefined; index = queue.shift()) {
    const key = `fault-soak-${seed}-${index}`;
    const request = {
      msisdn: customerOf(index),
      planId: '1go',
      payment: { method: 'card' as const, reference: `SOAK-${index}` },
      idempotencyKey: key,
    };
    const entry: Sold = {
      index,
      key,
      start: Date.now(),
      end: 0,
      status: null,
      attempts: 0,
      lostAnswers: 0,
      errors: [],
    };
    while (entry.status === null && entry.attempts < 40) {
      entry.attempts += 1;
      if (random() < lostAnswerShare) {
        // The request leaves; its answer never reaches the counter, which asks again.
        entry.lostAnswers += 1;
        clerk.call('sales.renew', request).catch(() => {});
        await sleep(Math.round(random() * 2000));
        continue;
      }
      try {
        const { sale } = await clerk.call('sales.renew', request);
        entry.status = sale.status;
      } catch (error) {
        entry.errors.push(error instanceof ApiError ? error.code : String(error));
        await sleep(1000);
      }
    }
    entry.end = Date.now();
    sold.push(entry);
  }
  return { name, sold };
}

/** Draws faults until `done()`: a random pause, a random kind, a random healthy modem. */
async function driveFaults(
  bench: ReturnType<typeof createFaultBench>,
  random: () => number,
  done: () => boolean,
) {
  const injected: FaultKind[] = [];
  while (!done()) {
    await sleep(faultGapMs[0] + random() * (faultGapMs[1] - faultGapMs[0]));
    if (done() || bench.faultedNow() >= maxFaultedAtOnce) continue;
    const kind = FAULT_KINDS[Math.floor(random() * FAULT_KINDS.length)] as FaultKind;
    if (bench.inject(kind)) injected.push(kind);
  }
  return injected;
}

test(
  `fault soak: ${sales} renewals from ${clerks} clerks on ${modemCount} modems with faults`,
  async () => {
    console.log(`[fault soak] seed ${seed} (COMPTOIR_FAULT_SEED=${seed} replays its faults)`);
    const loadBefore = os.loadavg();
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'comptoir-fault-soak-'));
    const databaseFile = path.join(dir, 'comptoir.sqlite');
    shopDatabaseWithClerks(databaseFile, clerks);
    const faultRandom = seededRandom(seed);
    let owner: Client | null = null;
    const bench = createFaultBench({
      dir,
      modems: modemCount,
      customers: Array.from({ length: sales }, (_, index) => ({
        number: customerOf(index),
        plan: '1Go',
        remainingMb: 0,
        validForDays: 3,
      })),
      // Enough for the whole soak: a float that runs out is the driver's fault, not the setup's.
      float: 1_000_000,
      profile: `slow(${latencyMs})`,
      random: faultRandom,
      async bankState(modemId) {
        if (!owner) return null;
        const { modems } = await owner.call('modems.list', {});
        return modems.find((modem) => modem.id === modemId)?.state ?? null;
      },
    });
    await bench.plugAll();
    const child = spawnCli(['serve', '--db', databaseFile, '--port', '0', '--json']);
    const done = finished(child);
    try {
      const { url } = JSON.parse(await firstLine(child));
      owner = await signedIn(url, 'owner', '2468');
      const shop = owner;
      for (const modem of bench.modems()) {
        await shop.call('modems.save', {
          id: modem.id,
          carrierId: 'nc-demo',
          path: modem.byId,
          dealerPin: DEMO_CARRIER.dealer.pin,
        });
      }
      const allReady = async () => {
        const { modems } = await shop.call('modems.list', {});
        return modems.length === modemCount && modems.every((modem) => modem.state === 'ready');
      };
      for (let tries = 0; !(await allReady()); tries++) {
        if (tries > 600) throw new Error('The eight modems never were all ready');
        await sleep(100);
      }
      const signedInClerks = await Promise.all(
        Array.from({ length: clerks }, (_, index) =>
          signedIn(url, `clerk-${index + 1}`, `${index + 1}`.repeat(4)),
        ),
      );

      const started = Date.now();
      const queue = Array.from({ length: sales }, (_, index) => index);
      let selling = true;
      const faultsDriven = driveFaults(bench, faultRandom, () => !selling);
      const sold = (
        await Promise.all(
          signedInClerks.map((clerk, index) =>
            sell(clerk, `clerk-${index + 1}`, queue, seededRandom(seed + index + 1)),
          ),
        )
      ).flatMap((clerk) => clerk.sold);
      selling = false;
      const sellingMs = Date.now() - started;
      const injected = await faultsDriven;
      await bench.settle();
      // Late answers may still settle unknown sales: wait until no modem waits for one.
      for (let tries = 0; tries < 1200; tries++) {
        const { modems } = await shop.call('modems.list', {});
        if (modems.every((modem) => modem.state === 'ready')) break;
        await sleep(100);
      }

      child.kill('SIGTERM');
      const { code } = await done;

      const db = new BetterSqlite3(databaseFile, { readonly: true });
      const rows = db
        .prepare<
          [],
          {
            key: string;
            status: string;
            msisdn: string;
            modem: string | null;
            reason: string | null;
            sendingAt: string | null;
            settledAt: string | null;
          }
        >(
          `SELECT s.idempotency_key AS key, s.status, s.msisdn, s.modem_id AS modem,
             (SELECT e.reason FROM sale_events e WHERE e.sale_id = s.id ORDER BY e.id DESC LIMIT 1)
               AS reason,
             (SELECT min(e.at) FROM sale_events e WHERE e.sale_id = s.id AND e.to_status = 'sending')
               AS sendingAt,
             (SELECT min(e.at) FROM sale_events e
               WHERE e.sale_id = s.id AND e.to_status IN ('succeeded', 'failed', 'unknown'))
               AS settledAt
           FROM sales s`,
        )
        .all();
      const settledLate = db
        .prepare(
          "SELECT count(*) FROM sale_events WHERE from_status = 'unknown' AND to_status IN ('succeeded', 'failed')",
        )
        .pluck()
        .get();
      db.close();
      const byKey = new Map(rows.map((row) => [row.key, row]));
      const windows = bench.windows();
      const applied = bench.appliedTopUps();
      await bench.stopAll();

      // Top-ups that reached a network, by customer (one customer per sale).
      const reached = new Map<string, number>();
      for (const topUp of applied)
        reached.set(topUp.customer, (reached.get(topUp.customer) ?? 0) + 1);
      const sentTwice = [...reached].filter(([, times]) => times > 1);
      const reachedOf = (msisdn: string) => reached.get(msisdn.replace(/^\+/, '')) ?? 0;

      const lost = sold.filter((entry) => !byKey.has(entry.key)).map((entry) => entry.key);
      const byStatus: Record<string, number> = {};
      for (const row of rows) byStatus[row.status] = (byStatus[row.status] ?? 0) + 1;
      const notFinal = rows.filter((row) => !finalStatuses.has(row.status));
      const unknownWithoutReason = rows.filter(
        (row) => row.status === 'unknown' && (row.reason ?? '').trim() === '',
      );
      const failedButApplied = rows.filter(
        (row) => row.status === 'failed' && reachedOf(row.msisdn) > 0,
      );
      const succeededNotApplied = rows.filter(
        (row) => row.status === 'succeeded' && reachedOf(row.msisdn) !== 1,
      );
      const unknownApplied = rows.filter(
        (row) => row.status === 'unknown' && reachedOf(row.msisdn) > 0,
      ).length;
      const noAnswer = sold.filter((entry) => entry.status === null);

      // The success share, and what each sale that did not succeed ran into.
      const allFaulted = noHealthyModem(
        windows,
        bench.modems().map((modem) => modem.id),
      );
      const overlaps = (start: number, end: number, window: { start: number; end: number }) =>
        window.start < end && start < window.end;
      const counted = sold.filter(
        (entry) =>
          !allFaulted.some(([start, end]) => overlaps(entry.start, entry.end, { start, end })),
      );
      const succeeded = counted.filter((entry) => byKey.get(entry.key)?.status === 'succeeded');
      const share = counted.length === 0 ? 0 : succeeded.length / counted.length;
      const causeOf = (entry: Sold): string => {
        const row = byKey.get(entry.key);
        if (!row?.modem) return `no modem lent (${row?.reason ?? 'no sale'})`;
        // The time the sale was on its modem: from sending to its first outcome.
        const onModemFrom = Date.parse(row.sendingAt ?? '') || entry.start;
        const onModemTo = Date.parse(row.settledAt ?? '') || entry.end;
        const hit = windows.filter(
          (window: FaultWindow) =>
            window.modemId === row.modem && overlaps(onModemFrom, onModemTo, window),
        );
        return hit.length === 0
          ? 'no fault on its modem'
          : [...new Set(hit.map((window) => window.kind))].join('+');
      };
      const failures: Record<string, number> = {};
      const failureReasons: Record<string, number> = {};
      for (const entry of counted) {
        const row = byKey.get(entry.key);
        if (row?.status === 'succeeded') continue;
        const cause = `${row?.status ?? 'missing'} after ${causeOf(entry)}`;
        failures[cause] = (failures[cause] ?? 0) + 1;
        const reason = `${row?.status}: ${(row?.reason ?? '').replace(/\d+/g, 'N').slice(0, 90)}`;
        failureReasons[reason] = (failureReasons[reason] ?? 0) + 1;
      }
      const hitByOwnModem = counted.filter((entry) => !causeOf(entry).startsWith('no '));
      const clear = counted.filter((entry) => !hitByOwnModem.includes(entry));
      const clearSucceeded = clear.filter((entry) => byKey.get(entry.key)?.status === 'succeeded');
      const faultCounts: Record<string, number> = {};
      for (const window of windows) faultCounts[window.kind] = (faultCounts[window.kind] ?? 0) + 1;
      const times = sold.map((entry) => entry.end - entry.start).sort((a, b) => a - b);
      const loadAfter = os.loadavg();

      report(`fault soak, ${sales} renewals, ${clerks} clerks, ${modemCount} modems`, {
        seed,
        'USSD answer delay of the simulated network (ms)': latencyMs,
        'machine load (1/5/15 min) before / after': `${loadBefore.map((l) => l.toFixed(1)).join('/')} / ${loadAfter.map((l) => l.toFixed(1)).join('/')} on ${os.cpus().length} cores`,
        'selling time (s)': (sellingMs / 1000).toFixed(0),
        'faults injected (by kind)': JSON.stringify(faultCounts),
        'faults injected (total)': `${windows.length} (drawn ${injected.length})`,
        'time with no healthy modem (ms)': allFaulted.reduce((sum, [a, b]) => sum + b - a, 0),
        'sales in the database / asked': `${rows.length} / ${sales}`,
        'sales by status': JSON.stringify(byStatus),
        'sales lost (asked, no sale)': lost.length,
        'sales left paid/sending/draft': notFinal.length,
        'renewals the clerk never got an outcome for': noAnswer.length,
        'unknown sales without a reason': unknownWithoutReason.length,
        'top-ups that reached a network twice': sentTwice.length,
        'top-ups that reached a network': applied.length,
        'failed (refunded) sales whose top-up reached a network': failedButApplied.length,
        'succeeded sales not exactly once on a network': succeededNotApplied.length,
        'unknown sales whose top-up did reach a network': unknownApplied,
        'clerks told unknown / unknown sales settled afterwards': `${sold.filter((entry) => entry.status === 'unknown').length} / ${settledLate}`,
        'answers lost (clerk retried, same key)': sold.reduce((sum, e) => sum + e.lostAnswers, 0),
        'errors the clerks got (then retried)': JSON.stringify(
          sold
            .flatMap((entry) => entry.errors)
            .reduce<Record<string, number>>((all, code) => {
              all[code] = (all[code] ?? 0) + 1;
              return all;
            }, {}),
        ),
        'sales with a healthy modem throughout (counted)': counted.length,
        'succeeded among counted': `${succeeded.length} (${(share * 100).toFixed(1)}%, target ${target * 100}%)`,
        'counted sales whose own modem was faulted during the sale': hitByOwnModem.length,
        'succeeded among counted sales whose modem was never faulted': `${clearSucceeded.length} / ${clear.length}`,
        'not succeeded, by outcome and fault on its modem': JSON.stringify(failures),
        'not succeeded, by reason': JSON.stringify(failureReasons),
        'renewal p50 / p99 / max (ms)': `${percentile(times, 50)} / ${percentile(times, 99)} / ${times.at(-1)}`,
        'host exit code': String(code),
      });
      console.log(
        `[fault soak] fault windows:\n${windows
          .sort((a, b) => a.start - b.start)
          .map(
            (w) =>
              `  +${((w.start - started) / 1000).toFixed(1)}s ${w.modemId} ${w.kind} ${((w.end - w.start) / 1000).toFixed(1)}s: ${w.detail}`,
          )
          .join('\n')}`,
      );

      console.log(
        `[fault soak] sales that did not succeed:\n${counted
          .filter((entry) => byKey.get(entry.key)?.status !== 'succeeded')
          .map((entry) => {
            const row = byKey.get(entry.key);
            const at = ((entry.start - started) / 1000).toFixed(1);
            return `  +${at}s ${entry.key} on ${row?.modem}: ${row?.status} (${row?.reason}) after ${causeOf(entry)}`;
          })
          .join('\n')}`,
      );

      expect(sentTwice).toEqual([]);
      expect(lost).toEqual([]);
      expect(rows.length).toBe(sales);
      expect(notFinal).toEqual([]);
      expect(noAnswer).toEqual([]);
      expect(unknownWithoutReason).toEqual([]);
      expect(failedButApplied).toEqual([]);
      expect(succeededNotApplied).toEqual([]);
      expect(code).toBe(0);
      expect(share).toBeGreaterThanOrEqual(target);
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
      await done;
      await bench.stopAll();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  },
  (sales * 8 + 600) * 1000,
);
