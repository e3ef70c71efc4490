import type { ModemLink } from '../gsm/link/link';
import { openSerialLink } from '../gsm/link/serial-link';
import { PrinterError } from './errors';

interface SerialPrinterPort {
  path: string;
  baudRate: number;
  /** How long opening the port and sending the receipt may last. */
  timeoutMs: number;
}

/**
 * Sends raw bytes (ESC/POS) to a printer on a serial port (USB serial adapters included), through
 * the same serialport link the modems use, then closes the port. Resolves once the bytes are
 * drained to the port; a port that cannot be opened or does not drain in time is a PrinterError.
 */
export async function sendToSerialPrinter(bytes: Uint8Array, port: SerialPrinterPort) {
  let link: ModemLink | undefined;
  let abandoned = false;
  const sending = (async () => {
    link = await openSerialLink({ path: port.path, baudRate: port.baudRate });
    // Out of time while opening: nothing may print after the failure was reported.
    if (!abandoned) await link.write(bytes);
  })();
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      reject(
        new PrinterError(
          `The printer on ${port.path} did not take the receipt within ${port.timeoutMs / 1000} s`,
        ),
      );
    }, port.timeoutMs);
  });
  try {
    await Promise.race([sending, late]);
  } catch (error) {
    abandoned = true;
    // Closing fails a write still under way; a port still opening is closed once it opens.
    if (link) void link.close();
    else void sending.catch(() => {}).finally(() => link?.close());
    if (error instanceof PrinterError) throw error;
    throw new PrinterError(`Cannot print on ${port.path}: ${(error as Error).message}`, {
      cause: error,
    });
  } finally {
    clearTimeout(timer);
  }
  await link?.close();
}
