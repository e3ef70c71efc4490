import { describe, expect, it } from 'vitest';
import {
  type ChainedArrival,
  changedReceipts,
  checkArrival,
  hashMatchesContent,
  repeatedRefund,
  reusedSale,
} from '../../../electron/hq/chain-checks';
import { receiptHash } from '../../../electron/sales/receipt-chain';
import { chainHash } from '../../../electron/store/hash-chain';
import type { ReceiptContent } from '../../../shared/receipt';

const h = (letter: string) => letter.repeat(64);
const arrival = (number: number, hash: string, prevHash: string): ChainedArrival => ({
  number,
  hash,
  prevHash,
  content: {},
});

describe('checks on arrival', () => {
  it.each([
    {
      case: 'the first record seen anchors the chain, whatever its number',
      head: null,
      record: arrival(57, h('a'), h('9')),
      stored: null,
      findings: [],
      next: { number: 57, hash: h('a') },
    },
    {
      case: 'the next number linked to the head',
      head: { number: 3, hash: h('c') },
      record: arrival(4, h('d'), h('c')),
      stored: null,
      findings: [],
      next: { number: 4, hash: h('d') },
    },
    {
      case: 'numbers missing between the head and the record: a gap, with the missing ones',
      head: { number: 3, hash: h('c') },
      record: arrival(7, h('e'), h('f')),
      stored: null,
      findings: [{ kind: 'gap', number: 4, lastNumber: 6 }],
      next: { number: 7, hash: h('e') },
    },
    {
      case: 'the next number linked to another record: a fork',
      head: { number: 3, hash: h('c') },
      record: arrival(4, h('d'), h('b')),
      stored: null,
      findings: [{ kind: 'fork', number: 4, lastNumber: 4 }],
      next: { number: 4, hash: h('d') },
    },
    {
      case: 'a number already held with another hash (a restored backup): a fork back to the head',
      head: { number: 9, hash: h('9') },
      record: arrival(6, h('6'), h('5')),
      stored: h('1'),
      findings: [{ kind: 'fork', number: 6, lastNumber: 9 }],
      next: { number: 6, hash: h('6') },
    },
    {
      case: 'a number already held with the same hash: nothing new',
      head: { number: 9, hash: h('9') },
      record: arrival(6, h('6'), h('5')),
      stored: h('6'),
      findings: [],
      next: { number: 9, hash: h('9') },
    },
  ])('$case', ({ head, record, stored, findings, next }) => {
    const checked = checkArrival(head, record, true, stored);
    expect(checked.findings).toMatchObject(findings);
    expect(checked.findings).toHaveLength(findings.length);
    expect(checked.head).toEqual(next);
  });

  it('flags a record whose hash is not its content’s, and follows it all the same', () => {
    const checked = checkArrival(
      { number: 1, hash: h('a') },
      arrival(2, h('b'), h('a')),
      false,
      null,
    );
    expect(checked.findings).toEqual([
      { kind: 'hash_mismatch', number: 2, lastNumber: 2, details: expect.any(Object) },
    ]);
    expect(checked.head).toEqual({ number: 2, hash: h('b') });
  });

  it('hashes each book with the shop’s own functions', () => {
    const receipt = { number: 1, saleId: 4, total: 1000 };
    const hash = receiptHash(receipt as unknown as ReceiptContent, h('0'));
    const stored = { number: 1, hash, prevHash: h('0'), content: receipt };
    expect(hashMatchesContent('receipts', stored)).toBe(true);
    // A printed copy number is not content (a reprint does not change the receipt).
    expect(hashMatchesContent('receipts', { ...stored, content: { ...receipt, copy: 2 } })).toBe(
      true,
    );
    expect(hashMatchesContent('receipts', { ...stored, content: { ...receipt, total: 100 } })).toBe(
      false,
    );
    const z = { number: 1, shiftId: 3, total: 5000 };
    const zHash = chainHash(h('0'), z, 'z');
    expect(
      hashMatchesContent('zReports', { number: 1, hash: zHash, prevHash: h('0'), content: z }),
    ).toBe(true);
    expect(
      hashMatchesContent('audit', { number: 1, hash: zHash, prevHash: h('1'), content: z }),
    ).toBe(false);
    // Content with no canonical text (a fraction) matches nothing rather than failing the batch.
    expect(
      hashMatchesContent('zReports', {
        number: 1,
        hash: zHash,
        prevHash: h('0'),
        content: { total: 0.5 },
      }),
    ).toBe(false);
  });

  it('names the receipts a shop changed after sending them, once', () => {
    const stored = new Map([
      [1, h('1')],
      [2, h('2')],
      [3, h('3')],
    ]);
    const reported = [
      { number: 1, hash: h('1') },
      { number: 3, hash: h('c') },
      { number: 2, hash: h('b') },
      { number: 4, hash: h('4') },
    ];
    expect(changedReceipts(stored, reported, new Set())).toEqual({
      kind: 'changed',
      number: 2,
      lastNumber: 3,
      details: {
        receipts: [
          { number: 2, stored: h('2'), reported: h('b') },
          { number: 3, stored: h('3'), reported: h('c') },
        ],
      },
    });
    expect(changedReceipts(stored, reported, new Set([`2:${h('b')}`, `3:${h('c')}`]))).toBeNull();
    expect(changedReceipts(stored, [{ number: 1, hash: h('1') }], new Set())).toBeNull();
  });

  it.each([
    {
      case: 'a sale id not held yet',
      held: null,
      soldAt: '2026-12-07T08:00:00.000Z',
      found: false,
    },
    {
      case: 'a later status of the same sale',
      held: { soldAt: '2026-12-07T08:00:00.000Z' },
      soldAt: '2026-12-07T08:00:00.000Z',
      found: false,
    },
    {
      case: 'the same instant written otherwise',
      held: { soldAt: '2026-12-07T08:00:00.000Z' },
      soldAt: '2026-12-07T19:00:00+11:00',
      found: false,
    },
    {
      case: 'another sale under the held id',
      held: { soldAt: '2026-12-07T08:00:00.000Z' },
      soldAt: '2026-12-09T08:00:00.000Z',
      found: true,
    },
  ])('a sale id used again: $case', ({ held, soldAt, found }) => {
    expect(reusedSale(held, { saleId: 12, soldAt })).toEqual(
      found
        ? {
            kind: 'sale_reused',
            number: 12,
            lastNumber: 12,
            details: { saleId: 12, heldSoldAt: held?.soldAt, arrivedSoldAt: soldAt },
          }
        : null,
    );
  });

  it.each([
    { case: 'a sale the head office does not hold', held: null, found: false },
    {
      case: 'its first refund',
      held: { soldAt: '2026-12-07T08:00:00.000Z', refunded: false },
      found: false,
    },
    {
      case: 'a sale refunded already',
      held: { soldAt: '2026-12-07T08:00:00.000Z', refunded: true },
      found: true,
    },
  ])('a refund repeated: $case', ({ held, found }) => {
    const at = '2026-12-08T09:00:00.000Z';
    expect(repeatedRefund(held, { saleId: 12, at, amount: 1000 })).toEqual(
      found
        ? {
            kind: 'refund_repeated',
            number: 12,
            lastNumber: 12,
            details: { saleId: 12, soldAt: held?.soldAt, refundedAt: at, amount: 1000 },
          }
        : null,
    );
  });
});
