import { describe, expect, it } from 'vitest';
import { createJournal } from '../../../electron/sales/journal';
import { receiptTotal } from '../../../shared/receipt';
import { sumTaxLines } from '../../../shared/tax';
import { systemActor } from '../../../shared/user';
import { refusal, signedIn, xpf } from '../../support/api';
import { withTestHosts } from '../../support/host';

const startTestHost = withTestHosts();

/** The demo shop's clerk (users are made in order: manager, then clerk). */
const CLERK_ID = 2;

/** The demo shop, its carrier answering a top-up's silence after 1.5 s rather than a minute. */
async function demoShop() {
  const { host, core } = await startTestHost({ demo: true });
  const manager = await signedIn(host.url, 'manager', '9999');
  const clerk = await signedIn(host.url, 'clerk', '1111');
  const { profile } = await manager.call('carriers.get', { id: 'nc-demo' });
  await manager.call('carriers.save', {
    profile: { ...profile, topUp: { ...profile.topUp, timeoutMs: 1_500 } },
  });
  const sell = async (msisdn: string, key: string) =>
    (
      await clerk.call('sales.renew', {
        msisdn,
        planId: '1go',
        payment: { method: 'cash', tendered: xpf(1_500) },
        idempotencyKey: key,
      })
    ).sale;
  return { manager, clerk, sell, core };
}

describe('a pending sale, as the manager resolving it sees it', () => {
  it('shows what the carrier answered, move by move, and where it stopped answering', async () => {
    const { manager, sell, core } = await demoShop();
    const refused = await sell('687111222', 'pending-replies-refused');
    expect(refused.status).toBe('failed');
    const { moves } = await manager.call('sales.listCarrierReplies', { id: refused.id });
    expect(moves.at(-1)).toMatchObject({ from: 'sending', to: 'failed' });
    expect(moves.flatMap((move) => move.replies).map((reply) => reply.text)).toContain(
      'Numéro client 687111222 inconnu. Recharge annulée.',
    );
    // The dealer PIN never comes back: the channel masked it before the journal kept anything.
    expect(JSON.stringify(moves)).not.toContain('1234');

    const silent = await sell('687999999', 'pending-replies-silent');
    expect(silent.status).toBe('unknown');
    const pending = await manager.call('sales.listCarrierReplies', { id: silent.id });
    expect(pending.saleId).toBe(silent.id);
    expect(pending.moves.map((move) => move.to)).toContain('unknown');
    // The menu's questions came; the answer to the last step, the top-up itself, never did.
    expect(pending.moves.flatMap((move) => move.replies).map((reply) => reply.text)).toEqual([
      '1 Recharge forfait\n2 Solde',
      'Numéro client ?',
      'Forfait ? 1=1Go 2=5Go 3=20Go',
      'Code PIN revendeur ?',
    ]);

    expect((await refusal(manager.call('sales.listCarrierReplies', { id: 9999 }))).code).toBe(
      'not_found',
    );

    // Resolved, it is announced: every screen's banner and list drop it at once.
    const heard: { id: number; status: string }[] = [];
    core.events.listen((event, payload) => {
      if (event === 'sales.progress') heard.push((payload as { sale: typeof silent }).sale);
    });
    await manager.call('sales.resolve', {
      id: silent.id,
      outcome: 'failed',
      reason: 'The carrier says it never came',
    });
    expect(heard).toMatchObject([{ id: silent.id, status: 'failed' }]);
  });

  it('checks the card now and says whether the top-up landed, honestly when it cannot tell', async () => {
    const { clerk, sell, core } = await demoShop();
    // The demo network keeps each modem's own lines: a top-up it took is read only through that
    // modem. Pending sales written in the journal, as a lost modem leaves them, leave the lines
    // as they were; landing itself is table-tested (test/unit/sales/pending-verdict.test.ts).
    const journal = createJournal(core.db, () => new Date());
    const pending = (msisdn: string, key: string) => {
      const { sale } = journal.openPaidSale(
        {
          idempotencyKey: key,
          msisdn,
          carrierId: 'nc-demo',
          plan: {
            id: '1go',
            name: '1 Go',
            dataMb: 1024,
            validityDays: 30,
            price: 1500,
            dealerCost: 1000,
            taxRate: 0,
          },
          currency: 'XPF',
          payment: { method: 'card' },
          clerkId: CLERK_ID,
        },
        systemActor,
      );
      journal.markSending(sale.id, 'nc-demo-sim-1', systemActor);
      return journal.settle(
        sale.id,
        { status: 'unknown', reason: 'modem lost', transcript: '' },
        systemActor,
      );
    };

    // 0,1 Go valid six days: a 30-day top-up would have made it valid a month.
    const short = pending('+687654321', 'pending-check-short');
    const notLanded = await clerk.call('sales.checkCard', { id: short.id });
    // The carrier writes "0,1 Go": 102 MB as read.
    expect(notLanded.check).toMatchObject({
      msisdn: '+687654321',
      outcome: 'ok',
      remainingMb: 102,
    });
    expect(notLanded.verdict).toMatchObject({
      verdict: 'not_landed',
      why: 'validity_short',
      before: null,
      after: { remainingMb: notLanded.check.remainingMb, validUntil: notLanded.check.validUntil },
    });

    // 3.2 Go valid seven months, never checked before the sale: what it shows it may have had.
    const long = pending('+687123456', 'pending-check-long');
    const unsure = await clerk.call('sales.checkCard', { id: long.id });
    expect(unsure.verdict).toMatchObject({ verdict: 'cannot_tell', why: 'no_reading_before' });

    // That check is the reading from before the next sale: the data did not go up since. The
    // card is held while its sale is unknown: the manager settles that one first.
    journal.resolve(long.id, 'failed', 'the customer asked for a refund', systemActor);
    const again = pending('+687123456', 'pending-check-again');
    const still = await clerk.call('sales.checkCard', { id: again.id });
    expect(still.verdict).toMatchObject({
      verdict: 'cannot_tell',
      why: 'data_not_up',
      before: { remainingMb: 3277, at: unsure.check.receivedAt },
      after: { remainingMb: 3277 },
    });

    const refused = await sell('687111222', 'pending-check-refused');
    expect((await refusal(clerk.call('sales.checkCard', { id: refused.id }))).code).toBe(
      'conflict',
    );
  });

  it('reads the never-confirmed line’s top-up through another modem of the demo bank: landed', async () => {
    const { clerk, sell } = await demoShop();
    const before = await clerk.call('balance.check', { msisdn: '687999999' });
    expect(before).toMatchObject({ remainingMb: 0 });
    expect(Date.parse(before.validUntil)).toBeLessThan(Date.now());
    const silent = await sell('687999999', 'pending-check-silent');
    expect(silent.status).toBe('unknown');
    // Its modem waits for the late answer: the card is read through the other one, on the same
    // simulated network, which took the top-up.
    const { check, verdict } = await clerk.call('sales.checkCard', { id: silent.id });
    expect(check.modemId).not.toBe(silent.modemId);
    expect(verdict).toMatchObject({
      verdict: 'landed',
      why: 'validity_extended',
      before: { remainingMb: 0, validUntil: before.validUntil },
      after: { remainingMb: 1024 },
    });
  });
});

describe('a pending sale’s receipt, once the sale is resolved', () => {
  it('is corrected by a new receipt that refers to it and nets to zero with it when refunded', async () => {
    const { manager, sell, core } = await demoShop();
    const silent = await sell('687999999', 'pending-correction');
    expect(silent.status).toBe('unknown');
    const original = silent.receiptNumber as number;
    const { sale } = await manager.call('sales.resolve', {
      id: silent.id,
      outcome: 'failed',
      reason: 'The carrier says it never came',
    });
    const correction = sale.receiptNumber as number;
    expect(correction).toBe(original + 1);

    const contentOf = (number: number) =>
      JSON.parse(
        core.db
          .prepare('SELECT content FROM receipts WHERE number = ?')
          .pluck()
          .get(number) as string,
      );
    const [before, after] = [contentOf(original), contentOf(correction)];
    expect(after.corrects).toEqual({ number: original });
    expect(before.corrects).toBeUndefined();
    expect([before.quantity, after.quantity]).toEqual([1, -1]);
    expect(receiptTotal(before) + receiptTotal(after)).toBe(0);
    expect(sumTaxLines([...before.taxes, ...after.taxes])).toEqual([
      { rate: before.taxes[0].rate, base: 0, tax: 0 },
    ]);
    const { text } = await manager.call('receipts.get', { number: correction });
    expect(text).toContain(`Corrige le reçu N° ${original}`);
    // The original is untouched: the chain still verifies.
    expect((await manager.call('receipts.verify', {})).receipts.ok).toBe(true);
  });
});
