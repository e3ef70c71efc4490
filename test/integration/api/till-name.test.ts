import { describe, expect, it } from 'vitest';
import { createReceiptBook } from '../../../electron/sales/receipts';
import { findDeviceId } from '../../../electron/store/users';
import type { ReceiptContent } from '../../../shared/receipt';
import { refusal, signedIn, xpf } from '../../support/api';
import { withTestHosts } from '../../support/host';
import { startNetworkPrinter } from '../../support/printers';
import { readEscPos } from '../../unit/printing/escpos-reader';

const startTestHost = withTestHosts();

let keys = 0;
const key = () => `till-name-${Date.now()}-${++keys}`;

/** The demo shop (its receipts in French), a clerk and a manager signed in. */
async function demoShop() {
  const started = await startTestHost({ demo: true });
  const clerk = await signedIn(started.host.url, 'clerk', '1111');
  const manager = await signedIn(started.host.url, 'manager', '9999');
  return { ...started, clerk, manager };
}

const tillRow = (text: string) => text.split('\n').find((line) => line.startsWith('Caisse'));

describe('the till’s name on receipts', () => {
  it('prints the name the manager set on new receipts, and old receipts as they were', async () => {
    const { core, clerk, manager } = await demoShop();
    const printer = await startNetworkPrinter();
    try {
      await manager.call('printers.save', {
        printers: [
          {
            id: 'counter',
            name: 'Counter',
            paper: '80mm',
            kind: 'tcp',
            host: '127.0.0.1',
            port: printer.port,
          },
        ],
        defaultPrinterId: 'counter',
      });
      const sell = () =>
        clerk.call('sales.renew', {
          msisdn: '687123456',
          planId: '5go',
          payment: { method: 'card' },
          idempotencyKey: key(),
        });
      const first = await sell();
      const firstNumber = first.sale.receiptNumber as number;
      expect(tillRow((await clerk.call('receipts.get', { number: firstNumber })).text)).toMatch(
        /^Caisse +1$/,
      );

      // A receipt issued before tills had names: its content has no name, only the device id.
      const deviceId = findDeviceId(core.db) as string;
      const stored = core.db
        .prepare<[number], string>('SELECT content FROM receipts WHERE number = ?')
        .pluck()
        .get(firstNumber) as string;
      const {
        deviceId: _d,
        number: _n,
        issuedAt: _i,
        tillName: _t,
        ...draft
      } = JSON.parse(stored) as ReceiptContent;
      const old = createReceiptBook(core.db, deviceId, () => new Date()).issue(
        first.sale.id,
        draft,
      );
      expect(Object.keys(old)).not.toContain('tillName');

      const { profile } = await manager.call('shop.get', {});
      if (!profile) throw new Error('the demo shop has a profile');
      await manager.call('shop.update', { ...profile, tillName: 'Comptoir 2' });
      const named = (await sell()).sale.receiptNumber as number;

      const receipt = await clerk.call('receipts.get', { number: named });
      expect(tillRow(receipt.text)).toMatch(/^Caisse +Comptoir 2$/);
      expect(receipt.html).toContain('Comptoir 2');
      expect(receipt.text).not.toContain(deviceId);
      await clerk.call('receipts.print', { number: named });
      const printed = readEscPos(await printer.nextJob()).lines.map((line) => line.trim());
      expect(printed).toContainEqual(expect.stringMatching(/^Caisse +Comptoir 2$/));

      const before = await clerk.call('receipts.get', { number: old.number });
      expect(tillRow(before.text)).toMatch(new RegExp(`^Caisse +${deviceId}$`));
      expect(before.html).not.toContain('Comptoir 2');
      expect(before.hash).toBe(old.hash);
      expect((await manager.call('receipts.verify', {})).receipts.ok).toBe(true);
    } finally {
      await printer.close();
    }
  });

  it('names it on the X and Z reports, printed and shown, as it is named when they are', async () => {
    const { clerk, manager } = await demoShop();
    const printer = await startNetworkPrinter();
    try {
      await manager.call('printers.save', {
        printers: [
          {
            id: 'counter',
            name: 'Counter',
            paper: '80mm',
            kind: 'tcp',
            host: '127.0.0.1',
            port: printer.port,
          },
        ],
        defaultPrinterId: 'counter',
      });
      const rename = async (tillName: string) => {
        const { profile } = await manager.call('shop.get', {});
        if (!profile) throw new Error('the demo shop has a profile');
        await manager.call('shop.update', { ...profile, tillName });
      };
      const printedTill = async () =>
        readEscPos(await printer.nextJob())
          .lines.map((line) => line.trim())
          .filter((line) => line.startsWith('Caisse'));

      await clerk.call('shifts.open', { float: xpf(10_000) });
      await clerk.call('sales.renew', {
        msisdn: '687123456',
        planId: '5go',
        payment: { method: 'card' },
        idempotencyKey: key(),
      });
      await rename('Comptoir 2');
      await clerk.call('day.printXReport', {});
      expect(await printedTill()).toEqual([expect.stringMatching(/^Caisse +Comptoir 2$/)]);

      const { z } = await manager.call('day.close', {
        counted: [{ denomination: xpf(10_000), count: 1 }],
      });
      expect(z.report.names.till).toBe('Comptoir 2');
      await manager.call('day.print', { zNumber: z.number });
      expect(await printedTill()).toEqual([expect.stringMatching(/^Caisse +Comptoir 2$/)]);

      // The name is looked up when the Z is shown or printed: the Z as issued, and its hash, stay.
      await rename('Comptoir 3');
      const shown = (await manager.call('day.get', { zNumber: z.number })).z;
      expect(shown.report.names.till).toBe('Comptoir 3');
      expect(shown.hash).toBe(z.hash);
      await manager.call('day.print', { zNumber: z.number });
      expect(await printedTill()).toEqual([expect.stringMatching(/^Caisse +Comptoir 3$/)]);
    } finally {
      await printer.close();
    }
  });

  it.each([
    ['too long', 'x'.repeat(31), 'too_big'],
    ['with an escape character', 'Till\u001b[2J', 'control_characters'],
    ['empty', '  ', 'too_small'],
  ])('refuses a name %s and changes nothing', async (_label, tillName, code) => {
    const { manager } = await demoShop();
    const { profile } = await manager.call('shop.get', {});
    if (!profile) throw new Error('the demo shop has a profile');
    const refused = await refusal(manager.call('shop.update', { ...profile, tillName }));
    expect(refused.issues).toEqual([expect.objectContaining({ path: 'tillName', code })]);
    expect((await manager.call('shop.get', {})).profile).toEqual(profile);
  });
});
