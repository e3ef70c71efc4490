import { describe, expect, it } from 'vitest';
import { signedIn, xpf } from '../../support/api';
import { withTestHosts } from '../../support/host';
import { startNetworkPrinter } from '../../support/printers';
import { readEscPos } from '../../unit/printing/escpos-reader';

const startTestHost = withTestHosts();

describe('the refunds of a French Z report', () => {
  it('say why each sale failed in French, with the carrier’s words, never a code', async () => {
    const { host } = await startTestHost({ demo: true });
    const clerk = await signedIn(host.url, 'clerk', '1111');
    const manager = await signedIn(host.url, 'manager', '9999');
    await clerk.call('shifts.open', { float: xpf(10_000) });
    const { sale } = await clerk.call('sales.renew', {
      msisdn: '687111222',
      planId: '1go',
      payment: { method: 'cash', tendered: xpf(1_500) },
      idempotencyKey: 'z-refund-cause-1',
    });
    expect(sale).toMatchObject({ status: 'failed', cause: { code: 'unknown_number' } });

    const { z } = await manager.call('day.close', {
      counted: [{ denomination: xpf(10_000), count: 1 }],
    });
    expect(z.report.refunds).toEqual([
      expect.objectContaining({ saleId: sale.id, cause: sale.cause }),
    ]);

    const printer = await startNetworkPrinter();
    try {
      await manager.call('printers.save', {
        printers: [
          {
            id: 'till',
            name: 'Till',
            paper: '80mm',
            kind: 'tcp',
            host: '127.0.0.1',
            port: printer.port,
          },
        ],
        defaultPrinterId: 'till',
      });
      await manager.call('day.print', { zNumber: z.number });
      const lines = readEscPos(await printer.nextJob()).lines.map((line) => line.trim());
      const refunds = lines.slice(
        lines.indexOf('REMBOURSEMENTS'),
        lines.indexOf('MOUVEMENTS DE CAISSE'),
      );
      // cp437 has no ’: it prints as '.
      expect(refunds).toContain("L'opérateur ne connaît pas ce numéro.");
      expect(refunds.join(' ')).toMatch(
        /L'opérateur a dit : « Numéro client \+?687111222 ?inconnu/,
      );
      expect(refunds.join(' ')).not.toMatch(/unknown_number|carrier/i);
    } finally {
      await printer.close();
    }
  });
});
