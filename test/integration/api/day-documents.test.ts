import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { zDocument } from '../../../electron/day/documents';
import { createShiftBook } from '../../../electron/day/shifts';
import { hostDocuments } from '../../../electron/printers/host-documents';
import { renderDayReportEscPos } from '../../../electron/printing/escpos';
import { receiptTranslations } from '../../../electron/printing/translations';
import { createClient } from '../../../shared/api/client';
import { httpTransport } from '../../../shared/api/http-transport';
import { refusal, signedIn, xpf } from '../../support/api';
import { withTestHosts } from '../../support/host';
import { closedPort, startNetworkPrinter } from '../../support/printers';
import { withTempDirs } from '../../support/temp';
import { readEscPos } from '../../unit/printing/escpos-reader';

const startTestHost = withTestHosts();
const tempDir = withTempDirs();

let keys = 0;
const key = () => `z-documents-${Date.now()}-${++keys}`;

type Client = Awaited<ReturnType<typeof signedIn>>;

const renew = (api: Client, msisdn: string, planId: string, payment: object) =>
  api.call('sales.renew', { msisdn, planId, payment: payment as never, idempotencyKey: key() });

/**
 * The drawer at the close: 13 500 F where 14 000 F are expected (10 000 F float, 6 000 F and
 * 1 500 F cash sales, 1 500 F refunded, 2 000 F taken out).
 */
const counted = [
  { denomination: xpf(10_000), count: 1 },
  { denomination: xpf(1_000), count: 3 },
  { denomination: xpf(500), count: 1 },
];
const reason = 'A 500 F coin given as change twice';

/**
 * The demo shop (French) at the end of a day: opened with a float, three renewals at the counter
 * (cash, card, and one the carrier refuses, refunded), a cash out; `close` closes it for real.
 */
async function dayAtTheCounter(options: Parameters<typeof startTestHost>[0] = {}) {
  const started = await startTestHost({ demo: true, ...options });
  const clerk = await signedIn(started.host.url, 'clerk', '1111');
  const manager = await signedIn(started.host.url, 'manager', '9999');
  await clerk.call('shifts.open', { float: xpf(10_000) });
  expect(
    (await renew(clerk, '687123456', '5go', { method: 'cash', tendered: xpf(10_000) })).sale,
  ).toMatchObject({ status: 'succeeded' });
  await renew(clerk, '687654321', '1go', { method: 'card', reference: 'TPE-1' });
  expect(
    (await renew(clerk, '687111222', '1go', { method: 'cash', tendered: xpf(2_000) })).sale,
  ).toMatchObject({ status: 'failed' });
  await clerk.call('shifts.recordCashMovement', {
    kind: 'out',
    amount: xpf(2_000),
    reason: 'Change',
  });
  const close = async () => (await manager.call('day.close', { counted, reason })).z;
  return { ...started, clerk, manager, close };
}

const tcp = (id: string, port: number) => ({
  id,
  name: `Printer ${id}`,
  paper: '80mm' as const,
  kind: 'tcp' as const,
  host: '127.0.0.1',
  port,
});

/** The text of a PDF, laid out as printed (poppler-utils). */
const pdfText = (file: string) =>
  execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });

/** Each page's size in millimetres, and the paper name pdfinfo gives it. */
function pdfPages(file: string) {
  const info = execFileSync('pdfinfo', ['-f', '1', '-l', '99', file], { encoding: 'utf8' });
  return [...info.matchAll(/Page +\d+ size:\s+([\d.]+) x ([\d.]+) pts(?: \((\w+)\))?/g)].map(
    ([, width, height, name]) => ({
      width: Math.round((Number(width) * 25.4) / 72),
      height: Math.round((Number(height) * 25.4) / 72),
      name: name ?? null,
    }),
  );
}

/** Writes the files an export answered into a folder, as the screen saves them. */
function saved(files: { name: string; base64: string }[]) {
  const dir = tempDir();
  return files.map(({ name, base64 }) => {
    const file = path.join(dir, name);
    fs.writeFileSync(file, Buffer.from(base64, 'base64'));
    return file;
  });
}

describe('the Z report as PDF, exported for the accountant', () => {
  // Each PDF is drawn by a headless Chromium of its own: slow on a busy machine.
  it('exports a closed day on 80 mm paper and on A4, by number or by date, the figures as closed', {
    timeout: 60_000,
  }, async () => {
    const { manager, close } = await dayAtTheCounter();
    const z = await close();
    const exported = await manager.call('day.export', { zNumber: 1, format: 'pdf' });
    expect(exported.files.map(({ name, mediaType }) => ({ name, mediaType }))).toEqual([
      { name: 'z-0001-80mm.pdf', mediaType: 'application/pdf' },
      { name: 'z-0001-a4.pdf', mediaType: 'application/pdf' },
    ]);
    const [roll, a4] = saved(exported.files) as [string, string];

    const rollPages = pdfPages(roll);
    expect(rollPages).toHaveLength(1);
    expect(rollPages[0]?.width).toBe(80);
    expect(rollPages[0]?.height).toBeGreaterThan(250);
    const rollText = pdfText(roll);
    expect(rollText).toContain('Comptoir Démo — Nouméa');
    expect(rollText).toMatch(/RAPPORT Z +N° 1\n/);
    expect(rollText).toMatch(/Attendu en caisse +14 000 XPF/);
    expect(rollText).toMatch(/Compté +13 500 XPF/);
    expect(rollText).toMatch(/Écart +-500 XPF/);
    expect(rollText).toContain(`Motif : ${reason}`);
    expect(rollText).toContain(z.hash.slice(0, 48));
    expect(rollText).not.toContain('DUPLICATA');

    for (const page of pdfPages(a4)) expect(page).toEqual({ width: 210, height: 297, name: 'A4' });
    const a4Text = pdfText(a4);
    // Laid out as an A4 document: tables with their headers, the pages numbered.
    expect(a4Text).toContain('Rapport Z n° 1');
    expect(a4Text).toMatch(/Ticket +Paiement +Heure +Motif +Montant/);
    expect(a4Text).toMatch(/\d+ +Espèces +.* +1 500 XPF/);
    expect(a4Text).toMatch(/Sortie +clerk +.* +Change +2 000 XPF/);
    expect(a4Text).toMatch(/Page 1 sur \d/);
    expect(a4Text).toContain(`Empreinte de chaînage ${z.hash}`);
    expect(a4Text).toContain(z.hash);
    expect(a4Text).toContain(z.prevHash);

    const day = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Pacific/Noumea' }).format(
      new Date(z.issuedAt),
    );
    const byDate = await manager.call('day.export', { date: day, format: 'pdf' });
    expect(byDate.files.map((file) => file.name)).toEqual(['z-0001-80mm.pdf', 'z-0001-a4.pdf']);
    const csv = await manager.call('day.export', { zNumber: 1, format: 'csv' });
    expect(csv.files.map((file) => file.name)).toEqual([
      'z-0001-sales.csv',
      'z-0001-summary.csv',
      'z-0001-journal.csv',
      'z-0001-journal-summary.csv',
    ]);
  });

  // Each PDF is drawn by a headless Chromium of its own: slow on a busy machine.
  it('writes a Chinese-speaking shop’s Z report in Chinese characters, not empty boxes', {
    timeout: 60_000,
  }, async () => {
    const { manager, close } = await dayAtTheCounter();
    const { profile } = await manager.call('shop.get', {});
    if (!profile) throw new Error('The demo shop has a profile');
    await manager.call('shop.update', { ...profile, defaultLanguage: 'zh-CN' });
    await close();
    const exported = await manager.call('day.export', { zNumber: 1, format: 'pdf' });
    // pdftotext gives back only glyphs a font drew: a missing CJK font leaves nothing to read.
    for (const file of saved(exported.files)) {
      const text = pdfText(file);
      for (const label of ['Z 报表', '收银机', '开班人', '合计', '净额', '毛利']) {
        expect(text).toContain(label);
      }
    }
  });

  it('answers 502 with the reason when the PDF cannot be made, and the day stays as closed', async () => {
    const missing = hostDocuments({ chromium: path.join(tempDir(), 'no-chromium') });
    const { manager, close } = await dayAtTheCounter({ documents: missing });
    const z = await close();
    const failed = await refusal(manager.call('day.export', { zNumber: 1, format: 'pdf' }));
    expect(failed.code).toBe('printer_failed');
    expect(failed.message).toMatch(/^PDF: Chromium .*no-chromium.* not found.*CHROMIUM_PATH/);
    expect(await manager.call('day.get', { zNumber: 1 })).toEqual({ z });
  });
});

describe('printing day reports over the API', () => {
  it('prints a Z report on the till printer, the original first and COPY after, byte for byte, changing nothing', async () => {
    const { core, manager, close } = await dayAtTheCounter();
    const closed = await close();
    const book = createShiftBook(core.db, {
      deviceId: closed.deviceId,
      now: () => new Date(),
      nameOf: () => null,
    });
    // The Z report as issued and kept is what the printer is given (the API sends it as money).
    const z = book.get(1);
    const printer = await startNetworkPrinter();
    try {
      await manager.call('printers.save', {
        printers: [tcp('counter', printer.port)],
        defaultPrinterId: 'counter',
      });
      const { profile } = await manager.call('shop.get', {});
      if (!profile) throw new Error('The demo has a shop profile');
      for (const copy of [false, true]) {
        expect(await manager.call('day.print', { zNumber: 1 })).toEqual({
          zNumber: 1,
          printerId: 'counter',
          printerName: 'Printer counter',
          file: null,
          copy,
        });
        const job = await printer.nextJob();
        const expected = renderDayReportEscPos(
          zDocument(z, profile, copy, closed.report.names),
          receiptTranslations(),
          { columns: 48 },
        );
        expect(job.equals(Buffer.from(expected))).toBe(true);
        const lines = readEscPos(job).lines.map((line) => line.trim());
        expect(lines.includes('DUPLICATA')).toBe(copy);
        expect(lines).toContainEqual(expect.stringMatching(/^RAPPORT Z +N° 1$/));
        expect(lines).toContainEqual(expect.stringMatching(/^Écart +-500 XPF$/));
      }
      expect(
        core.db
          .prepare('SELECT number, print, actor, printer FROM z_report_prints ORDER BY print')
          .all(),
      ).toEqual([
        {
          number: 1,
          print: 1,
          actor: expect.stringMatching(/^manager:\d+$/),
          printer: 'Printer counter',
        },
        {
          number: 1,
          print: 2,
          actor: expect.stringMatching(/^manager:\d+$/),
          printer: 'Printer counter',
        },
      ]);

      expect(await manager.call('day.get', { zNumber: 1 })).toEqual({ z: closed });
      expect(book.verify()).toMatchObject({ ok: true });
    } finally {
      await printer.close();
    }
  });

  // Each PDF is drawn by a headless Chromium of its own: slow on a busy machine.
  it('writes a Z copy and an X report to a PDF printer’s folder', { timeout: 60_000 }, async () => {
    const { databaseFile, clerk, manager, close } = await dayAtTheCounter();
    await manager.call('printers.save', {
      printers: [{ id: 'pdf', name: 'PDF', paper: '58mm', kind: 'pdf' }],
      defaultPrinterId: 'pdf',
    });
    const folder = path.join(path.dirname(databaseFile), 'receipts');

    const x = await clerk.call('day.printXReport', {});
    expect(x.printerId).toBe('pdf');
    expect(path.dirname(x.file as string)).toBe(folder);
    expect(path.basename(x.file as string)).toMatch(/^x-.+-\d{8}T\d{6}Z\.pdf$/);
    const xText = pdfText(x.file as string);
    expect(xText).toContain('RAPPORT X');
    expect(xText).toContain('PAS UNE CLÔTURE');
    expect(xText).toMatch(/Attendu en caisse +14 000 XPF/);
    expect(xText).not.toContain('COMPTAGE');
    expect(pdfPages(x.file as string)[0]?.width).toBe(58);
    expect((await clerk.call('shifts.getCurrent', {})).shift).not.toBeNull();

    const z = await close();
    const original = await manager.call('day.print', { zNumber: 1, printer: 'pdf' });
    expect(original.copy).toBe(false);
    const originalText = pdfText(original.file as string);
    expect(originalText).not.toContain('DUPLICATA');
    expect(originalText).toMatch(/Compté +13 500 XPF/);
    const copy = await manager.call('day.print', { zNumber: 1, printer: 'pdf' });
    expect(copy.file).toBe(path.join(folder, `z-${z.deviceId}-1-copy.pdf`));
    const zText = pdfText(copy.file as string);
    expect(zText).toContain('DUPLICATA');
    expect(zText).toMatch(/Compté +13 500 XPF/);
  });

  it('keeps the Z report’s export and printing for a manager; a clerk prints only the X report', async () => {
    const { host, clerk, manager, close } = await dayAtTheCounter();
    const printer = await startNetworkPrinter();
    try {
      await manager.call('printers.save', {
        printers: [tcp('counter', printer.port)],
        defaultPrinterId: 'counter',
      });
      expect(await clerk.call('day.printXReport', {})).toEqual({
        printerId: 'counter',
        printerName: 'Printer counter',
        file: null,
      });
      expect(readEscPos(await printer.nextJob()).lines.map((line) => line.trim())).toContain(
        'PAS UNE CLÔTURE',
      );
      await close();
      for (const format of ['csv', 'pdf'] as const) {
        expect((await refusal(clerk.call('day.export', { zNumber: 1, format }))).code).toBe(
          'forbidden',
        );
      }
      expect((await refusal(clerk.call('day.print', { zNumber: 1 }))).code).toBe('forbidden');
      const anonymous = createClient(httpTransport({ baseUrl: host.url }));
      expect((await refusal(anonymous.call('day.printXReport', {}))).code).toBe('unauthorized');
      expect((await refusal(anonymous.call('day.print', { zNumber: 1 }))).code).toBe(
        'unauthorized',
      );
      // Nothing reached the printer in between: the next job is the manager's, the original.
      expect(await manager.call('day.print', { zNumber: 1 })).toMatchObject({ copy: false });
      expect(readEscPos(await printer.nextJob()).lines.map((line) => line.trim())).toContainEqual(
        expect.stringMatching(/^RAPPORT Z +N° 1$/),
      );
    } finally {
      await printer.close();
    }
  });

  it('refuses bad exports and prints with a clear error', async () => {
    const { core, clerk, manager, close } = await dayAtTheCounter();
    await close();
    const invalid: [string, () => Promise<unknown>, string][] = [
      [
        'an unknown format',
        () => manager.call('day.export', { zNumber: 1, format: 'xlsx' as never }),
        'format',
      ],
      ['a Z number of 0', () => manager.call('day.print', { zNumber: 0 }), 'zNumber'],
      ['a fractional Z number', () => manager.call('day.print', { zNumber: 1.5 }), 'zNumber'],
      ['an unknown field', () => manager.call('day.print', { zNumber: 1, copies: 2 } as never), ''],
      ['no printer and no default', () => manager.call('day.print', { zNumber: 1 }), 'printer'],
      [
        'an unknown printer',
        () => manager.call('day.print', { zNumber: 1, printer: 'back' }),
        'printer',
      ],
    ];
    for (const [label, call, issuePath] of invalid) {
      const error = await refusal(call());
      expect({ label, code: error.code }).toEqual({ label, code: 'invalid_input' });
      expect(error.issues?.map((issue) => issue.path)).toContain(issuePath);
    }
    const neither = await refusal(manager.call('day.export', { format: 'pdf' }));
    expect(neither.issues?.map((issue) => issue.message)).toContain(
      'Give a Z number or a date, not both',
    );

    const off = await closedPort();
    await manager.call('printers.save', { printers: [tcp('off', off)], defaultPrinterId: 'off' });
    expect((await refusal(manager.call('day.print', { zNumber: 2 }))).code).toBe('not_found');
    expect(
      (await refusal(manager.call('day.export', { date: '2020-01-01', format: 'pdf' }))).code,
    ).toBe('not_found');
    const unreachable = await refusal(manager.call('day.print', { zNumber: 1 }));
    expect(unreachable.code).toBe('printer_failed');
    expect(unreachable.message).toBe(
      `Printer off: Cannot reach the printer at 127.0.0.1:${off}: connection refused (is it on, and is this its raw port?)`,
    );
    // Not printed, not counted: the original is still to come.
    expect(core.db.prepare('SELECT count(*) FROM z_report_prints').pluck().get()).toBe(0);
    const closedDay = await refusal(clerk.call('day.printXReport', {}));
    expect(closedDay.code).toBe('conflict');
    expect(closedDay.message).toBe('No shift is open: open one first');
  });
});
