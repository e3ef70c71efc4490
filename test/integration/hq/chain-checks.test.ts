import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { ApiError } from '../../../shared/api/errors';
import type { Fact } from '../../../shared/head-office';
import { factIds, receiptContent, receiptFacts, zReportFacts } from '../../support/chain-facts';
import {
  createShop,
  enrolAsShop,
  sendFacts,
  signInStaff,
  startHeadOfficeInProcess,
} from '../../support/head-office';

let headOffice: Awaited<ReturnType<typeof startHeadOfficeInProcess>>;

beforeAll(async () => {
  headOffice = await startHeadOfficeInProcess({ postgresUrl: inject('postgresUrl') });
  await signInStaff(headOffice);
});
afterAll(() => headOffice.stop());

async function enrolledShop(name: string) {
  const { shopId, code } = await createShop(headOffice, { name });
  const { body } = await enrolAsShop(headOffice, code);
  return { shopId, credential: body.credential };
}

const flagsOf = async (shopId: string) =>
  (await headOffice.client.call('checks.list', { shopId, open: false })).flags.map((flag) => ({
    chain: flag.chain,
    tillId: flag.tillId,
    kind: flag.kind,
    number: flag.number,
    lastNumber: flag.lastNumber,
  }));

const till = 'counter-0001';
const receipts = (from: number, to: number) =>
  Array.from({ length: to - from + 1 }, (_, i) => ({ number: from + i, saleId: from + i }));

describe('checks on arrival', () => {
  it('finds nothing in a shop whose receipts and Z reports follow each other, from wherever they start', async () => {
    const { shopId, credential } = await enrolledShop('Houaïlou');
    const ids = factIds();
    // Enrolled after selling a while: its first receipt seen is number 41 (chained from 40).
    const first = receiptFacts(ids, receipts(41, 43), {
      tillId: till,
      from: { hash: 'e'.repeat(64) },
    });
    const last = first.at(-1) as Extract<Fact, { kind: 'receipt' }>;
    await sendFacts(headOffice, credential, first);
    await sendFacts(headOffice, credential, [
      ...receiptFacts(ids, receipts(44, 45), { tillId: till, from: last.payload }),
      ...zReportFacts(ids, [
        { number: 1, shiftId: 1 },
        { number: 2, shiftId: 2 },
      ]),
    ]);
    expect(await flagsOf(shopId)).toEqual([]);
  });

  it('flags a gap with the numbers missing, and a receipt that does not hash to its content', async () => {
    const { shopId, credential } = await enrolledShop('Thio');
    const ids = factIds();
    const chain = receiptFacts(ids, receipts(1, 6), { tillId: till });
    // Receipts 3 and 4 never arrive; receipt 6 was changed after it was hashed.
    const tampered = chain[5] as Extract<Fact, { kind: 'receipt' }>;
    tampered.payload.content = receiptContent(6, 6, { total: 10 });
    await sendFacts(headOffice, credential, [chain[0], chain[1], chain[4], tampered] as Fact[]);
    expect(await flagsOf(shopId)).toEqual([
      { chain: 'receipts', tillId: till, kind: 'hash_mismatch', number: 6, lastNumber: 6 },
      { chain: 'receipts', tillId: till, kind: 'gap', number: 3, lastNumber: 4 },
    ]);
  });

  it('flags a shop restored from an old backup once, as a fork with the numbers sold twice', async () => {
    const { shopId, credential } = await enrolledShop('Canala');
    const ids = factIds();
    const before = receiptFacts(ids, receipts(1, 5));
    await sendFacts(headOffice, credential, before);
    // Restored to the evening of receipt 3: receipts 4 and 5 are sold again, other sales.
    const third = before[2] as Extract<Fact, { kind: 'receipt' }>;
    const after = receiptFacts(
      ids,
      receipts(4, 7).map((receipt) => ({
        ...receipt,
        content: receiptContent(receipt.number, receipt.saleId + 100),
      })),
      { from: third.payload },
    );
    await sendFacts(headOffice, credential, after);
    expect(await flagsOf(shopId)).toEqual([
      { chain: 'receipts', tillId: '', kind: 'fork', number: 4, lastNumber: 5 },
    ]);
    const [flag] = (await headOffice.client.call('checks.list', { shopId, open: true })).flags;
    expect(flag?.details).toMatchObject({
      storedHash: (before[3] as Extract<Fact, { kind: 'receipt' }>).payload.hash,
      arrivedHash: (after[0] as Extract<Fact, { kind: 'receipt' }>).payload.hash,
    });
  });

  it('flags a receipt changed at the shop after it was sent, once, and staff acknowledge it', async () => {
    const { shopId, credential } = await enrolledShop('Sarraméa');
    const ids = factIds();
    const sent = receiptFacts(ids, receipts(1, 3), { tillId: till });
    await sendFacts(headOffice, credential, sent);
    const booksCheck = (): Fact => ({
      id: ids(),
      kind: 'booksCheck',
      payload: {
        at: '2026-12-07T20:00:00.000Z',
        tills: [
          {
            tillId: till,
            receipts: sent.map((fact, index) => ({
              number: index + 1,
              hash:
                index === 1
                  ? 'f'.repeat(64)
                  : (fact as Extract<Fact, { kind: 'receipt' }>).payload.hash,
            })),
          },
        ],
      },
    });
    await sendFacts(headOffice, credential, [booksCheck()]);
    // The shop checks again at its next start: the same change is not reported twice.
    await sendFacts(headOffice, credential, [booksCheck()]);
    expect(await flagsOf(shopId)).toEqual([
      { chain: 'receipts', tillId: till, kind: 'changed', number: 2, lastNumber: 2 },
    ]);
    const shops = (await headOffice.client.call('shops.list', {})).shops;
    expect(shops.find((shop) => shop.id === shopId)?.openFlags).toBe(1);

    const [flag] = (await headOffice.client.call('checks.list', { shopId, open: true })).flags;
    const acknowledged = await headOffice.client.call('checks.acknowledge', {
      id: flag?.id as number,
    });
    expect(acknowledged).toMatchObject({
      shopName: 'Sarraméa',
      acknowledgedBy: 'Marie Siège',
      acknowledgedAt: expect.any(String),
    });
    expect((await headOffice.client.call('checks.list', { shopId, open: true })).flags).toEqual([]);
    expect(
      (await headOffice.client.call('checks.list', { shopId, open: false })).flags,
    ).toHaveLength(1);
    const missing = await headOffice.client
      .call('checks.acknowledge', { id: 999_999 })
      .catch((error: ApiError) => error.code);
    expect(missing).toBe('not_found');
  });
});
