import { describe, expect, it } from 'vitest';
import { factBatches, shopMonth } from '../../../bench/head-office-facts';
import { receiptHash } from '../../../electron/sales/receipt-chain';
import { chainGenesis, chainHash } from '../../../electron/store/hash-chain';
import { batchLimits, type Fact, factBatchSchema } from '../../../shared/head-office';
import type { ReceiptContent } from '../../../shared/receipt';

const plan = { index: 3, firstDay: '2026-11-01', days: 3, salesPerDay: 400 };

describe('the head-office bench’s shops', () => {
  it('make a month of facts the wire accepts, in id order, chained with the shop’s own hashes', () => {
    const month = shopMonth(plan);
    const facts = [...month.facts()];
    expect(facts).toHaveLength(month.count);
    const ids = facts.map((fact) => fact.id);
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);

    const heads = new Map<string, string>();
    for (const fact of facts) {
      if (fact.kind !== 'receipt' && fact.kind !== 'zReport') continue;
      const key = `${fact.kind}/${fact.payload.tillId}`;
      expect(fact.payload.prevHash).toBe(heads.get(key) ?? chainGenesis);
      const hash =
        fact.kind === 'receipt'
          ? receiptHash(fact.payload.content as unknown as ReceiptContent, fact.payload.prevHash)
          : chainHash(fact.payload.prevHash, fact.payload.content, 'z');
      expect(hash).toBe(fact.payload.hash);
      heads.set(key, hash);
    }
  });

  it('know what the head office must hold per day: every paid sale, as the Z counts, and the refunds', () => {
    const month = shopMonth(plan);
    const byDay = new Map<string, { sales: number; amount: number; refunded: number }>();
    const sales = new Map<number, Fact & { kind: 'sale' }>();
    for (const fact of month.facts()) {
      if (fact.kind === 'sale') {
        sales.set(fact.payload.saleId, fact);
        const day = new Date(Date.parse(fact.payload.soldAt) + 11 * 3_600_000)
          .toISOString()
          .slice(0, 10);
        const totals = byDay.get(day) ?? { sales: 0, amount: 0, refunded: 0 };
        totals.sales += 1;
        totals.amount += fact.payload.price;
        byDay.set(day, totals);
      }
    }
    expect([...byDay.keys()]).toEqual(['2026-11-01', '2026-11-02', '2026-11-03']);
    for (const [day, totals] of byDay) {
      expect(month.expected.get(day)).toMatchObject({ sales: totals.sales, amount: totals.amount });
    }
    const failed = [...sales.values()].filter((sale) => sale.payload.status === 'failed');
    expect(failed.length).toBeGreaterThan(0);
    const refunds = [...month.expected.values()].reduce((sum, day) => sum + day.refunds, 0);
    expect(refunds).toBe(failed.length);
  });

  it('cut the month into batches within the wire’s limits, the backlog counting down to 0', () => {
    const month = shopMonth(plan);
    const batches = [...factBatches(month)];
    expect(batches.reduce((sum, batch) => sum + batch.facts.length, 0)).toBe(month.count);
    for (const batch of batches) {
      expect(batch.facts.length).toBeLessThanOrEqual(batchLimits.facts);
      expect(JSON.stringify(batch).length).toBeLessThanOrEqual(batchLimits.bytes);
      expect(() => factBatchSchema.parse(batch)).not.toThrow();
    }
    expect(batches.at(-1)?.backlog).toBe(0);
    expect([...factBatches(shopMonth(plan))]).toEqual(batches);
  });
});
