import { randomBytes } from 'node:crypto';
import { receiptHash } from '../../electron/sales/receipt-chain';
import { chainHash } from '../../electron/store/hash-chain';
import type { Fact, FactPayload } from '../../shared/head-office';
import { nextUuidv7 } from '../../shared/head-office';
import type { ReceiptContent } from '../../shared/receipt';

/**
 * Facts as a shop's outbox would send them, made without a shop: for the head office's own tests
 * and benches (a shop's real facts come from its books, electron/head-office/facts.ts).
 */

/** Fact ids in the order they are made, from `startMs` on. */
export function factIds(startMs = Date.parse('2026-12-07T08:00:00Z')) {
  let previous: string | null = null;
  let ms = startMs;
  return () => {
    ms += 1;
    previous = nextUuidv7(previous, ms, randomBytes(10));
    return previous;
  };
}

export function saleFact(
  id: string,
  sale: Partial<FactPayload<'sale'>> & { saleId: number },
): Fact {
  const soldAt = sale.soldAt ?? '2026-12-07T08:00:00.000Z';
  return {
    id,
    kind: 'sale',
    payload: {
      status: 'succeeded',
      tillId: null,
      clerkId: 1,
      clerkName: 'Léa',
      carrierId: 'opt-nc',
      planId: 'recharge-1000',
      planName: 'Recharge 1 000',
      price: 1000,
      dealerCost: 950,
      taxRate: null,
      currency: 'XPF',
      paymentMethod: 'cash',
      modemId: 'modem-1',
      dealerBalanceAfter: 50_000,
      soldAt,
      at: soldAt,
      resolvedBy: null,
      ...sale,
    },
  };
}

/** The content of a receipt as far as its chain goes (the head office hashes whatever it is). */
export function receiptContent(
  number: number,
  saleId: number,
  extra: Record<string, unknown> = {},
) {
  return { number, saleId, total: 1000, currency: 'XPF', ...extra };
}

/**
 * A till's receipts from `from` (the receipt before the first, its number and hash), chained as
 * the shop chains them; `tamper` changes a content after its hash was taken.
 */
export function receiptFacts(
  nextId: () => string,
  receipts: readonly { number: number; saleId: number; content?: Record<string, unknown> }[],
  options: { tillId?: string | null; from?: { hash: string } } = {},
): Fact[] {
  let prevHash = options.from?.hash ?? '0'.repeat(64);
  return receipts.map((receipt) => {
    const content = receipt.content ?? receiptContent(receipt.number, receipt.saleId);
    const hash = receiptHash(content as unknown as ReceiptContent, prevHash);
    const fact: Fact = {
      id: nextId(),
      kind: 'receipt',
      payload: {
        tillId: options.tillId ?? null,
        number: receipt.number,
        content,
        hash,
        prevHash,
        saleId: receipt.saleId,
        issuedAt: '2026-12-07T08:00:00.000Z',
      },
    };
    prevHash = hash;
    return fact;
  });
}

/** What a shop's Z report says of its day, in XPF: the totals, the cash and its count. */
export function zDayReport(figures: {
  sales: number;
  gross: number;
  refunds: number;
  dealerCost: number;
  expected: number;
  counted: number;
  /** The shift the Z closes, opened and closed when; none in its content when not given. */
  shift?: { openedAt: string; closedAt: string };
}): Record<string, unknown> {
  const xpf = (amount: number) => ({ amount, currency: 'XPF' });
  const net = figures.gross - figures.refunds;
  return {
    ...(figures.shift === undefined
      ? {}
      : {
          shift: {
            id: 1,
            openedAt: figures.shift.openedAt,
            openedBy: 'Marie',
            float: xpf(figures.expected - net),
            closedAt: figures.shift.closedAt,
            closedBy: 'Marie',
          },
        }),
    currency: 'XPF',
    totals: {
      sales: figures.sales,
      gross: xpf(figures.gross),
      refunds: xpf(figures.refunds),
      net: xpf(net),
      dealerCost: xpf(figures.dealerCost),
      margin: xpf(figures.gross - figures.dealerCost),
    },
    cash: {
      float: xpf(figures.expected - net),
      cashSales: xpf(figures.gross),
      cashRefunds: xpf(figures.refunds),
      cashIn: xpf(0),
      cashOut: xpf(0),
      expected: xpf(figures.expected),
    },
    count: {
      counted: [],
      total: xpf(figures.counted),
      difference: figures.counted - figures.expected,
      reason: figures.counted === figures.expected ? null : 'Rendu',
    },
  };
}

/**
 * A till's Z reports chained as the shop chains them (content without hash and link), with the
 * day report a shop's Z carries when `report` is given.
 */
export function zReportFacts(
  nextId: () => string,
  reports: readonly {
    number: number;
    shiftId: number;
    issuedAt?: string;
    report?: Record<string, unknown>;
  }[],
  options: { tillId?: string | null } = {},
): Fact[] {
  let prevHash = '0'.repeat(64);
  return reports.map((report) => {
    const issuedAt = report.issuedAt ?? '2026-12-07T18:00:00.000Z';
    const content = {
      number: report.number,
      shiftId: report.shiftId,
      issuedAt,
      total: 0,
      ...(report.report && { report: report.report }),
    };
    const hash = chainHash(prevHash, content, 'z');
    const fact: Fact = {
      id: nextId(),
      kind: 'zReport',
      payload: {
        tillId: options.tillId ?? null,
        number: report.number,
        content,
        hash,
        prevHash,
        shiftId: report.shiftId,
        issuedAt,
      },
    };
    prevHash = hash;
    return fact;
  });
}
