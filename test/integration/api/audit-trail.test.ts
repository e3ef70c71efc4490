import { describe, expect, it } from 'vitest';
import type { Client } from '../../../shared/api/client';
import type { AuditEvent, AuditKind } from '../../../shared/audit';
import { refusal, signedIn, xpf } from '../../support/api';
import { withTestHosts } from '../../support/host';
import { startNetworkPrinter } from '../../support/printers';

const startTestHost = withTestHosts();

/** The demo shop (manager 1, clerk 2), its carrier answering a top-up's silence after 1.5 s. */
async function demoShop() {
  const started = await startTestHost({ demo: true });
  const manager = await signedIn(started.host.url, 'manager', '9999');
  const clerk = await signedIn(started.host.url, 'clerk', '1111');
  const { profile } = await manager.call('carriers.get', { id: 'nc-demo' });
  await manager.call('carriers.save', {
    profile: { ...profile, topUp: { ...profile.topUp, timeoutMs: 1_500 } },
  });
  await clerk.call('shifts.open', { float: xpf(0) });
  const printer = await startNetworkPrinter();
  await manager.call('printers.save', {
    printers: [
      {
        id: 'counter',
        name: 'Counter',
        paper: '80mm',
        kind: 'tcp',
        host: '127.0.0.1',
        port: printer.port,
        cashDrawer: true,
      },
    ],
    defaultPrinterId: 'counter',
  });
  return { ...started, manager, clerk, printer };
}

type Shop = Awaited<ReturnType<typeof demoShop>>;

let keys = 0;
const sell = async (clerk: Client, msisdn = '687123456') =>
  (
    await clerk.call('sales.renew', {
      msisdn,
      planId: '1go',
      payment: { method: 'cash', tendered: xpf(1_500) },
      idempotencyKey: `audit-sale-${Date.now()}-${++keys}`,
    })
  ).sale;

const newest = async (manager: Client, kind: AuditKind) =>
  (await manager.call('audit.list', { kind, limit: 1 })).events[0];

interface ActCase {
  act: string;
  kind: AuditKind;
  do(shop: Shop): Promise<unknown>;
  expected: Partial<AuditEvent>;
}

/** Each act of the list done once through the API, and the entry it must leave. */
const acts: ActCase[] = [
  {
    act: 'a manager signs in',
    kind: 'auth.signed_in',
    do: ({ host }) => signedIn(host.url, 'manager', '9999'),
    expected: { actor: 'manager:1', actorName: 'manager', tillName: '1' },
  },
  {
    act: 'a wrong PIN at sign-in names the name typed, never the PIN',
    kind: 'auth.wrong_pin',
    do: ({ host }) => refusal(signedIn(host.url, 'clerk', '4321')),
    expected: { actor: null, actorName: 'clerk', subject: 'sign_in', before: null, after: null },
  },
  {
    act: 'a wrong manager PIN at a clerk’s screen',
    kind: 'auth.wrong_pin',
    do: ({ clerk }) =>
      refusal(
        clerk.call('printers.openDrawer', {
          reason: 'change for the till',
          manager: { name: 'manager', pin: '4321' },
        }),
      ),
    expected: { actorName: 'manager', subject: 'approval' },
  },
  {
    act: 'the drawer opened without a sale, with a manager’s approval',
    kind: 'drawer.opened',
    do: ({ clerk }) =>
      clerk.call('printers.openDrawer', {
        reason: 'change for the till',
        manager: { name: 'manager', pin: '9999' },
      }),
    expected: {
      actor: 'clerk:2',
      actorName: 'clerk',
      approvedBy: 'manager',
      subject: 'counter',
      after: { reason: 'change for the till' },
    },
  },
  {
    act: 'the shop profile changed',
    kind: 'shop.changed',
    do: async ({ manager }) => {
      const { profile } = await manager.call('shop.get', {});
      if (!profile) throw new Error('The demo has a profile');
      return manager.call('shop.update', { ...profile, legalName: 'Comptoir Nouméa SARL' });
    },
    expected: {
      actorName: 'manager',
      before: expect.objectContaining({ legalName: 'Comptoir Démo SARL' }),
      after: expect.objectContaining({ legalName: 'Comptoir Nouméa SARL' }),
    },
  },
  {
    act: 'the day closed',
    kind: 'day.closed',
    do: ({ manager }) => manager.call('day.close', { counted: [], reason: 'audit test' }),
    expected: { actorName: 'manager', after: expect.objectContaining({ reason: 'audit test' }) },
  },
  {
    act: 'a Z report exported',
    kind: 'exports.made',
    do: ({ manager }) => manager.call('day.export', { zNumber: 1, format: 'csv' }),
    expected: {
      subject: '1',
      before: { procedure: 'day.export', zNumber: 1, format: 'csv' },
      after: {
        files: [
          'z-0001-sales.csv',
          'z-0001-summary.csv',
          'z-0001-journal.csv',
          'z-0001-journal-summary.csv',
        ],
      },
    },
  },
  {
    act: 'a Z report reprinted',
    kind: 'day.reprinted',
    do: async ({ manager, printer }) => {
      for (const _print of ['original', 'copy']) {
        await manager.call('day.print', { zNumber: 1 });
        await printer.nextJob();
      }
    },
    expected: { subject: '1', actorName: 'manager', after: { printerId: 'counter' } },
  },
  {
    act: 'how long archives are kept changed',
    kind: 'archives.policy_changed',
    do: ({ manager }) => manager.call('archives.setPolicy', { keepYears: 10 }),
    expected: { before: { keepYears: 6 }, after: { keepYears: 10 } },
  },
  {
    act: 'a plan’s price changed',
    kind: 'prices.changed',
    do: async ({ manager }) => {
      const { profile } = await manager.call('carriers.get', { id: 'nc-demo' });
      const plans = profile.plans.map((plan) =>
        plan.id === '5go' ? { ...plan, price: 6500, taxRate: 1100 } : plan,
      );
      return manager.call('carriers.save', { profile: { ...profile, plans } });
    },
    expected: {
      subject: 'nc-demo',
      before: expect.objectContaining({
        plans: expect.arrayContaining([{ id: '5go', price: 6000, taxRate: 600 }]),
      }),
      after: expect.objectContaining({
        plans: expect.arrayContaining([{ id: '5go', price: 6500, taxRate: 1100 }]),
      }),
    },
  },
  {
    act: 'the carrier profile changed',
    kind: 'carriers.changed',
    do: async ({ manager }) => {
      const { profile } = await manager.call('carriers.get', { id: 'nc-demo' });
      return manager.call('carriers.save', {
        profile: { ...profile, topUp: { ...profile.topUp, timeoutMs: 2_000 } },
      });
    },
    expected: {
      subject: 'nc-demo',
      before: expect.objectContaining({ topUp: expect.objectContaining({ timeoutMs: 1_500 }) }),
      after: expect.objectContaining({ topUp: expect.objectContaining({ timeoutMs: 2_000 }) }),
    },
  },
  {
    act: 'a receipt reprinted',
    kind: 'receipts.reprinted',
    do: async ({ clerk, printer }) => {
      const number = (await sell(clerk)).receiptNumber as number;
      await clerk.call('receipts.print', { number });
      await printer.nextJob();
      await clerk.call('receipts.print', { number });
      await printer.nextJob();
    },
    expected: { actorName: 'clerk', after: { copy: 1, printerId: 'counter' } },
  },
  {
    // A clerk may reprint by default: a manager's name sent along was never checked, not named.
    act: 'a receipt reprinted with a manager’s name it did not need',
    kind: 'receipts.reprinted',
    do: async ({ clerk, printer }) => {
      const number = (await sell(clerk)).receiptNumber as number;
      await clerk.call('receipts.print', { number });
      await printer.nextJob();
      await clerk.call('receipts.print', { number, manager: { name: 'manager', pin: '0000' } });
      await printer.nextJob();
    },
    expected: { actorName: 'clerk', approvedBy: null },
  },
  {
    act: 'a pending sale refunded by a manager',
    kind: 'sales.refunded',
    do: async ({ clerk, manager }) => {
      const silent = await sell(clerk, '687999999');
      return manager.call('sales.resolve', {
        id: silent.id,
        outcome: 'failed',
        reason: 'the carrier says it never landed',
      });
    },
    expected: {
      actorName: 'manager',
      before: { status: 'unknown' },
      after: { status: 'failed', reason: 'the carrier says it never landed' },
    },
  },
  {
    act: 'the printers’ settings changed',
    kind: 'printers.changed',
    do: async ({ manager }) => {
      const setup = await manager.call('printers.list', {});
      return manager.call('printers.save', {
        ...setup,
        printers: setup.printers.map((printer) => ({ ...printer, name: 'Comptoir' })),
      });
    },
    expected: {
      before: expect.objectContaining({
        printers: [expect.objectContaining({ name: 'Counter' })],
      }),
      after: expect.objectContaining({
        printers: [expect.objectContaining({ name: 'Comptoir' })],
      }),
    },
  },
  {
    act: 'a modem setting changed',
    kind: 'modems.changed',
    do: ({ manager }) => manager.call('modems.setFloatAlerts', { managerPhone: '+687751234' }),
    expected: { before: { managerPhone: null }, after: { managerPhone: '+687751234' } },
  },
  {
    act: 'a user added',
    kind: 'users.added',
    do: ({ manager }) => manager.call('users.create', { name: 'Léa', pin: '2468', role: 'clerk' }),
    expected: {
      actorName: 'manager',
      after: expect.objectContaining({ name: 'Léa', role: 'clerk' }),
    },
  },
  {
    act: 'a clerk made a manager',
    kind: 'users.role_changed',
    do: async ({ manager }) => {
      const { users } = await manager.call('users.list', {});
      const lea = users.find((user) => user.name === 'Léa');
      return manager.call('users.setRole', { id: lea?.id ?? 0, role: 'manager' });
    },
    expected: {
      before: expect.objectContaining({ name: 'Léa', role: 'clerk' }),
      after: expect.objectContaining({ name: 'Léa', role: 'manager' }),
    },
  },
  {
    act: 'what a clerk may do changed',
    kind: 'permissions.changed',
    do: async ({ manager }) => {
      const { permissions } = await manager.call('permissions.get', {});
      return manager.call('permissions.update', {
        clerk: { ...permissions.clerk, reprint: 'approval' },
      });
    },
    expected: {
      before: { clerk: expect.objectContaining({ reprint: 'allowed' }) },
      after: { clerk: expect.objectContaining({ reprint: 'approval' }) },
    },
  },
  {
    // The shop's clock is the real one: November 2026 has ended, without a sale.
    act: 'a month closed',
    kind: 'periods.closed',
    do: ({ manager }) => manager.call('periods.close', { kind: 'month', period: '2026-11' }),
    expected: { subject: '2026-11', after: { kind: 'month', number: 1 } },
  },
  {
    act: 'a closed month archived',
    kind: 'archives.created',
    do: ({ manager }) => manager.call('archives.create', { period: '2026-11' }),
    expected: {
      subject: '2026-11',
      after: expect.objectContaining({ name: 'comptoir-1-2026-11.zip' }),
    },
  },
  {
    act: 'the accountant’s export of a month',
    kind: 'exports.made',
    do: ({ manager }) => manager.call('accountant.export', { kind: 'month', period: '2026-11' }),
    expected: {
      subject: '2026-11',
      after: { files: ['2026-11-journal.csv', '2026-11-journal-summary.csv'] },
    },
  },
  {
    act: 'how cash is counted changed',
    kind: 'tills.drawers_changed',
    do: ({ manager }) => manager.call('tills.setDrawers', { drawers: 'shop' }),
    expected: { before: { drawers: 'per_till' }, after: { drawers: 'shop' } },
  },
  {
    act: 'a user removed',
    kind: 'users.removed',
    do: ({ manager }) => manager.call('users.remove', { id: 2 }),
    expected: { subject: '2', before: { id: 2, name: 'clerk', role: 'clerk' } },
  },
  {
    act: 'a manager signs out',
    kind: 'auth.signed_out',
    do: async ({ host }) => (await signedIn(host.url, 'manager', '9999')).call('auth.logout', {}),
    expected: { actor: 'manager:1', actorName: 'manager' },
  },
];

describe('the audit trail records every sensitive act with who, where and what changed', () => {
  it('one entry per act, in order, chained', { timeout: 60_000 }, async () => {
    const shop = await demoShop();
    const seen = new Set<string>();
    for (const act of acts) {
      await act.do(shop);
      const entry = await newest(shop.manager, act.kind);
      expect(entry, act.act).toMatchObject({ kind: act.kind, tillName: '1', ...act.expected });
      expect(seen.has(entry?.hash ?? ''), `${act.act}: a new entry`).toBe(false);
      seen.add(entry?.hash ?? '');
    }
    const all = await shop.manager.call('audit.list', {});
    expect(JSON.stringify(all)).not.toMatch(/4321|"9999"|"1111"/);
    expect(await shop.manager.call('audit.verify', {})).toEqual({
      ok: true,
      count: all.events.length,
    });
  });
});
