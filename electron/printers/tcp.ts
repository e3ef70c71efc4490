import net from 'node:net';
import { PrinterError } from './errors';

interface TcpPrinterAddress {
  host: string;
  port: number;
  /** How long connecting, or any pause while writing, may last. */
  timeoutMs: number;
}

/**
 * Sends raw bytes (ESC/POS) to a network printer's raw port, then closes the connection. It
 * resolves once every byte was handed to the network; a printer that cannot be reached, refuses,
 * or stalls longer than the timeout is a PrinterError naming its address.
 */
export function sendToTcpPrinter(bytes: Uint8Array, address: TcpPrinterAddress): Promise<void> {
  const where = `${address.host.includes(':') ? `[${address.host}]` : address.host}:${address.port}`;
  return new Promise((resolve, reject) => {
    const socket = net.connect({ host: address.host, port: address.port });
    socket.setTimeout(address.timeoutMs);
    socket.on('timeout', () => {
      socket.destroy();
      reject(
        new PrinterError(
          `The printer at ${where} did not answer within ${address.timeoutMs / 1000} s`,
        ),
      );
    });
    socket.on('error', (error: NodeJS.ErrnoException) => {
      reject(
        new PrinterError(`Cannot reach the printer at ${where}: ${reasonOf(error)}`, {
          cause: error,
        }),
      );
    });
    // Printers answer status bytes on some commands; they are not needed, only drained.
    socket.on('data', () => {});
    socket.on('connect', () => {
      socket.end(bytes, () => {
        socket.destroy();
        resolve();
      });
    });
  });
}

function reasonOf(error: NodeJS.ErrnoException): string {
  switch (error.code) {
    case 'ECONNREFUSED':
      return 'connection refused (is it on, and is this its raw port?)';
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
      return 'no route to it (is it on this network?)';
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return 'unknown host name';
    default:
      return error.message;
  }
}
