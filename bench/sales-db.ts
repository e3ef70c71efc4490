/**
 * A shop's database after years of selling: a million renewals with their events, refunds and
 * receipts, as the journal and the receipt book leave them. For speed, each sale is inserted as
 * it ends up rather than moved through its statuses (the triggers guard moves and edits; every
 * row written is one they allow), and the receipts are drafted, validated, chained and hashed
 * by the receipt code itself. Built once under bench/.cache/; reruns reuse the file.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseCarrierProfileText } from '../electron/carriers';
import { demoShopProfile } from '../electron/demo';
import {
  type ChainAnchor,
  canonicalReceiptContent,
  chainReceipt,
} from '../electron/sales/receipt-chain';
import { receiptDraftFor } from '../electron/sales/receipt-draft';
import { openDatabase } from '../electron/store/database';
import { migrations } from '../electron/store/migrations';
import { shopProfileStore } from '../electron/store/shop-profile';
import { createUserStore, deviceId } from '../electron/store/users';
import { receiptContentSchema } from '../shared/receipt';
import type { Sale } from '../shared/sale';
import { formatActor, systemActor, userActor } from '../shared/user';
import { seededRandom } from './shop';

const cacheDir = path.resolve(__dirname, '.cache');

/** The shop sells from 08:00 to 20:00 in Nouméa (UTC+11, no daylight saving). */
const opensUtcHour = 8 - 11;
const openHours = 12;
const firstDay = Date.UTC(2023, 1, 1);
const dayMs = 86_400_000;

/** The generator's version: a change to what it writes must not reuse an older file. */
const generatorVersion = 1;

interface SalesDatabase {
  file: string;
  sales: number;
  days: number;
  salesPerDay: number;
  /** The customer who renewed most often (a resident), and one who renewed a few times. */
  busiestNumber: string;
  typicalNumber: string;
  /** The shop's local calendar day `index` (0 is the first), as the UTC instants it spans. */
  day(index: number): { from: Date; to: Date };
  /** Seconds the build took, or null when the cached file was reused. */
  builtInSeconds: number | null;
}

/** Customer n: a New Caledonian mobile number (7x, 8x or 9x xx xx); 0 renews the most often. */
function customerNumber(n: number): string {
  const block = [7, 8, 9][n % 3] as number;
  return `+687${block}${String(Math.floor(n / 3)).padStart(5, '0')}`;
}

const customers = 250_000;

function localDay(index: number) {
  const from = new Date(firstDay + index * dayMs - 11 * 3_600_000);
  return { from, to: new Date(from.getTime() + dayMs) };
}

const shopClerks = ['manager', 'marie', 'wei', 'jason', 'lucie', 'tui'] as const;
const modems = ['modem-1', 'modem-2', 'modem-3', 'modem-4'] as const;

/** What the modem bank records of a five-round top-up: the PIN masked, the answer if one came. */
function transcript(at: number, steps: readonly string[], answer: string | null): string {
  const menus = [
    '1 Recharge forfait\n2 Solde',
    'Numéro client ?',
    'Forfait ? 1=1Go 2=5Go 3=20Go',
    'Code PIN revendeur ?',
  ];
  const stamp = (offset: number) => new Date(at + offset).toISOString();
  return steps
    .flatMap((step, index) => {
      const last = index === steps.length - 1;
      const sent = [
        `${stamp(index * 1200)} > AT+CUSD=1,"${last ? '••••' : step}",15`,
        `${stamp(index * 1200 + 20)} < OK`,
      ];
      const text = last ? answer : menus[index];
      return text === null
        ? sent
        : [...sent, `${stamp(index * 1200 + 1150)} < +CUSD: ${last ? 0 : 1},"${text}",15`];
    })
    .join('\n');
}

type Outcome = 'succeeded' | 'failed' | 'unknown';

/** Builds the database, or returns the cached one. */
export function salesDatabase(options: { sales: number; salesPerDay: number }): SalesDatabase {
  const { sales, salesPerDay } = options;
  const days = Math.ceil(sales / salesPerDay);
  const name = `shop-${sales}-sales-v${generatorVersion}-schema${migrations.length}.sqlite`;
  const file = path.join(cacheDir, name);
  const described = (builtInSeconds: number | null): SalesDatabase => ({
    file,
    sales,
    days,
    salesPerDay,
    busiestNumber: customerNumber(0),
    typicalNumber: customerNumber(Math.floor(customers / 3)),
    day: localDay,
    builtInSeconds,
  });
  if (fs.existsSync(file)) return described(null);

  const started = performance.now();
  fs.mkdirSync(cacheDir, { recursive: true });
  // Built under another name and renamed when complete: a stopped build is never reused.
  const building = `${file}.building`;
  for (const leftover of [building, `${building}-wal`, `${building}-shm`]) {
    fs.rmSync(leftover, { force: true });
  }
  const { db } = openDatabase(building, () => new Date(firstDay));
  // Speed for the build only: the file is thrown away if the build stops.
  db.pragma('synchronous = OFF');
  db.pragma('cache_size = -262144');

  const demo = parseCarrierProfileText(
    fs.readFileSync(path.resolve(__dirname, '../resources/carriers/nc-demo.json'), 'utf8'),
  );
  if (!demo.ok) throw new Error(demo.problem.message);
  const carrier = demo.profile;
  const at = (ms: number) => () => new Date(ms);
  shopProfileStore(db, at(firstDay)).save(demoShopProfile);
  const users = createUserStore(db, at(firstDay));
  const clerks = shopClerks.map((clerk, index) =>
    users.add(clerk, index === 0 ? 'manager' : 'clerk', '1111'),
  );
  const [manager] = clerks;
  if (!manager) throw new Error('The bench shop has its clerks, a manager first');
  const byManager = formatActor(userActor(manager));
  const device = deviceId(db, () => 'comptoir-bench-till');

  const insertSale = db.prepare(`
    INSERT INTO sales (id, idempotency_key, status, msisdn, carrier_id, plan_id, plan_name,
      data_mb, validity_days, price, dealer_cost, currency, payment_method, tendered,
      change_given, payment_reference, clerk_id, modem_id, carrier_reference,
      dealer_balance_after, created_at, updated_at)
    VALUES (@id, @idempotencyKey, @status, @msisdn, @carrierId, @planId, @planName, @dataMb,
      @validityDays, @price, @dealerCost, @currency, @method, @tendered, @change, @reference,
      @clerkId, @modemId, @carrierReference, @dealerBalanceAfter, @createdAt, @updatedAt)`);
  const insertEvent = db.prepare(`
    INSERT INTO sale_events (sale_id, from_status, to_status, at, actor, reason, transcript)
    VALUES (?, ?, ?, ?, ?, ?, ?)`);
  const insertRefund = db.prepare(`
    INSERT INTO refunds (sale_id, amount, currency, method, at, reason) VALUES (?, ?, ?, ?, ?, ?)`);
  const insertReceipt = db.prepare(`
    INSERT INTO receipts (device_id, number, sale_id, content, hash, prev_hash, issued_at)
    VALUES (?, ?, ?, ?, ?, ?, ?)`);

  let previous: ChainAnchor | null = null;
  /** As the receipt book issues one: the next number, validated, chained to the last. */
  function issueReceipt(sale: Sale, issuedAt: number) {
    const content = receiptContentSchema.parse({
      ...receiptDraftFor(sale, {
        shop: demoShopProfile,
        tillName: demoShopProfile.tillName,
        clerk: users.nameOf(sale.clerkId) ?? `#${sale.clerkId}`,
        carrier,
        language: demoShopProfile.defaultLanguage,
      }),
      deviceId: device,
      number: (previous?.number ?? 0) + 1,
      issuedAt: new Date(issuedAt).toISOString(),
    });
    const issued = chainReceipt(content, previous);
    insertReceipt.run(
      device,
      issued.number,
      sale.id,
      canonicalReceiptContent(content),
      issued.hash,
      issued.prevHash,
      issued.issuedAt,
    );
    previous = { number: issued.number, hash: issued.hash };
  }

  function refund(sale: Sale, at: number, reason: string) {
    const iso = new Date(at).toISOString();
    insertRefund.run(sale.id, sale.price, sale.currency, sale.payment.method, iso, reason);
  }

  // The same file every time for the same size.
  const next = seededRandom(sales);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)] as T;
  const dealerBalances = new Map<string, number>(modems.map((modem) => [modem, 2_000_000]));
  const pending: Array<{ sale: Sale; at: number; reason: string }> = [];
  let carrierReference = 100_000;
  let saleId = 0;

  /** The manager's resolutions due by `until`, in time order, each with its correction. */
  function resolveDue(until: number) {
    while (pending.length > 0 && (pending[0]?.at ?? Number.POSITIVE_INFINITY) <= until) {
      const due = pending.shift();
      if (!due) break;
      const { sale } = due;
      const iso = new Date(due.at).toISOString();
      insertEvent.run(sale.id, 'unknown', sale.status, iso, byManager, due.reason, null);
      if (sale.status === 'failed') refund(sale, due.at, due.reason);
      issueReceipt(sale, due.at);
    }
  }

  function sell(createdAt: number) {
    const plan = carrier.plans[next() < 0.5 ? 0 : next() < 0.7 ? 1 : 2];
    if (!plan) throw new Error('The demo carrier has three plans');
    const clerk = pick(clerks);
    const method = next() < 0.6 ? 'cash' : next() < 0.9 ? 'card' : 'other';
    const tendered = Math.ceil(plan.price / 5000) * 5000;
    const msisdn = customerNumber(Math.floor(customers * next() ** 1.5));
    const roll = next();
    const abandoned = roll < 0.002;
    const outcome: Outcome =
      abandoned || (roll >= 0.95 && roll < 0.99) ? 'failed' : roll < 0.95 ? 'succeeded' : 'unknown';
    const modem = abandoned ? null : pick(modems);
    const sendingAt = createdAt + 800;
    const endedAt = abandoned
      ? createdAt + 30_000
      : sendingAt + (outcome === 'unknown' ? 36_000 : 6_000);
    const balance = (modem ? (dealerBalances.get(modem) ?? 0) : 0) - plan.dealerCost;
    const reference = outcome === 'succeeded' ? `TX${carrierReference++}` : null;
    if (modem && outcome === 'succeeded') {
      dealerBalances.set(modem, balance < 100_000 ? 2_000_000 : balance);
    }
    // Most pending sales are resolved by the manager within a day; the rest stay pending.
    const resolution =
      outcome === 'unknown' && next() < 0.9
        ? {
            at: endedAt + Math.floor(next() * 20 * 3_600_000),
            status: next() < 0.8 ? ('succeeded' as const) : ('failed' as const),
          }
        : null;
    const sale: Sale = {
      id: ++saleId,
      idempotencyKey: `bench-${createdAt}-${Math.floor(next() * 1e9)}`,
      status: outcome,
      msisdn,
      carrierId: carrier.id,
      planId: plan.id,
      planName: plan.name,
      dataMb: plan.dataMb,
      validityDays: plan.validityDays,
      price: plan.price,
      dealerCost: plan.dealerCost,
      taxRate: plan.taxRate,
      currency: carrier.currency,
      payment: {
        method,
        tendered: method === 'cash' ? tendered : null,
        change: method === 'cash' ? tendered - plan.price : null,
        reference:
          method === 'cash'
            ? null
            : `${method === 'card' ? 'CB' : 'VIR'}-${Math.floor(next() * 1e8)}`,
      },
      clerkId: clerk.id,
      modemId: modem,
      carrierReference: reference,
      dealerBalanceAfter: reference ? balance : null,
      createdAt: new Date(createdAt).toISOString(),
      updatedAt: new Date(endedAt).toISOString(),
    };
    // The row as it ends up once every move below has been made.
    insertSale.run({
      ...sale,
      ...sale.payment,
      status: resolution?.status ?? outcome,
      updatedAt: resolution ? new Date(resolution.at).toISOString() : sale.updatedAt,
    });
    const actor = formatActor(userActor(clerk));
    const byModem = modem ? formatActor({ kind: 'modem', modemId: modem }) : '';
    const event = (
      from: string | null,
      to: string,
      ms: number,
      by: string,
      reason: string | null,
      text: string | null,
    ) => insertEvent.run(sale.id, from, to, new Date(ms).toISOString(), by, reason, text);
    event(null, 'draft', createdAt, actor, null, null);
    event('draft', 'paid', createdAt, actor, null, null);
    if (abandoned) {
      event('paid', 'failed', endedAt, formatActor(systemActor), 'no_modem_available', null);
      refund(sale, endedAt, 'no_modem_available');
      issueReceipt(sale, endedAt);
      return;
    }
    event('paid', 'sending', sendingAt, actor, null, null);
    const steps = ['*123#', '1', msisdn.slice(1), plan.ussdChoice, '1234'];
    if (outcome === 'succeeded') {
      const answer = `Recharge ${plan.name.replace(' ', '')} OK pour ${msisdn.slice(1)}. Réf ${reference}. Nouveau solde ${balance} XPF`;
      event('sending', 'succeeded', endedAt, byModem, null, transcript(sendingAt, steps, answer));
    } else if (outcome === 'failed') {
      const answer = `Numéro client ${msisdn.slice(1)} inconnu. Recharge annulée.`;
      event(
        'sending',
        'failed',
        endedAt,
        byModem,
        'unknown_number',
        transcript(sendingAt, steps, answer),
      );
      refund(sale, endedAt, 'unknown_number');
    } else {
      event(
        'sending',
        'unknown',
        endedAt,
        byModem,
        'no definite answer (timeout)',
        transcript(sendingAt, steps, null),
      );
    }
    issueReceipt(sale, endedAt);
    if (resolution) {
      const reason =
        resolution.status === 'succeeded'
          ? 'carrier SMS confirms the top-up'
          : 'balance check: nothing credited';
      pending.push({
        sale: {
          ...sale,
          status: resolution.status,
          updatedAt: new Date(resolution.at).toISOString(),
        },
        at: resolution.at,
        reason,
      });
      pending.sort((a, b) => a.at - b.at);
    }
  }

  const sellDay = db.transaction((day: number, count: number) => {
    const opens = firstDay + day * dayMs + opensUtcHour * 3_600_000;
    const times = Array.from(
      { length: count },
      () => opens + Math.floor(next() * openHours * 3_600_000),
    );
    times.sort((a, b) => a - b);
    for (const time of times) {
      resolveDue(time);
      sell(time);
    }
  });
  for (let day = 0; day < days; day++) {
    sellDay(day, Math.min(salesPerDay, sales - day * salesPerDay));
  }
  db.transaction(() => resolveDue(Number.POSITIVE_INFINITY))();
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
  fs.renameSync(building, file);
  return described((performance.now() - started) / 1000);
}
