import { describe, expect, it } from 'vitest';
import {
  canonicalReceiptContent,
  chainReceipt,
  receiptChainGenesis,
  receiptHash,
  verifyReceiptChain,
} from '../../../electron/sales/receipt-chain';
import type { IssuedReceipt, ReceiptContent } from '../../../shared/receipt';

const first: ReceiptContent = {
  deviceId: 'POS-1',
  number: 1,
  issuedAt: '2025-01-14T03:30:00.000Z',
  shop: {
    name: 'Cagou Mobile',
    addressLines: ['12 rue de Sébastopol', '98800 Nouméa'],
    phone: '+687 27 12 34',
    taxId: '1234567.001',
    footerLines: ['Merci !'],
  },
  timeZone: 'Pacific/Noumea',
  language: 'fr',
  clerk: 'Marie',
  customer: '+687 •• •• 34',
  carrier: 'Demo Mobile NC',
  plan: 'Travel 10 GB',
  dataMb: 10240,
  validityDays: 30,
  price: { amount: 5500, currency: 'XPF' },
  payment: { method: 'cash', tendered: 10000, change: 4500 },
  carrierReference: 'TX88231',
  status: 'succeeded',
  refundAmount: null,
};

/** A day at one till: a cash sale, a refused card sale refunded, a pending one, two more. */
const contents: ReceiptContent[] = [
  first,
  {
    ...first,
    number: 2,
    issuedAt: '2025-01-14T03:41:12.000Z',
    language: 'zh-CN',
    customer: '+86 ••• •••• ••78',
    payment: { method: 'card', reference: 'VISA 4471' },
    carrierReference: null,
    status: 'failed-refunded',
    refundAmount: 5500,
  },
  {
    ...first,
    number: 3,
    issuedAt: '2025-01-14T04:02:00.000Z',
    language: 'en',
    payment: { method: 'other' },
    carrierReference: null,
    status: 'pending-verification',
  },
  { ...first, number: 4, issuedAt: '2025-01-14T05:00:00.000Z', plan: 'Travel 1 GB', dataMb: 1024 },
  { ...first, number: 5, issuedAt: '2025-01-14T06:30:00.000Z', clerk: 'Jean' },
];

function issueAll(list: ReceiptContent[]): IssuedReceipt[] {
  const issued: IssuedReceipt[] = [];
  for (const content of list) issued.push(chainReceipt(content, issued.at(-1) ?? null));
  return issued;
}

const chain = issueAll(contents);

/** Every leaf of a stored receipt, as a path of keys and indexes. */
function leafPaths(value: unknown, path: (string | number)[] = []): (string | number)[][] {
  if (value !== null && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, member]) =>
      leafPaths(member, [...path, Array.isArray(value) ? Number(key) : key]),
    );
  }
  return [path];
}

/** A copy of `receipt` with the leaf at `path` changed to another value of its kind. */
function altered(receipt: IssuedReceipt, path: (string | number)[]): IssuedReceipt {
  const copy = structuredClone(receipt) as unknown as Record<string | number, unknown>;
  let parent = copy;
  for (const key of path.slice(0, -1)) parent = parent[key] as Record<string | number, unknown>;
  const key = path.at(-1) as string | number;
  const old = parent[key];
  if (typeof old === 'number') parent[key] = old + 1;
  else if (typeof old === 'string')
    parent[key] =
      key === 'hash' || key === 'prevHash'
        ? `${old.slice(0, 63)}${old.endsWith('0') ? '1' : '0'}`
        : `${old}.`;
  else if (old === null) parent[key] = 1;
  else throw new Error(`No way to alter ${String(old)} at ${path.join('.')}`);
  return copy as unknown as IssuedReceipt;
}

describe('the receipt hash chain', () => {
  it('verifies a day of receipts issued one after the other', () => {
    expect(verifyReceiptChain(chain)).toEqual({ ok: true });
  });

  it('starts each device from the fixed genesis value, at number 1', () => {
    expect(chain[0]?.prevHash).toBe(receiptChainGenesis);
    expect(receiptChainGenesis).toMatch(/^0{64}$/);
    expect(chain.map((receipt) => receipt.number)).toEqual([1, 2, 3, 4, 5]);
  });

  it('links each receipt to the hash of the one before', () => {
    for (let index = 1; index < chain.length; index += 1) {
      expect(chain[index]?.prevHash).toBe(chain[index - 1]?.hash);
    }
  });

  it('hashes SHA-256 over the previous hash followed by the canonical content', async () => {
    const { createHash } = await import('node:crypto');
    const expected = createHash('sha256')
      .update(receiptChainGenesis + canonicalReceiptContent(first))
      .digest('hex');
    expect(chain[0]?.hash).toBe(expected);
  });

  it('gives the fixed first receipt the same hash forever (stored chains stay valid)', () => {
    // Computed apart, in Python: sha256('0' * 64 + json.dumps(first, sort_keys=True,
    // separators=(',', ':'), ensure_ascii=False)).
    expect(receiptHash(first, receiptChainGenesis)).toBe(
      'f21f8381e997783e061d7bcba3e02a310e7aeb4cba55034a41d2d2531e07ac23',
    );
  });

  it('detects the alteration of any field of any stored receipt, at that receipt', () => {
    let checked = 0;
    for (const [index, receipt] of chain.entries()) {
      for (const path of leafPaths(receipt)) {
        const tampered = chain.with(index, altered(receipt, path));
        expect({ path: path.join('.'), result: verifyReceiptChain(tampered) }).toEqual({
          path: path.join('.'),
          result: { ok: false, brokenAt: index, reason: 'hash_mismatch' },
        });
        checked += 1;
      }
    }
    expect(checked).toBeGreaterThan(100);
  });

  it('detects a field removed from a stored receipt', () => {
    const { change: _change, ...payment } = chain[0]?.payment ?? { method: 'cash' };
    const tampered = chain.with(0, { ...(chain[0] as IssuedReceipt), payment });
    expect(verifyReceiptChain(tampered)).toEqual({
      ok: false,
      brokenAt: 0,
      reason: 'hash_mismatch',
    });
  });

  it('detects a receipt altered and hashed again, at the receipt after it', () => {
    const forged = chainReceipt(
      { ...contents[2], clerk: 'Nobody' } as ReceiptContent,
      chain[1] ?? null,
    );
    expect(verifyReceiptChain(chain.with(2, forged))).toEqual({
      ok: false,
      brokenAt: 3,
      reason: 'prev_hash_mismatch',
    });
  });

  it.each([0, 1, 2, 3])('detects receipt %i removed, where the numbering jumps', (index) => {
    const removed = chain.toSpliced(index, 1);
    expect(verifyReceiptChain(removed)).toEqual({ ok: false, brokenAt: index, reason: 'gap' });
  });

  it('detects the last receipts removed when it knows the last number the device issued', () => {
    const last = { number: 5, hash: chain[4]?.hash as string };
    expect(verifyReceiptChain(chain, { last })).toEqual({ ok: true });
    expect(verifyReceiptChain(chain.slice(0, 3), { last })).toEqual({
      ok: false,
      brokenAt: 3,
      reason: 'gap',
    });
    expect(verifyReceiptChain(chain.slice(0, 3))).toEqual({ ok: true });
  });

  it('detects a last receipt replaced when it knows the last hash the device issued', () => {
    const last = { number: 5, hash: chain[4]?.hash as string };
    const replaced = chain.with(
      4,
      chainReceipt({ ...contents[4], clerk: 'X' } as ReceiptContent, chain[3] ?? null),
    );
    expect(verifyReceiptChain(replaced, { last })).toEqual({
      ok: false,
      brokenAt: 4,
      reason: 'hash_mismatch',
    });
  });

  it.each([0, 1, 2, 3])('detects receipts %i and the next swapped', (index) => {
    const swapped = [...chain];
    [swapped[index], swapped[index + 1]] = [
      swapped[index + 1] as IssuedReceipt,
      swapped[index] as IssuedReceipt,
    ];
    expect(verifyReceiptChain(swapped)).toEqual({ ok: false, brokenAt: index, reason: 'gap' });
  });

  it('detects a receipt given twice', () => {
    const twice = chain.toSpliced(2, 0, chain[1] as IssuedReceipt);
    expect(verifyReceiptChain(twice)).toEqual({ ok: false, brokenAt: 2, reason: 'gap' });
  });

  it('detects a first receipt that does not chain from the genesis value', () => {
    const orphan = chainReceipt(first, { number: 0, hash: 'ab'.repeat(32) });
    expect(verifyReceiptChain([orphan, ...chain.slice(1)])).toEqual({
      ok: false,
      brokenAt: 0,
      reason: 'prev_hash_mismatch',
    });
  });

  it('verifies one day from the receipt before it, without the whole history', () => {
    const from = { number: 2, hash: chain[1]?.hash as string };
    expect(verifyReceiptChain(chain.slice(2), { from })).toEqual({ ok: true });
    expect(verifyReceiptChain(chain.slice(2))).toEqual({ ok: false, brokenAt: 0, reason: 'gap' });
  });

  it('does not change a receipt or its hash when it is reprinted (COPY n)', () => {
    const receipt = chain[2] as IssuedReceipt;
    const reprint = { ...receipt, copy: 3 };
    expect(receiptHash(reprint, receipt.prevHash)).toBe(receipt.hash);
    expect(canonicalReceiptContent(reprint)).toBe(canonicalReceiptContent(receipt));
    expect(verifyReceiptChain(chain.with(2, reprint))).toEqual({ ok: true });
  });

  it('refuses to issue a receipt whose number does not follow the last one', () => {
    expect(() => chainReceipt({ ...first, number: 3 }, chain[0] ?? null)).toThrow(/no gaps/);
    expect(() => chainReceipt({ ...first, number: 2 }, null)).toThrow(/no gaps/);
  });
});

describe('the canonical receipt content', () => {
  it('is JSON with sorted keys and no whitespace outside strings', () => {
    const text = canonicalReceiptContent(first);
    expect(JSON.parse(text)).toEqual(first);
    expect(
      text.startsWith('{"carrier":"Demo Mobile NC","carrierReference":"TX88231","clerk":'),
    ).toBe(true);
    expect(text).toContain('"price":{"amount":5500,"currency":"XPF"}');
    expect(text.replace(/"(?:[^"\\]|\\.)*"/g, '')).not.toMatch(/\s/);
  });

  it('does not depend on the order the fields were written in', () => {
    const reversed = Object.fromEntries(Object.entries(first).reverse()) as ReceiptContent;
    expect(canonicalReceiptContent(reversed)).toBe(canonicalReceiptContent(first));
  });

  it('leaves out members that are undefined, as if absent', () => {
    const card = { ...first, payment: { method: 'card' as const, reference: undefined } };
    const absent = { ...first, payment: { method: 'card' as const } };
    expect(canonicalReceiptContent(card)).toBe(canonicalReceiptContent(absent));
  });

  it('keeps null apart from absent', () => {
    const withoutReference = { ...first } as Partial<ReceiptContent>;
    delete withoutReference.carrierReference;
    expect(canonicalReceiptContent(withoutReference as ReceiptContent)).not.toBe(
      canonicalReceiptContent({ ...first, carrierReference: null }),
    );
  });

  it('refuses amounts that are not integers', () => {
    expect(() =>
      canonicalReceiptContent({ ...first, price: { amount: 55.5, currency: 'XPF' } }),
    ).toThrow(/safe integers/);
  });

  it('reports a stored receipt whose content cannot be hashed as a hash mismatch', () => {
    const broken = { ...(chain[1] as IssuedReceipt), dataMb: Number.NaN };
    expect(verifyReceiptChain(chain.with(1, broken))).toEqual({
      ok: false,
      brokenAt: 1,
      reason: 'hash_mismatch',
    });
  });
});
