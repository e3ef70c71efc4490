import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  type Delivery,
  deliverDayReport,
  deliverReceipt,
} from '../../../electron/printers/deliver';
import { MissingProgramError, PrinterError } from '../../../electron/printers/errors';
import { hostDocuments } from '../../../electron/printers/host-documents';
import { dayReportPageSize, receiptPageSize } from '../../../electron/printing/html';
import { printerSchema } from '../../../shared/printer';
import { withTempDirs } from '../../support/temp';
import { zDocumentOf } from '../../unit/printing/day';
import { saleReceipt, translations } from '../../unit/printing/sale';

const tempDir = withTempDirs();
const t = translations();

/** The text of a PDF, laid out as printed (poppler-utils). */
const pdfText = (file: string) =>
  execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });

/** The first page's size in millimetres, as pdfinfo reports it in points. */
function pdfPageMm(file: string) {
  const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
  const [, width, height] = /Page size:\s+([\d.]+) x ([\d.]+) pts/.exec(info) ?? [];
  return { width: (Number(width) * 25.4) / 72, height: (Number(height) * 25.4) / 72 };
}

const delivery = (documents = hostDocuments()): Delivery => ({
  t,
  documents,
  pdfFolder: path.join(tempDir(), 'receipts'),
  deviceTimeoutMs: 5000,
});

const pdfPrinter = (folder: string | null, paper = '80mm') =>
  printerSchema.parse({ id: 'pdf', name: 'PDF', paper, kind: 'pdf', folder });

const systemPrinter = printerSchema.parse({
  id: 'office',
  name: 'Office',
  paper: '58mm',
  kind: 'system',
  deviceName: 'EPSON_TM_T20',
});

/**
 * A stand-in for CUPS's `lp` (CUPS cannot run here): it records its arguments and the file it was
 * given in `dir`, or fails like lp does for an unknown printer when the device is "missing".
 */
function standInLp(dir: string) {
  const bin = path.join(dir, 'bin');
  fs.mkdirSync(bin);
  fs.writeFileSync(
    path.join(bin, 'lp'),
    `#!/bin/sh
printf '%s\\n' "$@" > "${dir}/lp-args"
for file in "$@"; do :; done
case "$2" in missing) echo 'lp: Error - The printer or class does not exist.' >&2; exit 1 ;; esac
cp "$file" "${dir}/lp-job.pdf"
`,
    { mode: 0o755 },
  );
  return { ...process.env, PATH: `${bin}:${process.env.PATH}` };
}

describe('receipts as PDF, through the host machine’s Chromium', () => {
  it('writes the receipt to a PDF file on receipt paper, its text as printed', async () => {
    const folder = path.join(tempDir(), 'pdfs');
    const receipt = saleReceipt('fr');
    const { file } = await deliverReceipt(receipt, pdfPrinter(folder), delivery());
    expect(file).toBe(path.join(folder, 'receipt-POS-1-42.pdf'));
    const text = pdfText(file as string);
    expect(text).toContain('Cagou Mobile');
    expect(text).toMatch(/Reçu +N° 42/);
    expect(text).toMatch(/Prix +5 500 XPF/);
    expect(text).toContain('RECHARGE EFFECTUÉE');
    expect(text).not.toContain('DUPLICATA');
    const page = pdfPageMm(file as string);
    expect(page.width).toBeCloseTo(80, 0);
    expect(page.height).toBeCloseTo(receiptPageSize(receipt, t, '80mm').height / 100, 0);
    expect(fs.readdirSync(folder)).toEqual(['receipt-POS-1-42.pdf']);
  });

  it('names a reprint’s file after its copy, says COPY n in it, and uses the default folder', async () => {
    const settings = delivery();
    const { file } = await deliverReceipt(
      saleReceipt('en', {}, 2),
      pdfPrinter(null, '58mm'),
      settings,
    );
    expect(file).toBe(path.join(settings.pdfFolder, 'receipt-POS-1-42-copy-2.pdf'));
    expect(pdfText(file as string)).toContain('COPY 2');
    expect(pdfPageMm(file as string).width).toBeCloseTo(58, 0);
  });

  it('says Chromium is missing, and how to fix it, when it is not where it was looked for', async () => {
    const documents = hostDocuments({ chromium: path.join(tempDir(), 'no-chromium') });
    const failure = deliverReceipt(saleReceipt('en'), pdfPrinter(null), delivery(documents));
    await expect(failure).rejects.toThrow(MissingProgramError);
    await expect(failure).rejects.toThrow(/Chromium .*no-chromium.* not found.*CHROMIUM_PATH/);
  });

  it('says which folder cannot take the PDF', async () => {
    const blocked = path.join(tempDir(), 'a-file');
    fs.writeFileSync(blocked, 'not a folder');
    await expect(
      deliverReceipt(saleReceipt('en'), pdfPrinter(path.join(blocked, 'pdfs')), delivery()),
    ).rejects.toThrow(`Cannot write the PDF in ${path.join(blocked, 'pdfs')}`);
  });
});

describe('receipts on a system printer, through CUPS lp (a stand-in lp script on PATH: CUPS cannot run here)', () => {
  it('hands lp the receipt as a PDF for the named device, with the receipt’s page size', async () => {
    const dir = tempDir();
    const documents = hostDocuments({ env: standInLp(dir) });
    const receipt = saleReceipt('en', {}, 1);
    expect(await deliverReceipt(receipt, systemPrinter, delivery(documents))).toEqual({
      file: null,
    });
    const page = receiptPageSize(receipt, t, '58mm');
    const args = fs.readFileSync(path.join(dir, 'lp-args'), 'utf8').trim().split('\n');
    expect(args.slice(0, 5)).toEqual([
      '-d',
      'EPSON_TM_T20',
      '-o',
      `media=Custom.58x${page.height / 100}mm`,
      '--',
    ]);
    expect(args).toHaveLength(6);
    const text = pdfText(path.join(dir, 'lp-job.pdf'));
    expect(text).toContain('COPY 1');
    expect(text).toMatch(/Receipt +No\. 42/);
  });

  it('hands lp a Z report on the roll, as long as the report', async () => {
    const dir = tempDir();
    const documents = hostDocuments({ env: standInLp(dir) });
    const z = zDocumentOf('en', { copy: true });
    expect(await deliverDayReport(z, systemPrinter, delivery(documents))).toEqual({ file: null });
    const page = dayReportPageSize(z, t, '58mm');
    const args = fs.readFileSync(path.join(dir, 'lp-args'), 'utf8').trim().split('\n');
    expect(args.slice(0, 4)).toEqual([
      '-d',
      'EPSON_TM_T20',
      '-o',
      `media=Custom.58x${page.height / 100}mm`,
    ]);
    const job = path.join(dir, 'lp-job.pdf');
    expect(pdfPageMm(job).height).toBeCloseTo(page.height / 100, 0);
    expect(pdfText(job)).toMatch(/Z REPORT +No\. 12/);
    expect(pdfText(job)).toContain('COPY');
  });

  it('passes on lp’s refusal', async () => {
    const dir = tempDir();
    const documents = hostDocuments({ env: standInLp(dir) });
    const missing = printerSchema.parse({ ...systemPrinter, deviceName: 'missing' });
    const failure = deliverReceipt(saleReceipt('en'), missing, delivery(documents));
    await expect(failure).rejects.toThrow(PrinterError);
    await expect(failure).rejects.toThrow(
      'lp failed (exit 1): lp: Error - The printer or class does not exist.',
    );
  });

  it('says lp is missing, and which package has it, when CUPS is not installed', async () => {
    const documents = hostDocuments({ env: { ...process.env, PATH: tempDir() } });
    await expect(
      deliverReceipt(saleReceipt('en'), systemPrinter, delivery(documents)),
    ).rejects.toThrow(/lp command \(CUPS\) was not found: .*install cups-client/);
  });
});
