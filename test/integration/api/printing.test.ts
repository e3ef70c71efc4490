import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createClient } from '../../../shared/api/client';
import { httpTransport } from '../../../shared/api/http-transport';
import { refusal, signedIn, xpf } from '../../support/api';
import { withTestHosts } from '../../support/host';
import { closedPort, startNetworkPrinter } from '../../support/printers';
import { readEscPos } from '../../unit/printing/escpos-reader';

const startTestHost = withTestHosts();

let keys = 0;
const key = () => `print-sale-${Date.now()}-${++keys}`;

/** The demo shop (receipts in French) after one cash sale, with a clerk and a manager signed in. */
async function shopWithASale() {
  const started = await startTestHost({ demo: true });
  const clerk = await signedIn(started.host.url, 'clerk', '1111');
  const manager = await signedIn(started.host.url, 'manager', '9999');
  const { sale } = await clerk.call('sales.renew', {
    msisdn: '687123456',
    planId: '5go',
    payment: { method: 'cash', tendered: xpf(10_000) },
    idempotencyKey: key(),
  });
  return { ...started, clerk, manager, number: sale.receiptNumber as number };
}

const tcp = (id: string, port: number) => ({
  id,
  name: `Printer ${id}`,
  paper: '80mm' as const,
  kind: 'tcp' as const,
  host: '127.0.0.1',
  port,
  cashDrawer: false,
  chineseFont: false,
});

/** The lines a printer printed from a job. */
const printedLines = (job: Buffer) => readEscPos(job).lines.map((line) => line.trim());

describe('printing receipts over the API', () => {
  it('prints the original, then reprints logged as COPY 1 and COPY 2, never changing the receipt', async () => {
    const { core, clerk, manager, number } = await shopWithASale();
    const printer = await startNetworkPrinter();
    try {
      await manager.call('printers.save', {
        printers: [tcp('counter', printer.port)],
        defaultPrinterId: 'counter',
      });
      const before = await clerk.call('receipts.get', { number });
      expect(before).toMatchObject({ printed: false, copies: 0 });

      expect(await clerk.call('receipts.print', { number })).toEqual({
        number,
        copy: null,
        printerId: 'counter',
        file: null,
      });
      const original = printedLines(await printer.nextJob());
      expect(original).toContainEqual(expect.stringMatching(new RegExp(`^Reçu +N° ${number}$`)));
      expect(original.join('\n')).not.toContain('DUPLICATA');

      expect((await clerk.call('receipts.print', { number })).copy).toBe(1);
      expect(printedLines(await printer.nextJob())).toContain('DUPLICATA 1');
      expect((await manager.call('receipts.print', { number, printer: 'counter' })).copy).toBe(2);
      expect(printedLines(await printer.nextJob())).toContain('DUPLICATA 2');

      const after = await clerk.call('receipts.get', { number });
      expect(after).toMatchObject({ printed: true, copies: 2, hash: before.hash });
      expect(after.html).toBe(before.html);
      expect(
        core.db.prepare('SELECT copy, actor, printer FROM receipt_copies ORDER BY copy').all(),
      ).toEqual([
        { copy: 1, actor: expect.stringMatching(/^clerk:\d+$/), printer: 'counter' },
        { copy: 2, actor: expect.stringMatching(/^manager:\d+$/), printer: 'counter' },
      ]);
      expect(
        core.db.prepare('SELECT number, actor, printer FROM receipt_original_prints').all(),
      ).toEqual([{ number, actor: expect.stringMatching(/^clerk:\d+$/), printer: 'counter' }]);
      expect(core.db.prepare('SELECT count(*) FROM receipts').pluck().get()).toBe(1);
    } finally {
      await printer.close();
    }
  });

  it('logs nothing when a print fails: the next print is still the original, then COPY 1', async () => {
    const { core, clerk, manager, number } = await shopWithASale();
    const printer = await startNetworkPrinter();
    const off = await closedPort();
    try {
      await manager.call('printers.save', {
        printers: [tcp('off', off), tcp('counter', printer.port)],
        defaultPrinterId: 'off',
      });
      const failed = await refusal(clerk.call('receipts.print', { number }));
      expect(failed.code).toBe('printer_failed');
      expect(failed.message).toBe(
        `Printer off: Cannot reach the printer at 127.0.0.1:${off}: connection refused (is it on, and is this its raw port?)`,
      );
      expect(await clerk.call('receipts.get', { number })).toMatchObject({
        printed: false,
        copies: 0,
      });

      expect((await clerk.call('receipts.print', { number, printer: 'counter' })).copy).toBeNull();
      expect(printedLines(await printer.nextJob()).join('\n')).not.toContain('DUPLICATA');
      expect((await refusal(clerk.call('receipts.print', { number }))).code).toBe('printer_failed');
      expect((await clerk.call('receipts.print', { number, printer: 'counter' })).copy).toBe(1);
      expect(printedLines(await printer.nextJob())).toContain('DUPLICATA 1');
      expect(core.db.prepare('SELECT copy FROM receipt_copies').pluck().all()).toEqual([1]);
    } finally {
      await printer.close();
    }
  });

  it('prints to PDF files in a receipts folder beside the database', async () => {
    const { databaseFile, clerk, manager, number } = await shopWithASale();
    await manager.call('printers.save', {
      printers: [{ id: 'pdf', name: 'PDF', paper: '58mm', kind: 'pdf' }],
      defaultPrinterId: 'pdf',
    });
    const original = await clerk.call('receipts.print', { number });
    const folder = path.join(path.dirname(databaseFile), 'receipts');
    expect(path.dirname(original.file as string)).toBe(folder);
    expect(path.basename(original.file as string)).toMatch(
      new RegExp(`^receipt-.+-${number}\\.pdf$`),
    );
    const text = (file: string) =>
      execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    expect(text(original.file as string)).toMatch(new RegExp(`Reçu +N° ${number}`));
    const copy = await clerk.call('receipts.print', { number });
    expect(copy.file).toBe((original.file as string).replace(/\.pdf$/, '-copy-1.pdf'));
    expect(text(copy.file as string)).toContain('DUPLICATA 1');
  });

  it('lets a clerk list printers and print, but only a manager change them', async () => {
    const { host, clerk, manager } = await shopWithASale();
    const setup = {
      printers: [tcp('counter', 9100)],
      defaultPrinterId: 'counter',
      autoPrint: true,
    };
    expect(await manager.call('printers.save', setup)).toEqual(setup);
    expect(await clerk.call('printers.list', {})).toEqual(setup);
    const refused = await refusal(
      clerk.call('printers.save', { printers: [], defaultPrinterId: null }),
    );
    expect(refused.code).toBe('forbidden');
    expect(await clerk.call('printers.list', {})).toEqual(setup);

    const anonymous = createClient(httpTransport({ baseUrl: host.url }));
    expect((await refusal(anonymous.call('printers.list', {}))).code).toBe('unauthorized');
    expect((await refusal(anonymous.call('receipts.print', { number: 1 }))).code).toBe(
      'unauthorized',
    );
  });

  const good = { id: 'counter', name: 'Counter', paper: '80mm', kind: 'tcp', host: '10.0.0.5' };
  it.each([
    [
      'a host name with a space',
      { printers: [{ ...good, host: 'printer one' }] },
      'printers.0.host',
    ],
    ['a port out of range', { printers: [{ ...good, port: 70_000 }] }, 'printers.0.port'],
    ['an unknown kind', { printers: [{ ...good, kind: 'fax' }] }, 'printers.0.kind'],
    ['an unknown paper', { printers: [{ ...good, paper: 'A4' }] }, 'printers.0.paper'],
    [
      'a name with control characters',
      { printers: [{ ...good, name: 'Counter\u001b@' }] },
      'printers.0.name',
    ],
    ['an unknown field', { printers: [{ ...good, colour: true }] }, 'printers.0'],
    [
      'a relative PDF folder',
      { printers: [{ ...good, kind: 'pdf', host: undefined, folder: 'receipts' }] },
      'printers.0.folder',
    ],
    [
      'an unusual serial speed',
      {
        printers: [
          { ...good, kind: 'serial', host: undefined, path: '/dev/ttyUSB0', baudRate: 1234 },
        ],
      },
      'printers.0.baudRate',
    ],
    ['two printers with one id', { printers: [good, good] }, 'printers.1.id'],
    [
      'a default that is not listed',
      { printers: [good], defaultPrinterId: 'back' },
      'defaultPrinterId',
    ],
  ])('refuses printers with %s and keeps the saved ones', async (_label, change, issuePath) => {
    const { manager } = await shopWithASale();
    const saved = await manager.call('printers.save', {
      printers: [tcp('back', 9100)],
      defaultPrinterId: null,
    });
    const error = await refusal(
      manager.call('printers.save', { defaultPrinterId: null, ...change } as never),
    );
    expect(error.code).toBe('invalid_input');
    expect(error.issues?.map((issue) => issue.path)).toContain(issuePath);
    expect(await manager.call('printers.list', {})).toEqual(saved);
  });

  it('says which printer or receipt does not exist, and prints nothing', async () => {
    const { core, clerk, manager, number } = await shopWithASale();
    const noDefault = await refusal(clerk.call('receipts.print', { number }));
    expect(noDefault.issues).toEqual([
      expect.objectContaining({ path: 'printer', code: 'no_default_printer' }),
    ]);
    await manager.call('printers.save', {
      printers: [tcp('counter', 9100)],
      defaultPrinterId: null,
    });
    const unknown = await refusal(clerk.call('receipts.print', { number, printer: 'back' }));
    expect(unknown.issues).toEqual([
      expect.objectContaining({ path: 'printer', code: 'unknown_printer' }),
    ]);
    const printer = await startNetworkPrinter();
    try {
      await manager.call('printers.save', {
        printers: [tcp('counter', printer.port)],
        defaultPrinterId: 'counter',
      });
      expect((await refusal(clerk.call('receipts.print', { number: 99 }))).code).toBe('not_found');
      expect((await refusal(clerk.call('receipts.print', { number: 0 }))).code).toBe(
        'invalid_input',
      );
      expect(core.db.prepare('SELECT count(*) FROM receipt_original_prints').pluck().get()).toBe(0);
    } finally {
      await printer.close();
    }
  });
});
