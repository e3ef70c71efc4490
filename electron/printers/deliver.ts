import type { Printer } from '../../shared/printer';
import type { Receipt } from '../../shared/receipt';
import { renderReceiptEscPos } from '../printing/escpos';
import { paperColumns, receiptPageSize, renderReceiptHtml } from '../printing/html';
import type { Translate } from '../printing/layout';
import type { ReceiptDocuments } from './documents';
import { writeReceiptPdf } from './pdf-file';
import { sendToSerialPrinter } from './serial';
import { sendToTcpPrinter } from './tcp';

export interface Delivery {
  t: Translate;
  documents: ReceiptDocuments;
  /** Where a PDF printer without a folder of its own writes. */
  pdfFolder: string;
  /** How long a network or serial printer may take to connect and take the receipt. */
  deviceTimeoutMs: number;
}

/**
 * Sends a receipt to a printer in the form it takes: ESC/POS bytes to a raw TCP port or a serial
 * port, a PDF file in a folder, or HTML to a printer of the operating system. Resolves with the
 * PDF file for a PDF printer; anything that did not reach the printer rejects (PrinterError).
 */
export async function deliverReceipt(
  receipt: Receipt,
  printer: Printer,
  delivery: Delivery,
): Promise<{ file: string | null }> {
  const { t } = delivery;
  const escPos = () => renderReceiptEscPos(receipt, t, { columns: paperColumns(printer.paper) });
  const html = () => renderReceiptHtml(receipt, t, { paper: printer.paper });
  switch (printer.kind) {
    case 'tcp':
      await sendToTcpPrinter(escPos(), {
        host: printer.host,
        port: printer.port,
        timeoutMs: delivery.deviceTimeoutMs,
      });
      return { file: null };
    case 'serial':
      await sendToSerialPrinter(escPos(), {
        path: printer.path,
        baudRate: printer.baudRate,
        timeoutMs: delivery.deviceTimeoutMs,
      });
      return { file: null };
    case 'pdf': {
      const pdf = await delivery.documents.htmlToPdf(html());
      return { file: writeReceiptPdf(printer.folder ?? delivery.pdfFolder, receipt, pdf) };
    }
    case 'system':
      await delivery.documents.printOnSystem(
        html(),
        printer.deviceName,
        receiptPageSize(receipt, t, printer.paper),
      );
      return { file: null };
  }
}
