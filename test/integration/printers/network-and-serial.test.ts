import { readFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createPtyPair } from '../../../electron/gsm/link/pty-pair';
import { openSerialLink } from '../../../electron/gsm/link/serial-link';
import { type Delivery, deliverReceipt } from '../../../electron/printers/deliver';
import { PrinterError } from '../../../electron/printers/errors';
import { hostDocuments } from '../../../electron/printers/host-documents';
import { sendToTcpPrinter } from '../../../electron/printers/tcp';
import { printerSchema } from '../../../shared/printer';
import { closedPort, startNetworkPrinter } from '../../support/printers';
import { withTempDirs } from '../../support/temp';
import { saleReceipt, translations } from '../../unit/printing/sale';

const tempDir = withTempDirs();

/** The fixed sale in French on 80 mm paper, as the ESC/POS tests reviewed it byte for byte. */
const reviewedHex = readFileSync(
  new URL('../../unit/printing/fixtures/receipt-fr-48.escpos.hex', import.meta.url),
  'utf8',
).replace(/\s+/g, '');

const delivery = (): Delivery => ({
  t: translations(),
  documents: hostDocuments(),
  pdfFolder: tempDir(),
  deviceTimeoutMs: 5000,
});

const tcpPrinter = (port: number) =>
  printerSchema.parse({
    id: 'counter',
    name: 'Counter',
    paper: '80mm',
    kind: 'tcp',
    host: '127.0.0.1',
    port,
  });

describe('a network receipt printer (raw TCP)', () => {
  it('receives the fixed sale’s ESC/POS bytes exactly as reviewed', async () => {
    const printer = await startNetworkPrinter();
    try {
      const job = printer.nextJob();
      expect(await deliverReceipt(saleReceipt('fr'), tcpPrinter(printer.port), delivery())).toEqual(
        { file: null },
      );
      expect((await job).toString('hex')).toBe(reviewedHex);
    } finally {
      await printer.close();
    }
  });

  it('says which printer cannot be reached', async () => {
    const port = await closedPort();
    const failure = deliverReceipt(saleReceipt('fr'), tcpPrinter(port), delivery());
    await expect(failure).rejects.toThrow(PrinterError);
    await expect(failure).rejects.toThrow(
      `Cannot reach the printer at 127.0.0.1:${port}: connection refused`,
    );
  });

  it('gives up on a printer that stops taking bytes, after the timeout', async () => {
    // It accepts the connection and never reads: once the socket buffers are full, writing stalls.
    const server = net.createServer({ pauseOnConnect: true }, () => {});
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as net.AddressInfo;
    try {
      await expect(
        sendToTcpPrinter(new Uint8Array(64 * 1024 * 1024), {
          host: '127.0.0.1',
          port,
          timeoutMs: 300,
        }),
      ).rejects.toThrow(`The printer at 127.0.0.1:${port} did not answer within 0.3 s`);
    } finally {
      server.close();
    }
  });
});

describe('a serial receipt printer', () => {
  it('receives the fixed sale’s ESC/POS bytes exactly as reviewed, over a pseudo-terminal', async () => {
    const pair = await createPtyPair(path.join(tempDir(), 'ttyPrinter'));
    const paper = await openSerialLink({ path: pair.simulatorPath });
    try {
      const chunks: Buffer[] = [];
      const all = new Promise<Buffer>((resolve) => {
        paper.onData((chunk) => {
          chunks.push(Buffer.from(chunk));
          const received = Buffer.concat(chunks);
          if (received.length * 2 >= reviewedHex.length) resolve(received);
        });
      });
      const printer = printerSchema.parse({
        id: 'usb',
        name: 'USB',
        paper: '80mm',
        kind: 'serial',
        path: pair.modemPath,
        baudRate: 115200,
      });
      await deliverReceipt(saleReceipt('fr'), printer, delivery());
      expect((await all).toString('hex')).toBe(reviewedHex);
    } finally {
      await paper.close();
      await pair.close();
    }
  });

  it('says which port cannot be opened', async () => {
    const missing = path.join(tempDir(), 'ttyUSB9');
    const printer = printerSchema.parse({
      id: 'usb',
      name: 'USB',
      paper: '58mm',
      kind: 'serial',
      path: missing,
      baudRate: 9600,
    });
    await expect(deliverReceipt(saleReceipt('en'), printer, delivery())).rejects.toThrow(
      new RegExp(`Cannot print on ${missing}: Cannot open`),
    );
  });
});
