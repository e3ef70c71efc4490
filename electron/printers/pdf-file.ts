import fs from 'node:fs';
import path from 'node:path';
import type { Receipt } from '../../shared/receipt';
import { PrinterError } from './errors';

/** A receipt's PDF file name: its till and number, and the copy for a reprint. */
export function receiptPdfName(receipt: Receipt): string {
  const copy = receipt.copy > 0 ? `-copy-${receipt.copy}` : '';
  return `receipt-${receipt.deviceId}-${receipt.number}${copy}.pdf`;
}

/**
 * Writes a receipt's PDF into `folder` (created if needed) and returns its path. The file appears
 * whole or not at all: it is written beside and renamed into place.
 */
export function writeReceiptPdf(folder: string, receipt: Receipt, pdf: Uint8Array): string {
  const file = path.join(folder, receiptPdfName(receipt));
  const partial = `${file}.${process.pid}.partial`;
  try {
    fs.mkdirSync(folder, { recursive: true });
    fs.writeFileSync(partial, pdf);
    fs.renameSync(partial, file);
    return file;
  } catch (error) {
    if (fs.existsSync(partial)) fs.rmSync(partial);
    throw new PrinterError(`Cannot write the PDF in ${folder}: ${(error as Error).message}`, {
      cause: error,
    });
  }
}
