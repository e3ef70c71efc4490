import { describe, expect, it } from 'vitest';
import { nextCopy, recordAfter } from '../../../renderer/components/receipt-prints';
import { refusal, signedIn, xpf } from '../../support/api';
import { withTestHosts } from '../../support/host';
import { closedPort, startNetworkPrinter } from '../../support/printers';

const startTestHost = withTestHosts();

const tcp = (id: string, port: number) => ({
  id,
  name: `Printer ${id}`,
  paper: '80mm' as const,
  kind: 'tcp' as const,
  host: '127.0.0.1',
  port,
});

describe('the Print button of a receipt', () => {
  it('says what the core prints next: the original, the same after a failed print, then COPY n', async () => {
    const { host } = await startTestHost({ demo: true });
    const clerk = await signedIn(host.url, 'clerk', '1111');
    const manager = await signedIn(host.url, 'manager', '9999');
    const printer = await startNetworkPrinter();
    try {
      await manager.call('printers.save', {
        printers: [tcp('counter', printer.port), tcp('off', await closedPort())],
        defaultPrinterId: 'counter',
      });
      const { sale } = await clerk.call('sales.renew', {
        msisdn: '687123456',
        planId: '1go',
        payment: { method: 'cash', tendered: xpf(2000) },
        idempotencyKey: `print-label-${Date.now()}`,
      });
      const number = sale.receiptNumber as number;
      // What the counter reads when the outcome shows.
      let record = await clerk.call('receipts.get', { number });
      const prints: Array<{ said: number | null; printed: number | null }> = [];
      const print = async (printerId: string) => {
        const said = nextCopy(record);
        const printed = await clerk.call('receipts.print', { number, printer: printerId });
        await printer.nextJob();
        prints.push({ said, printed: printed.copy });
        record = { ...record, ...recordAfter(printed) };
      };

      expect((await refusal(clerk.call('receipts.print', { number, printer: 'off' }))).code).toBe(
        'printer_failed',
      );
      await print('counter');
      await print('counter');
      // Printed meanwhile from the Sales page: the counter's next answer catches up.
      expect((await manager.call('receipts.print', { number })).copy).toBe(2);
      await printer.nextJob();
      await print('counter');

      expect(prints).toEqual([
        { said: null, printed: null },
        { said: 1, printed: 1 },
        { said: 2, printed: 3 },
      ]);
      expect(nextCopy(record)).toBe(4);
      expect(nextCopy(await clerk.call('receipts.get', { number }))).toBe(4);
    } finally {
      await printer.close();
    }
  });
});
