import { BrowserWindow, type WebContents } from 'electron';
import type { ReceiptDocuments } from '../printers/documents';
import { PrinterError } from '../printers/errors';

/** A hidden window without scripts showing one receipt's HTML, destroyed after `work`. */
async function withReceiptWindow<T>(
  html: string,
  work: (contents: WebContents) => Promise<T>,
): Promise<T> {
  const window = new BrowserWindow({
    show: false,
    webPreferences: {
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      javascript: false,
      spellcheck: false,
    },
  });
  try {
    await window.loadURL(`data:text/html;charset=utf-8,${encodeURIComponent(html)}`);
    return await work(window.webContents);
  } finally {
    window.destroy();
  }
}

/**
 * The desktop app's printing, with Electron's own Chromium: the receipt's PDF on its @page size,
 * and silent printing on a system printer by device name with the page size given explicitly
 * (in microns), so the driver's default paper (often A4) is never used.
 */
export function electronDocuments(): ReceiptDocuments {
  return {
    htmlToPdf: (html) =>
      withReceiptWindow(html, (contents) =>
        contents.printToPDF({
          preferCSSPageSize: true,
          printBackground: true,
          margins: { marginType: 'none' },
        }),
      ),
    printOnSystem: (html, deviceName, page) =>
      withReceiptWindow(html, async (contents) => {
        const known = (await contents.getPrintersAsync()).map((printer) => printer.name);
        if (!known.includes(deviceName)) {
          throw new PrinterError(
            `This computer has no printer named "${deviceName}" (it has: ${known.join(', ') || 'none'})`,
          );
        }
        await new Promise<void>((resolve, reject) => {
          contents.print(
            {
              silent: true,
              deviceName,
              printBackground: true,
              margins: { marginType: 'none' },
              // Hundredths of a millimetre to microns.
              pageSize: { width: page.width * 10, height: page.height * 10 },
            },
            (success, reason) => {
              if (success) resolve();
              else reject(new PrinterError(`${deviceName} did not print: ${reason}`));
            },
          );
        });
      }),
  };
}
