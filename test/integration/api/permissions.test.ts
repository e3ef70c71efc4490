import { describe, expect, it } from 'vitest';
import type { Client } from '../../../shared/api/client';
import type { ProcedureName } from '../../../shared/api/contract';
import { type Act, acts, type Decision, defaultPermissions } from '../../../shared/permissions';
import { refusal, signedIn } from '../../support/api';
import { withTestHosts } from '../../support/host';
import { counterPrinterAt, startNetworkPrinter } from '../../support/printers';

const startTestHost = withTestHosts();

const approval = { name: 'manager', pin: '9999' };
const foreign = { amount: 1000, currency: 'EUR' as const };

/** One procedure call doing an act (with a manager's approval or none). */
type Attempt = (client: Client, manager?: typeof approval) => Promise<unknown>;

/**
 * Each act done in a way its handler refuses once it has let the caller through (an unknown
 * sale, a foreign coin, a taken name…): what is compared is whether the caller got that far,
 * so the table changes nothing in the shop and every row runs on one shop. A manager's answer
 * is the reference: a clerk let through gets the same one, a clerk held back `forbidden`.
 */
function attemptsOf(reprinted: number, carrier: unknown): Record<Act, [ProcedureName, Attempt][]> {
  const call = (name: ProcedureName, input: Record<string, unknown>): [ProcedureName, Attempt] => [
    name,
    (client, manager) => client.call(name as never, { ...input, manager } as never),
  ];
  return {
    refund: [call('sales.resolve', { id: 999_999, outcome: 'failed', reason: 'checked' })],
    reprint: [call('receipts.print', { number: reprinted, printer: 'nowhere' })],
    open_drawer: [call('printers.openDrawer', { reason: 'Change', printer: 'nowhere' })],
    close_day: [call('day.close', { counted: [{ denomination: foreign, count: 1 }] })],
    close_period: [call('periods.close', { kind: 'month', period: '2099-01' })],
    edit_prices: [call('carriers.save', { profile: { ...(carrier as object), currency: 'EUR' } })],
    export: [
      call('day.export', { zNumber: 999_999, format: 'csv' }),
      call('accountant.export', { kind: 'month', period: '2026-10' }),
      call('audit.export', { day: '2026-10-01' }),
      call('archives.create', { period: '2026-10' }),
    ],
    manage_users: [
      call('users.create', { name: 'Manager', pin: '4321', role: 'clerk' }),
      call('users.remove', { id: 999_999 }),
      call('users.setRole', { id: 999_999, role: 'clerk' }),
      call('users.unlock', { name: 'nobody' }),
    ],
  };
}

/** 'ok', or the code of the error it was refused with. */
const outcome = (promise: Promise<unknown>) =>
  promise.then(
    () => 'ok',
    (error: { code?: string }) => error.code ?? String(error),
  );

async function demoShop() {
  const started = await startTestHost({ demo: true });
  const clerk = await signedIn(started.host.url, 'clerk', '1111');
  const manager = await signedIn(started.host.url, 'manager', '9999');
  const setClerk = (clerkActs: Partial<Record<Act, Decision>>) =>
    manager.call('permissions.update', {
      clerk: { ...defaultPermissions.clerk, ...clerkActs },
    });
  return { ...started, clerk, manager, setClerk };
}

type Printer = Awaited<ReturnType<typeof startNetworkPrinter>>;

/** A receipt printed once on `printer`, the default one: its next print is a copy. */
async function printedReceipt(clerk: Client, manager: Client, printer: Printer) {
  await manager.call('printers.save', {
    printers: [counterPrinterAt(printer.port, true)],
    defaultPrinterId: 'counter',
  });
  const { sale } = await clerk.call('sales.renew', {
    msisdn: '687123456',
    planId: '5go',
    payment: { method: 'card' },
    idempotencyKey: `permissions-${Date.now()}`,
  });
  const number = sale.receiptNumber as number;
  await clerk.call('receipts.print', { number });
  await printer.nextJob();
  return number;
}

describe('what a clerk may do, as the shop sets it', () => {
  it('starts as the shop worked before: the defaults, read by everyone with what they may do', async () => {
    const { clerk, manager } = await demoShop();
    expect(await clerk.call('permissions.get', {})).toEqual({
      permissions: defaultPermissions,
      mine: defaultPermissions.clerk,
    });
    const everything = Object.fromEntries(acts.map((act) => [act, 'allowed']));
    expect(await manager.call('permissions.get', {})).toEqual({
      permissions: defaultPermissions,
      mine: everything,
    });
  });

  it('lets a manager set it, not a clerk, and refuses a matrix with an act missing', async () => {
    const { clerk, manager, setClerk } = await demoShop();
    const set = { ...defaultPermissions.clerk, refund: 'allowed' as const };
    expect(await setClerk({ refund: 'allowed' })).toEqual({ permissions: { clerk: set } });
    expect((await clerk.call('permissions.get', {})).permissions.clerk).toEqual(set);
    expect((await refusal(clerk.call('permissions.update', defaultPermissions))).code).toBe(
      'forbidden',
    );
    const { refund: _refund, ...missing } = defaultPermissions.clerk;
    expect(
      (await refusal(manager.call('permissions.update', { clerk: missing } as never))).code,
    ).toBe('invalid_input');
    expect((await manager.call('permissions.get', {})).permissions.clerk).toEqual(set);
  });

  it('holds every act of a clerk to the matrix, and never a manager', async () => {
    const { clerk, manager, setClerk } = await demoShop();
    const printer = await startNetworkPrinter();
    const reprinted = await printedReceipt(clerk, manager, printer).finally(() => printer.close());
    const carrier = (await manager.call('carriers.get', { id: 'nc-demo' })).profile;
    const attempts = attemptsOf(reprinted, carrier);
    for (const act of acts) {
      for (const [name, attempt] of attempts[act]) {
        const reference = await outcome(attempt(manager));
        const row = `${act} by ${name}`;
        expect(reference, row).not.toBe('forbidden');

        await setClerk({ [act]: 'allowed' });
        expect(await outcome(attempt(clerk)), `${row}: allowed`).toBe(reference);
        expect(await outcome(attempt(manager)), `${row}: a manager`).toBe(reference);

        await setClerk({ [act]: 'approval' });
        expect(await outcome(attempt(clerk)), `${row}: approval, none`).toBe('forbidden');
        expect(await outcome(attempt(clerk, approval)), `${row}: approved`).toBe(reference);
        expect(await outcome(attempt(manager)), `${row}: a manager`).toBe(reference);

        await setClerk({ [act]: 'refused' });
        expect(await outcome(attempt(clerk)), `${row}: refused`).toBe('forbidden');
        expect(await outcome(attempt(clerk, approval)), `${row}: refused, approved`).toBe(
          'forbidden',
        );
        expect(await outcome(attempt(manager)), `${row}: a manager`).toBe(reference);
      }
    }
  });

  it('refuses a clerk’s approval with a wrong PIN', async () => {
    const { clerk } = await demoShop();
    const wrong = { name: 'manager', pin: '0000' };
    const refused = await refusal(
      clerk.call('sales.resolve', { id: 1, outcome: 'failed', reason: 'checked', manager: wrong }),
    );
    expect(refused.code).toBe('forbidden');
  });

  it('prints the original for a clerk the shop refuses reprints to; the copy only to a manager', async () => {
    const { clerk, manager, setClerk } = await demoShop();
    await setClerk({ reprint: 'refused' });
    const printer = await startNetworkPrinter();
    try {
      const number = await printedReceipt(clerk, manager, printer);
      expect((await refusal(clerk.call('receipts.print', { number }))).code).toBe('forbidden');
      expect(await manager.call('receipts.print', { number })).toMatchObject({ number, copy: 1 });
      expect(await printer.nextJob()).toBeInstanceOf(Buffer);
    } finally {
      await printer.close();
    }
  });
});
