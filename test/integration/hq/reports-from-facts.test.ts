import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { factIds, saleFact, zDayReport, zReportFacts } from '../../support/chain-facts';
import {
  createShop,
  enrolAsShop,
  sendFacts,
  signInStaff,
  startHeadOfficeInProcess,
  type TestHeadOffice,
} from '../../support/head-office';

const now = new Date('2026-12-07T10:00:00Z');
let headOffice: TestHeadOffice;

beforeAll(async () => {
  headOffice = await startHeadOfficeInProcess({
    postgresUrl: inject('postgresUrl'),
    now: () => now,
  });
  await signInStaff(headOffice);
});
afterAll(() => headOffice.stop());

const xpf = (amount: number) => ({ amount, currency: 'XPF' });

describe('the head office’s reports over the books shops send', () => {
  it('counts what arrived through the wire once, however often it was sent, on each shop’s own day', async () => {
    const { code } = await createShop(headOffice, { name: 'Nouméa centre' });
    const { body } = await enrolAsShop(headOffice, code);
    const nextId = factIds();
    // 23:30 UTC on the 6th is 10:30 on the 7th in Nouméa: the shop's day counts it.
    const sold = saleFact(nextId(), { saleId: 1, soldAt: '2026-12-06T23:30:00.000Z' });
    const pending = saleFact(nextId(), {
      saleId: 2,
      status: 'unknown',
      soldAt: '2026-12-07T09:00:00.000Z',
    });
    const facts = [
      sold,
      pending,
      saleFact(nextId(), { saleId: 3, status: 'failed', soldAt: '2026-12-07T09:10:00.000Z' }),
      {
        id: nextId(),
        kind: 'dealerBalance' as const,
        payload: {
          modemId: 'modem-1',
          carrierId: 'opt-nc',
          amount: 9_000,
          currency: 'XPF' as const,
          alertBelow: 10_000,
          at: '2026-12-07T09:11:00.000Z',
        },
      },
      ...zReportFacts(nextId, [
        {
          number: 1,
          shiftId: 1,
          issuedAt: '2026-12-07T09:30:00.000Z',
          report: zDayReport({
            sales: 2,
            gross: 2000,
            refunds: 0,
            dealerCost: 950,
            expected: 12_000,
            counted: 11_900,
            shift: { openedAt: '2026-12-06T20:00:00.000Z', closedAt: '2026-12-07T09:30:00.000Z' },
          }),
        },
      ]),
    ];
    expect((await sendFacts(headOffice, body.credential, facts)).status).toBe(200);
    // The same batch again (a lost ack): stored once, counted once.
    expect((await sendFacts(headOffice, body.credential, facts)).status).toBe(200);

    const day = await headOffice.client.call('reports.getDay', { day: '2026-12-07' });
    // As the shop's Z counts them: the pending sale was paid, the one failed before payment not.
    expect(day.totals).toEqual([
      {
        sales: 2,
        amount: xpf(2000),
        dealerCost: xpf(950),
        margin: xpf(50),
        refunds: 0,
        refunded: xpf(0),
        net: xpf(2000),
      },
    ]);
    expect(day.byClerk.map((line) => line.label)).toEqual(['Léa · Nouméa centre']);
    expect((await headOffice.client.call('reports.getDay', { day: '2026-12-06' })).totals).toEqual(
      [],
    );

    const { sales } = await headOffice.client.call('pending.list', {});
    expect(sales.map((sale) => [sale.saleId, sale.ageMinutes])).toEqual([[2, 60]]);
    const { floats } = await headOffice.client.call('floats.list', {});
    expect(floats).toMatchObject([
      { modemId: 'modem-1', balance: xpf(9_000), alertBelow: xpf(10_000), low: true },
    ]);
    const zs = await headOffice.client.call('zReports.list', {
      shopId: body.shopId,
      month: '2026-12',
    });
    expect(zs.zReports.map((z) => [z.tillId, z.number, z.day])).toEqual([['', 1, '2026-12-07']]);
    // The Z's own figures, beside what the head office counted of that day of the shop.
    expect(zs.zReports[0]?.figures).toEqual({
      sales: 2,
      gross: xpf(2000),
      refunds: xpf(0),
      net: xpf(2000),
      dealerCost: xpf(950),
      cash: { counted: xpf(11_900), expected: xpf(12_000), difference: xpf(-100) },
    });
    expect(zs.zReports[0]?.shiftOpenedAt).toBe('2026-12-06T20:00:00.000Z');
    expect(zs.days).toEqual([{ day: '2026-12-07', tills: [{ tillId: '', totals: day.totals }] }]);
    const file = await headOffice.client.call('reports.export', { period: '2026-12' });
    expect(file.csv.split('\n').filter(Boolean)).toHaveLength(2);
  });

  it('counts a paid sale that failed and its refund as the shop’s Z does: takings, refunded, net', async () => {
    const { code } = await createShop(headOffice, { name: 'Koné' });
    const { body } = await enrolAsShop(headOffice, code);
    const nextId = factIds();
    const soldAt = '2026-12-08T01:00:00.000Z';
    const refund = (saleId: number, at: string) => ({
      id: nextId(),
      kind: 'refund' as const,
      payload: {
        saleId,
        tillId: null,
        amount: 1000,
        currency: 'XPF' as const,
        method: 'cash' as const,
        reason: 'modem_failed',
        at,
      },
    });
    const batches = [
      // Paid, then the modem failed: failed and refunded in one commit at the shop.
      [saleFact(nextId(), { saleId: 1, status: 'failed', soldAt }), refund(1, soldAt)],
      // Pending at the close, found failed later: the sale and its refund in two batches.
      [saleFact(nextId(), { saleId: 2, status: 'unknown', soldAt })],
      [
        saleFact(nextId(), {
          saleId: 2,
          status: 'failed',
          soldAt,
          at: '2026-12-08T02:00:00.000Z',
        }),
      ],
      [refund(2, '2026-12-08T02:00:00.000Z')],
      [saleFact(nextId(), { saleId: 3, soldAt })],
    ];
    for (const facts of batches) {
      expect((await sendFacts(headOffice, body.credential, facts)).status).toBe(200);
    }
    // The Z of that day: 3 paid sales (3 000), 2 refunds (2 000), net 1 000; one top-up done.
    const day = await headOffice.client.call('reports.getDay', { day: '2026-12-08' });
    expect(day.byShop.find((line) => line.label === 'Koné')?.totals).toEqual({
      sales: 3,
      amount: xpf(3000),
      dealerCost: xpf(950),
      margin: xpf(50),
      refunds: 2,
      refunded: xpf(2000),
      net: xpf(1000),
    });
    const file = await headOffice.client.call('reports.export', { period: '2026-12-08' });
    const [header, ...lines] = file.csv.replace('\uFEFF', '').trim().split('\n');
    const column = (name: string) => header?.split(',').indexOf(name) ?? -1;
    const koné = lines.map((line) => line.split(',')).filter((cells) => cells.includes('Koné'));
    expect(koné.map((cells) => [cells[column('amount')], cells[column('margin')]])).toEqual([
      ['3000', '50'],
    ]);
  });

  it('keeps a sale’s takings on its day when a shop restored from an old backup sends another sale under its id', async () => {
    const { code } = await createShop(headOffice, { name: 'Poum' });
    const { body } = await enrolAsShop(headOffice, code);
    const nextId = factIds();
    const first = saleFact(nextId(), { saleId: 1, soldAt: '2026-12-10T01:00:00.000Z' });
    // The backup brought the shop back to before sale 1: its next sale takes the same id.
    const reused = saleFact(nextId(), {
      saleId: 1,
      soldAt: '2026-12-11T01:00:00.000Z',
      planId: 'recharge-2000',
      planName: 'Recharge 2 000',
      price: 2000,
      dealerCost: 1900,
    });
    for (const facts of [[first], [reused]]) {
      expect((await sendFacts(headOffice, body.credential, facts)).status).toBe(200);
    }
    const poum = async (day: string) =>
      (await headOffice.client.call('reports.getDay', { day })).byShop.find(
        (line) => line.label === 'Poum',
      )?.totals;
    // Each day as its Z report counted it: the first sale happened, the backup only forgot it.
    expect(await poum('2026-12-10')).toMatchObject({
      sales: 1,
      amount: xpf(1000),
      margin: xpf(50),
    });
    expect(await poum('2026-12-11')).toMatchObject({
      sales: 1,
      amount: xpf(2000),
      dealerCost: xpf(1900),
      margin: xpf(100),
    });
  });
});
