import { describe, expect, it } from 'vitest';
import type { ApiError } from '../../../shared/api/errors';
import { localDate } from '../../../shared/local-time';
import { taxOfTotal } from '../../../shared/tax';
import { refusal, signedIn, xpf } from '../../support/api';
import { readCsv } from '../../support/csv';
import { withTestHosts } from '../../support/host';

const startTestHost = withTestHosts();

const planName = '1 Go, "été" 流量';

/**
 * The demo shop's day: the 1 Go plan at 11 % TGC under a name with a comma, quotes, accents and
 * Chinese; a shift opened, a cash sale that lands, one the carrier refuses (refunded at once), and one left
 * pending that a manager resolves as failed: its refund is a correction receipt.
 */
async function dayWithACorrection() {
  const { host } = await startTestHost({ demo: true });
  const manager = await signedIn(host.url, 'manager', '9999');
  const clerk = await signedIn(host.url, 'clerk', '1111');
  const { profile } = await manager.call('carriers.get', { id: 'nc-demo' });
  await manager.call('carriers.save', {
    profile: {
      ...profile,
      topUp: { ...profile.topUp, timeoutMs: 1_500 },
      plans: profile.plans.map((plan) =>
        plan.id === '1go' ? { ...plan, name: planName, taxRate: 1100 } : plan,
      ),
    },
  });
  await clerk.call('shifts.open', { float: xpf(0) });
  const sell = async (msisdn: string, key: string, payment: object) =>
    (
      await clerk.call('sales.renew', {
        msisdn,
        planId: '1go',
        payment: payment as never,
        idempotencyKey: key,
      })
    ).sale;
  const landed = await sell('687123456', 'journal-landed', { method: 'card', reference: 'TPE-9' });
  const refused = await sell('687111222', 'journal-refused', {
    method: 'cash',
    tendered: xpf(1_500),
  });
  const pending = await sell('687999999', 'journal-pending', {
    method: 'cash',
    tendered: xpf(2_000),
  });
  expect([landed.status, refused.status, pending.status]).toEqual([
    'succeeded',
    'failed',
    'unknown',
  ]);
  await manager.call('sales.resolve', {
    id: pending.id,
    outcome: 'failed',
    reason: 'The carrier says it never came',
  });
  return { manager, clerk, landed, refused, pending };
}

const text = (file: { base64: string } | undefined) =>
  Buffer.from(file?.base64 ?? '', 'base64').toString('utf8');

describe("the accountant's export", () => {
  it('journals each receipt with its tax, payment and correction link, and sums them by plan, rate and payment', async () => {
    const { manager, clerk, landed, refused, pending } = await dayWithACorrection();
    const today = localDate(new Date(), 'Pacific/Noumea');
    const { files } = await manager.call('accountant.export', { kind: 'day', period: today });
    expect(files.map(({ name, mediaType }) => ({ name, mediaType }))).toEqual([
      { name: `${today}-journal.csv`, mediaType: 'text/csv' },
      { name: `${today}-journal-summary.csv`, mediaType: 'text/csv' },
    ]);
    const journalText = text(files[0]);
    expect(journalText.startsWith('\uFEFFreceipt_number,issued_at_utc,issued_at_local,till,')).toBe(
      true,
    );
    // The plan's name is quoted, its quotes doubled: it comes back whole.
    expect(journalText).toContain('"1 Go, ""été"" 流量"');
    const journal = readCsv(journalText);
    const bySale = (id: number) => journal.filter((row) => Number(row.sale_id) === id);

    const tax = taxOfTotal(1_500, 1100);
    expect(bySale(landed.id)).toEqual([
      expect.objectContaining({
        plan: planName,
        clerk: 'clerk',
        quantity: '1',
        unit_price: '1500',
        total: '1500',
        tax_rate_percent: '11',
        amount_before_tax: String(tax.base),
        tax: String(tax.tax),
        currency: 'XPF',
        payment_method: 'card',
        status: 'succeeded',
        corrects_receipt: '',
      }),
    ]);
    expect(bySale(landed.id)[0]?.customer).not.toContain('687123456');
    // Refused at the counter: the receipt says so and charges nothing.
    expect(bySale(refused.id)).toEqual([
      expect.objectContaining({ total: '0', tax: '0', status: 'failed-refunded' }),
    ]);
    // The pending receipt took the money; the correction gives it back and names it.
    const [took, gaveBack] = bySale(pending.id);
    expect(took).toMatchObject({ total: '1500', status: 'pending-verification', quantity: '1' });
    expect(gaveBack).toMatchObject({
      quantity: '-1',
      total: '-1500',
      amount_before_tax: String(-tax.base),
      tax: String(-tax.tax),
      payment_method: 'cash',
      corrects_receipt: took?.receipt_number,
    });
    expect(Number(gaveBack?.receipt_number)).toBeGreaterThan(Number(took?.receipt_number));

    const summary = readCsv(text(files[1]));
    const row = (section: string, key: string) =>
      summary.find((line) => line.section === section && line.key === key);
    const sum = (column: string, rows: Record<string, string>[]) =>
      rows.reduce((total, line) => total + Number(line[column]), 0);
    // The journal's tax per rate is the summary's, and the whole day's.
    expect(Number(row('by_tax_rate', '11')?.tax)).toBe(sum('tax', journal));
    expect(Number(row('by_tax_rate', '11')?.amount_before_tax)).toBe(
      sum('amount_before_tax', journal),
    );
    expect(row('total', 'all')).toMatchObject({
      receipts: '4',
      total: '1500',
      tax: String(tax.tax),
    });
    expect(row('by_plan', planName)).toMatchObject({ receipts: '4', total: '1500' });
    expect(row('by_payment', 'card')).toMatchObject({ receipts: '1', total: '1500' });
    expect(row('by_payment', 'cash')).toMatchObject({ receipts: '3', total: '0' });

    // The month and the year hold the same receipts.
    for (const [kind, period] of [
      ['month', today.slice(0, 7)],
      ['year', today.slice(0, 4)],
    ] as const) {
      const again = await manager.call('accountant.export', { kind, period });
      expect(readCsv(text(again.files[0]))).toEqual(journal);
    }
    // Another day holds none.
    const empty = await manager.call('accountant.export', { kind: 'day', period: '2020-01-01' });
    expect(readCsv(text(empty.files[0]))).toEqual([]);
    expect(readCsv(text(empty.files[1]))).toEqual([
      {
        section: 'total',
        key: 'all',
        receipts: '0',
        total: '0',
        amount_before_tax: '0',
        tax: '0',
        currency: 'XPF',
      },
    ]);

    // A clerk needs a manager's name and PIN; a period that is not one of its kind is refused.
    expect(
      (await refusal(clerk.call('accountant.export', { kind: 'day', period: today }))).code,
    ).toBe('forbidden');
    const approved = await clerk.call('accountant.export', {
      kind: 'day',
      period: today,
      manager: { name: 'manager', pin: '9999' },
    });
    expect(readCsv(text(approved.files[0]))).toEqual(journal);
    const bad = await refusal(
      manager.call('accountant.export', { kind: 'month', period: '2026-13' }),
    );
    expect(bad).toMatchObject({
      code: 'invalid_input',
      issues: [{ path: 'period', code: 'period_format' }],
    });
  });

  it("makes a Z report's CSV journal the same as the day's", async () => {
    const { manager } = await dayWithACorrection();
    const today = localDate(new Date(), 'Pacific/Noumea');
    const close = { counted: [], reason: 'Journal test' };
    // The demo's dealer SIMs may not answer their balance after a silent top-up: typed by hand.
    const { z } = await manager.call('day.close', close).catch((unread: ApiError) =>
      manager.call('day.close', {
        ...close,
        dealerBalances: (unread.issues ?? []).map((issue) => ({
          modemId: String(issue.params?.modemId),
          amount: xpf(0),
        })),
      }),
    );
    const exported = await manager.call('day.export', { zNumber: z.number, format: 'csv' });
    const stem = `z-${String(z.number).padStart(4, '0')}`;
    expect(exported.files.map((file) => file.name)).toEqual([
      `${stem}-sales.csv`,
      `${stem}-summary.csv`,
      `${stem}-journal.csv`,
      `${stem}-journal-summary.csv`,
    ]);
    const { files } = await manager.call('accountant.export', { kind: 'day', period: today });
    expect(text(exported.files[2])).toBe(text(files[0]));
    expect(text(exported.files[3])).toBe(text(files[1]));
  });
});
