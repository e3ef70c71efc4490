import type { PaperWidth, Printer } from '../../shared/printer';
import type { Receipt } from '../../shared/receipt';
import { renderClosureA4 } from '../printing/a4';
import type { ClosureDocument } from '../printing/closure';
import type { DayReportDocument } from '../printing/day-report';
import {
  renderClosureEscPos,
  renderDayReportEscPos,
  renderDrawerPulseEscPos,
  renderReceiptEscPos,
} from '../printing/escpos';
import {
  closurePageSize,
  dayReportPageSize,
  type PageSize,
  paperColumns,
  receiptPageSize,
  renderClosureHtml,
  renderDayReportHtml,
  renderReceiptHtml,
} from '../printing/html';
import type { ReceiptColumns, Translate } from '../printing/layout';
import type { ReceiptDocuments } from './documents';
import { closurePdfName, dayReportPdfName, receiptPdfName, writePdf } from './pdf-file';
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

/** A document in every form a printer may take it, and the name of its PDF file. */
interface Printable {
  escPos(columns: ReceiptColumns, cjk: 'none' | 'gb18030'): Uint8Array;
  html(paper: PaperWidth): string;
  pageSize(paper: PaperWidth): PageSize;
  pdfName: string;
  /** A document with a page layout of its own for a PDF file (a closure's A4), not the roll's. */
  pdfHtml?(): string;
}

/**
 * Sends a receipt to a printer in the form it takes: ESC/POS bytes to a raw TCP port or a serial
 * port, a PDF file in a folder, or HTML to a printer of the operating system. Resolves with the
 * PDF file for a PDF printer; anything that did not reach the printer rejects (PrinterError).
 * `openDrawer` opens the cash drawer of an ESC/POS printer with the receipt.
 */
export function deliverReceipt(
  receipt: Receipt,
  printer: Printer,
  delivery: Delivery,
  openDrawer = false,
): Promise<{ file: string | null }> {
  const { t } = delivery;
  return deliver(
    {
      escPos: (columns, cjk) => renderReceiptEscPos(receipt, t, { columns, cjk, openDrawer }),
      html: (paper) => renderReceiptHtml(receipt, t, { paper }),
      pageSize: (paper) => receiptPageSize(receipt, t, paper),
      pdfName: receiptPdfName(receipt),
    },
    printer,
    delivery,
  );
}

/** Sends a day report (Z or X) to a printer, as deliverReceipt sends a receipt. */
export function deliverDayReport(
  document: DayReportDocument,
  printer: Printer,
  delivery: Delivery,
): Promise<{ file: string | null }> {
  const { t } = delivery;
  return deliver(
    {
      escPos: (columns, cjk) => renderDayReportEscPos(document, t, { columns, cjk }),
      html: (paper) => renderDayReportHtml(document, t, { paper }),
      pageSize: (paper) => dayReportPageSize(document, t, paper),
      pdfName: dayReportPdfName(document),
    },
    printer,
    delivery,
  );
}

/**
 * Sends a month's or a year's closure to a printer, as a day report: on the roll of a receipt
 * printer, and as an A4 document (tables, numbered pages, the chain hash) in a PDF file.
 */
export function deliverClosure(
  document: ClosureDocument,
  printer: Printer,
  delivery: Delivery,
): Promise<{ file: string | null }> {
  const { t } = delivery;
  return deliver(
    {
      escPos: (columns, cjk) => renderClosureEscPos(document, t, { columns, cjk }),
      html: (paper) => renderClosureHtml(document, t, { paper }),
      pageSize: (paper) => closurePageSize(document, t, paper),
      pdfName: closurePdfName(document),
      pdfHtml: () => renderClosureA4(document.closure, document, t),
    },
    printer,
    delivery,
  );
}

/** Opens the cash drawer of an ESC/POS printer, printing nothing. */
export async function deliverDrawerPulse(
  printer: Printer & { kind: 'tcp' | 'serial' },
  delivery: Delivery,
): Promise<void> {
  await sendEscPos(renderDrawerPulseEscPos(), printer, delivery);
}

function sendEscPos(
  bytes: Uint8Array,
  printer: Printer & { kind: 'tcp' | 'serial' },
  delivery: Delivery,
): Promise<void> {
  return printer.kind === 'tcp'
    ? sendToTcpPrinter(bytes, {
        host: printer.host,
        port: printer.port,
        timeoutMs: delivery.deviceTimeoutMs,
      })
    : sendToSerialPrinter(bytes, {
        path: printer.path,
        baudRate: printer.baudRate,
        timeoutMs: delivery.deviceTimeoutMs,
      });
}

async function deliver(
  printable: Printable,
  printer: Printer,
  delivery: Delivery,
): Promise<{ file: string | null }> {
  switch (printer.kind) {
    case 'tcp':
    case 'serial':
      await sendEscPos(
        printable.escPos(paperColumns(printer.paper), printer.chineseFont ? 'gb18030' : 'none'),
        printer,
        delivery,
      );
      return { file: null };
    case 'pdf': {
      const html = printable.pdfHtml ? printable.pdfHtml() : printable.html(printer.paper);
      const pdf = await delivery.documents.htmlToPdf(html);
      return { file: writePdf(printer.folder ?? delivery.pdfFolder, printable.pdfName, pdf) };
    }
    case 'system':
      await delivery.documents.printOnSystem(
        printable.html(printer.paper),
        printer.deviceName,
        printable.pageSize(printer.paper),
      );
      return { file: null };
  }
}
