/**
 * The head-office bench's shops: a month of one shop's books as the facts its outbox would send
 * (a sale reaching its outcome, its receipt chained with the shop's own hash, a refund for a paid
 * top-up that failed, a Z report per till and day), made lazily in id order from a seed, cut
 * into batches within the wire's limits, and the totals the head office must end up with.
 */
import { receiptHash } from '../electron/sales/receipt-chain';
import { chainGenesis, chainHash } from '../electron/store/hash-chain';
import { batchLimits, type Fact, type FactPayload, nextUuidv7 } from '../shared/head-office';
import type { ReceiptContent } from '../shared/receipt';
import { seededRandom } from '../test/support/seeded-random';

export interface BenchShopPlan {
  index: number;
  /** The shop's first day (local, `YYYY-MM-DD`) and how many days of books it sends. */
  firstDay: string;
  days: number;
  salesPerDay: number;
}

/** The shops of the chain sell in New Caledonia: UTC+11 all year, francs with no minor unit. */
export const benchZone = 'Pacific/Noumea';
const zoneOffsetMs = 11 * 3_600_000;

/** The demo carrier's plans, with the dealer's cost of each. */
export const benchPlans = [
  { id: '500mo', name: '500 Mo', price: 1_000, dealerCost: 900 },
  { id: '1go', name: '1 Go', price: 1_500, dealerCost: 1_350 },
  { id: '3go', name: '3 Go', price: 3_000, dealerCost: 2_700 },
  { id: '10go', name: '10 Go', price: 5_000, dealerCost: 4_500 },
  { id: '30go', name: '30 Go', price: 10_000, dealerCost: 9_000 },
] as const;

const clerks = ['Anaïs', 'Wei', 'Kalolaine', 'Marc'] as const;
/** The hub's own till (null) and one counter. */
const tills = [null, 'counter-02'] as const;

/** What the head office must hold for a shop once every fact is in: per local day. */
export interface DayExpectation {
  sales: number;
  amount: number;
  dealerCost: number;
  refunds: number;
  refunded: number;
}

export interface ShopMonth {
  /** Every fact of the month, made as they are read (a month is too big to hold at once). */
  facts(): Generator<Fact>;
  /** How many facts `facts()` yields. */
  count: number;
  expected: Map<string, DayExpectation>;
}

function localDay(firstDay: string, offset: number): string {
  const day = new Date(`${firstDay}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() + offset);
  return day.toISOString().slice(0, 10);
}

/** The instant (UTC) of a local wall time in the shops' zone. */
const atLocal = (day: string, minutes: number) =>
  Date.parse(`${day}T00:00:00Z`) - zoneOffsetMs + minutes * 60_000;

/** The outcome of a sale: most succeed, a few fail and are refunded, fewer stay pending. */
function outcome(draw: number): FactPayload<'sale'>['status'] {
  if (draw < 0.02) return 'failed';
  if (draw < 0.025) return 'unknown';
  return 'succeeded';
}

const receiptStatus = {
  succeeded: 'succeeded',
  failed: 'failed-refunded',
  unknown: 'pending-verification',
} as const;

export function shopMonth(plan: BenchShopPlan): ShopMonth {
  const expected = new Map<string, DayExpectation>();
  const random = seededRandom(1_000 + plan.index);
  // The outcomes are drawn first, so the expectation is known before a fact is made.
  const draws = Array.from({ length: plan.days * plan.salesPerDay }, () => ({
    outcome: outcome(random()),
    plan: Math.floor(random() * benchPlans.length),
  }));
  let refundCount = 0;
  for (let day = 0; day < plan.days; day++) {
    const totals: DayExpectation = { sales: 0, amount: 0, dealerCost: 0, refunds: 0, refunded: 0 };
    for (let sale = 0; sale < plan.salesPerDay; sale++) {
      const draw = draws[day * plan.salesPerDay + sale] as (typeof draws)[number];
      const sold = benchPlans[draw.plan] as (typeof benchPlans)[number];
      // As the shop's Z counts: every paid sale is takings (pending and failed ones too), the
      // dealer pays only for those that succeeded, and a failed one is refunded.
      totals.sales += 1;
      totals.amount += sold.price;
      if (draw.outcome === 'succeeded') {
        totals.dealerCost += sold.dealerCost;
      } else if (draw.outcome === 'failed') {
        totals.refunds += 1;
        totals.refunded += sold.price;
        refundCount += 1;
      }
    }
    expected.set(localDay(plan.firstDay, day), totals);
  }
  const count = draws.length * 2 + refundCount + plan.days * tills.length;

  function* facts(): Generator<Fact> {
    const idRandom = seededRandom(2_000 + plan.index);
    const bytes = new Uint8Array(10);
    let lastId: string | null = null;
    const nextId = (atMs: number) => {
      for (let i = 0; i < bytes.length; i++) bytes[i] = Math.floor(idRandom() * 256);
      lastId = nextUuidv7(lastId, atMs, bytes);
      return lastId;
    };
    const shopName = `Boutique ${plan.index + 1}`;
    const heads = tills.map(() => ({
      receipt: 0,
      receiptHash: chainGenesis,
      z: 0,
      zHash: chainGenesis,
    }));
    let saleId = 0;
    for (let day = 0; day < plan.days; day++) {
      const date = localDay(plan.firstDay, day);
      const perTill = tills.map(() => ({ sales: 0, amount: 0, refunded: 0 }));
      for (let sale = 0; sale < plan.salesPerDay; sale++) {
        saleId += 1;
        const draw = draws[saleId - 1] as (typeof draws)[number];
        const sold = benchPlans[draw.plan] as (typeof benchPlans)[number];
        const till = sale % tills.length;
        const tillId = tills[till] ?? null;
        const clerkId = (sale % clerks.length) + 1;
        // Opening hours 07:00 to 18:00, the day's sales spread evenly over them.
        const soldAtMs =
          atLocal(date, 7 * 60) + Math.floor((sale * 11 * 3_600_000) / plan.salesPerDay);
        const soldAt = new Date(soldAtMs).toISOString();
        const at = new Date(soldAtMs + 20_000).toISOString();
        yield {
          id: nextId(soldAtMs + 20_000),
          kind: 'sale',
          payload: {
            saleId,
            status: draw.outcome,
            tillId,
            clerkId,
            clerkName: clerks[clerkId - 1] as string,
            carrierId: 'nc-demo',
            planId: sold.id,
            planName: sold.name,
            price: sold.price,
            dealerCost: sold.dealerCost,
            taxRate: null,
            currency: 'XPF',
            paymentMethod: sale % 3 === 0 ? 'cash' : 'card',
            modemId: `sim-${(sale % 4) + 1}`,
            dealerBalanceAfter: 1_000_000 - sale * 100,
            soldAt,
            at,
            resolvedBy: null,
          },
        };
        const head = heads[till] as (typeof heads)[number];
        head.receipt += 1;
        const content: ReceiptContent = {
          deviceId: tillId ?? 'hub',
          number: head.receipt,
          issuedAt: at,
          shop: {
            name: shopName,
            addressLines: ['Rue de Sébastopol'],
            phone: '',
            taxId: '',
            footerLines: [],
          },
          timeZone: benchZone,
          language: 'fr',
          clerk: clerks[clerkId - 1] as string,
          customer: '+687 •• •• 56',
          carrier: 'Démo NC',
          plan: sold.name,
          dataMb: 1_024,
          validityDays: 30,
          price: { amount: sold.price, currency: 'XPF' },
          payment: { method: sale % 3 === 0 ? 'cash' : 'card' },
          carrierReference: draw.outcome === 'succeeded' ? `REF${saleId}` : null,
          status: receiptStatus[draw.outcome],
          refundAmount: draw.outcome === 'failed' ? sold.price : null,
          quantity: 1,
        } as ReceiptContent;
        const hash = receiptHash(content, head.receiptHash);
        yield {
          id: nextId(soldAtMs + 20_001),
          kind: 'receipt',
          payload: {
            tillId,
            number: head.receipt,
            content: content as unknown as Record<string, unknown>,
            hash,
            prevHash: head.receiptHash,
            saleId,
            issuedAt: at,
          },
        };
        head.receiptHash = hash;
        const totals = perTill[till] as (typeof perTill)[number];
        totals.sales += 1;
        totals.amount += sold.price;
        if (draw.outcome === 'failed') {
          totals.refunded += sold.price;
          yield {
            id: nextId(soldAtMs + 20_002),
            kind: 'refund',
            payload: {
              saleId,
              tillId,
              amount: sold.price,
              currency: 'XPF',
              method: sale % 3 === 0 ? 'cash' : 'card',
              reason: 'The carrier refused the top-up',
              at,
            },
          };
        }
      }
      for (const [till, tillId] of tills.entries()) {
        const head = heads[till] as (typeof heads)[number];
        const totals = perTill[till] as (typeof perTill)[number];
        head.z += 1;
        const closedAtMs = atLocal(date, 19 * 60);
        const content = {
          number: head.z,
          tillId: tillId ?? 'hub',
          day: date,
          sales: totals.sales,
          amount: totals.amount,
          refunded: totals.refunded,
          currency: 'XPF',
          closedAt: new Date(closedAtMs).toISOString(),
        };
        const hash = chainHash(head.zHash, content, 'z');
        yield {
          id: nextId(closedAtMs),
          kind: 'zReport',
          payload: {
            tillId,
            number: head.z,
            content,
            hash,
            prevHash: head.zHash,
            shiftId: day * tills.length + till + 1,
            issuedAt: new Date(closedAtMs).toISOString(),
          },
        };
        head.zHash = hash;
      }
    }
  }
  return { facts, count, expected };
}

/**
 * The facts cut into batches as the shop's sync worker sends them: at most `batchLimits.facts`
 * facts and `batchLimits.bytes` of JSON each, with the backlog still waiting after each one.
 */
export function* factBatches(
  month: ShopMonth,
  catalogVersion = 0,
): Generator<{ facts: Fact[]; backlog: number; catalogVersion: number }> {
  let sent = 0;
  let facts: Fact[] = [];
  let bytes = 40;
  const cut = () => {
    sent += facts.length;
    const batch = { facts, backlog: month.count - sent, catalogVersion };
    facts = [];
    bytes = 40;
    return batch;
  };
  for (const fact of month.facts()) {
    const size = JSON.stringify(fact).length + 1;
    if (facts.length === batchLimits.facts || bytes + size > batchLimits.bytes) yield cut();
    facts.push(fact);
    bytes += size;
  }
  if (facts.length > 0) yield cut();
}
