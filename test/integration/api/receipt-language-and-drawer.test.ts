import { describe, expect, it } from 'vitest';
import { refusal, signedIn, xpf } from '../../support/api';
import { withTestHosts } from '../../support/host';
import { startNetworkPrinter } from '../../support/printers';
import { readEscPos } from '../../unit/printing/escpos-reader';

const startTestHost = withTestHosts();

let keys = 0;
const key = () => `till-sale-${Date.now()}-${++keys}`;

/** The demo shop (its receipts in French), a clerk and a manager signed in. */
async function demoShop() {
  const started = await startTestHost({ demo: true });
  const clerk = await signedIn(started.host.url, 'clerk', '1111');
  const manager = await signedIn(started.host.url, 'manager', '9999');
  return { ...started, clerk, manager };
}

const counterPrinter = (port: number, cashDrawer: boolean) => ({
  id: 'counter',
  name: 'Counter',
  paper: '80mm' as const,
  kind: 'tcp' as const,
  host: '127.0.0.1',
  port,
  cashDrawer,
});

const printedLines = (job: Buffer) => readEscPos(job).lines.map((line) => line.trim());
const pulses = (job: Buffer) =>
  readEscPos(job).commands.filter((command) => command.name === 'drawer-pulse');
const pulseBytes = Buffer.from([0x1b, 0x70, 0x00, 50, 250]);

describe('the receipt in the customer’s language', () => {
  it('issues the receipt in French with the language the clerk picked under it, in French alone when none was', async () => {
    const { core, clerk, manager } = await demoShop();
    const printer = await startNetworkPrinter();
    try {
      await manager.call('printers.save', {
        printers: [counterPrinter(printer.port, false)],
        defaultPrinterId: 'counter',
      });
      const english = await clerk.call('sales.renew', {
        msisdn: '687123456',
        planId: '5go',
        payment: { method: 'card' },
        idempotencyKey: key(),
        receiptLanguage: 'en',
      });
      const number = english.sale.receiptNumber as number;
      expect((await clerk.call('receipts.get', { number })).text).toMatch(
        new RegExp(`^Reçu / Receipt +N° ${number}$`, 'm'),
      );
      await clerk.call('receipts.print', { number });
      const lines = printedLines(await printer.nextJob());
      expect(lines).toContainEqual(
        expect.stringMatching(new RegExp(`^Reçu / Receipt +N° ${number}$`)),
      );
      expect(lines).toContain('TOP-UP DONE');

      const french = await clerk.call('sales.renew', {
        msisdn: '687123456',
        planId: '5go',
        payment: { method: 'card' },
        idempotencyKey: key(),
      });
      const shopNumber = french.sale.receiptNumber as number;
      const inFrench = (await clerk.call('receipts.get', { number: shopNumber })).text;
      expect(inFrench).toMatch(new RegExp(`^Reçu +N° ${shopNumber}$`, 'm'));
      expect(inFrench).not.toContain('Receipt');
      // The language is in what the receipt's hash covers: it was settled before it was issued.
      expect(core.db.prepare('SELECT sale_id, language FROM sale_receipt_languages').all()).toEqual(
        [{ sale_id: english.sale.id, language: 'en' }],
      );
      expect((await manager.call('receipts.verify', {})).receipts.ok).toBe(true);
    } finally {
      await printer.close();
    }
  });

  it('prints a Chinese receipt in French and Chinese on a printer with a Chinese font, in French and English on one without', async () => {
    const { clerk, manager } = await demoShop();
    const printer = await startNetworkPrinter();
    try {
      const chinese = { ...counterPrinter(printer.port, false), chineseFont: true };
      const plain = { ...counterPrinter(printer.port, false), id: 'plain', name: 'Plain' };
      await manager.call('printers.save', {
        printers: [chinese, plain],
        defaultPrinterId: 'counter',
      });
      const { sale } = await clerk.call('sales.renew', {
        msisdn: '687123456',
        planId: '5go',
        payment: { method: 'card' },
        idempotencyKey: key(),
        receiptLanguage: 'zh-CN',
      });
      const number = sale.receiptNumber as number;
      await clerk.call('receipts.print', { number });
      const inChinese = printedLines(await printer.nextJob());
      expect(inChinese).toContainEqual(
        expect.stringMatching(new RegExp(`^Reçu / 收据 +N° ${number}$`)),
      );
      await clerk.call('receipts.print', { number, printer: 'plain' });
      const inEnglish = printedLines(await printer.nextJob());
      expect(inEnglish).toContainEqual(
        expect.stringMatching(new RegExp(`^Reçu / Receipt +N° ${number}$`)),
      );
    } finally {
      await printer.close();
    }
  });

  it('refuses a language the receipts are not written in, and sells nothing', async () => {
    const { core, clerk } = await demoShop();
    const refused = await refusal(
      clerk.call('sales.renew', {
        msisdn: '687123456',
        planId: '5go',
        payment: { method: 'card' },
        idempotencyKey: key(),
        receiptLanguage: 'de',
      } as never),
    );
    expect(refused.code).toBe('invalid_input');
    expect(refused.issues?.map((issue) => issue.path)).toEqual(['receiptLanguage']);
    expect(core.db.prepare('SELECT count(*) FROM sales').pluck().get()).toBe(0);
  });
});

describe('the cash drawer', () => {
  it('opens with a cash sale’s original receipt, never with a copy or a card sale', async () => {
    const { clerk, manager } = await demoShop();
    const printer = await startNetworkPrinter();
    try {
      await manager.call('printers.save', {
        printers: [counterPrinter(printer.port, true)],
        defaultPrinterId: 'counter',
      });
      const cash = await clerk.call('sales.renew', {
        msisdn: '687123456',
        planId: '5go',
        payment: { method: 'cash', tendered: xpf(10_000) },
        idempotencyKey: key(),
      });
      const number = cash.sale.receiptNumber as number;
      await clerk.call('receipts.print', { number });
      const original = await printer.nextJob();
      expect(pulses(original)).toEqual([expect.objectContaining({ value: 0, line: 0 })]);
      expect(original.indexOf(pulseBytes)).toBeGreaterThan(0);

      await clerk.call('receipts.print', { number });
      expect(pulses(await printer.nextJob())).toEqual([]);

      const card = await clerk.call('sales.renew', {
        msisdn: '687123456',
        planId: '5go',
        payment: { method: 'card' },
        idempotencyKey: key(),
      });
      await clerk.call('receipts.print', { number: card.sale.receiptNumber as number });
      expect(pulses(await printer.nextJob())).toEqual([]);
    } finally {
      await printer.close();
    }
  });

  it('stays shut on a printer without a drawer', async () => {
    const { clerk, manager } = await demoShop();
    const printer = await startNetworkPrinter();
    try {
      await manager.call('printers.save', {
        printers: [counterPrinter(printer.port, false)],
        defaultPrinterId: 'counter',
      });
      const cash = await clerk.call('sales.renew', {
        msisdn: '687123456',
        planId: '5go',
        payment: { method: 'cash', tendered: xpf(10_000) },
        idempotencyKey: key(),
      });
      await clerk.call('receipts.print', { number: cash.sale.receiptNumber as number });
      expect(pulses(await printer.nextJob())).toEqual([]);
    } finally {
      await printer.close();
    }
  });
});

describe('opening the cash drawer without a sale', () => {
  async function shopWithDrawer() {
    const shop = await demoShop();
    const printer = await startNetworkPrinter();
    await shop.manager.call('printers.save', {
      printers: [counterPrinter(printer.port, true)],
      defaultPrinterId: 'counter',
    });
    const openings = () =>
      shop.core.db
        .prepare('SELECT printer_id, actor, approved_by, reason FROM drawer_openings')
        .all();
    return { ...shop, printer, openings };
  }

  it('opens for a manager, with why, and logs it', async () => {
    const { manager, printer, openings } = await shopWithDrawer();
    try {
      const opened = await manager.call('printers.openDrawer', { reason: 'Change for the float' });
      expect(opened).toEqual({ printerId: 'counter', openedAt: expect.any(String) });
      const job = await printer.nextJob();
      expect(job).toEqual(Buffer.from([0x1b, 0x40, ...pulseBytes]));
      expect(openings()).toEqual([
        {
          printer_id: 'counter',
          actor: expect.stringMatching(/^manager:\d+$/),
          approved_by: expect.stringMatching(/^manager:\d+$/),
          reason: 'Change for the float',
        },
      ]);
    } finally {
      await printer.close();
    }
  });

  it('refuses a clerk alone, opens for a clerk with a manager’s name and PIN', async () => {
    const { clerk, printer, openings } = await shopWithDrawer();
    try {
      const refused = await refusal(clerk.call('printers.openDrawer', { reason: 'Give change' }));
      expect(refused.code).toBe('forbidden');
      const wrongPin = await refusal(
        clerk.call('printers.openDrawer', {
          reason: 'Give change',
          manager: { name: 'manager', pin: '0000' },
        }),
      );
      expect(wrongPin.code).toBe('forbidden');
      expect(openings()).toEqual([]);

      await clerk.call('printers.openDrawer', {
        reason: 'Give change',
        manager: { name: 'manager', pin: '9999' },
      });
      expect(await printer.nextJob()).toEqual(Buffer.from([0x1b, 0x40, ...pulseBytes]));
      expect(openings()).toEqual([
        {
          printer_id: 'counter',
          actor: expect.stringMatching(/^clerk:\d+$/),
          approved_by: expect.stringMatching(/^manager:\d+$/),
          reason: 'Give change',
        },
      ]);
    } finally {
      await printer.close();
    }
  });

  it('needs a reason, and a printer with a drawer', async () => {
    const { manager, printer, openings } = await shopWithDrawer();
    try {
      for (const reason of ['', '  ', 'ok']) {
        const refused = await refusal(manager.call('printers.openDrawer', { reason }));
        expect(refused.code).toBe('invalid_input');
        expect(new Set(refused.issues?.map((issue) => issue.path))).toEqual(new Set(['reason']));
      }
      await manager.call('printers.save', {
        printers: [counterPrinter(printer.port, false)],
        defaultPrinterId: 'counter',
      });
      const noDrawer = await refusal(manager.call('printers.openDrawer', { reason: 'Count' }));
      expect(noDrawer.issues).toEqual([
        expect.objectContaining({ path: 'printer', code: 'no_cash_drawer' }),
      ]);
      expect(openings()).toEqual([]);
    } finally {
      await printer.close();
    }
  });
});
