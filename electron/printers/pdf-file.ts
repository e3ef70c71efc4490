import fs from 'node:fs';
import path from 'node:path';
import type { Receipt } from '../../shared/receipt';
import type { ClosureDocument } from '../printing/closure';
import type { DayReportDocument } from '../printing/day-report';
import { makePrivateFolder, privateFileMode } from '../private-files';
import { PrinterError } from './errors';

/** A receipt's PDF file name: its till and number, and the copy for a reprint. */
export function receiptPdfName(receipt: Receipt): string {
  const copy = receipt.copy > 0 ? `-copy-${receipt.copy}` : '';
  return `receipt-${receipt.deviceId}-${receipt.number}${copy}.pdf`;
}

/**
 * A day report's PDF file name: a Z report's till and number (`-copy` when printed again from
 * the books); an X report's till and the UTC time it was taken (z-POS-1-12-copy.pdf,
 * x-POS-1-20261122T183000Z.pdf).
 */
export function dayReportPdfName(document: DayReportDocument): string {
  if (document.z) {
    return `z-${document.deviceId}-${document.z.number}${document.copy ? '-copy' : ''}.pdf`;
  }
  const taken = document.report.to.replace(/[-:]|\.\d+/g, '');
  return `x-${document.deviceId}-${taken}.pdf`;
}

/** closure-<till>-month-2026-11.pdf, -copy when printed again. */
export function closurePdfName(document: ClosureDocument): string {
  const { closure } = document;
  return `closure-${closure.deviceId}-${closure.kind}-${closure.period}${document.copy ? '-copy' : ''}.pdf`;
}

/**
 * Writes a PDF named `name` into `folder` (created if needed) and returns its path. The file
 * appears whole or not at all: it is written beside and renamed into place; owner-only, as a
 * receipt names the customer's card.
 */
export function writePdf(folder: string, name: string, pdf: Uint8Array): string {
  const file = path.join(folder, name);
  const partial = `${file}.${process.pid}.partial`;
  try {
    makePrivateFolder(folder);
    fs.writeFileSync(partial, pdf, { mode: privateFileMode });
    fs.renameSync(partial, file);
    return file;
  } catch (error) {
    if (fs.existsSync(partial)) fs.rmSync(partial);
    throw new PrinterError(`Cannot write the PDF in ${folder}: ${(error as Error).message}`, {
      cause: error,
    });
  }
}
