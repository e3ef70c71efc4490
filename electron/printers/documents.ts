import type { PageSize } from '../printing/html';

/**
 * What turns a receipt's (or a day report's) HTML into paper or a PDF: a side effect given to the
 * core, because it needs a browser engine. The browser host uses the host machine's Chromium and CUPS
 * (host-documents.ts); the desktop app uses Electron's own (shell/printing.ts).
 */
export interface ReceiptDocuments {
  /** The HTML document as a PDF; its @page size decides the paper. */
  htmlToPdf(html: string): Promise<Uint8Array>;
  /** Prints the HTML document on the operating system's printer `deviceName`, on `page` paper. */
  printOnSystem(html: string, deviceName: string, page: PageSize): Promise<void>;
}
