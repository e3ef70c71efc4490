import { SerialPort } from 'serialport';
import { createLinkEvents, LinkClosedError, type ModemLink } from './link';

interface SerialLinkOptions {
  path: string;
  baudRate?: number;
  /** Hardware flow control; forcing it breaks some boards (field notes, point 8). */
  rtscts?: boolean;
}

/** Opens a serial port (a real modem or a pseudo-terminal) as a ModemLink. */
export function openSerialLink(options: SerialLinkOptions): Promise<ModemLink> {
  const description = options.path;
  const port = new SerialPort({
    path: options.path,
    baudRate: options.baudRate ?? 115200,
    rtscts: options.rtscts ?? false,
    autoOpen: false,
  });
  const events = createLinkEvents();
  port.on('data', (chunk: Buffer) => events.data(chunk));
  port.on('close', (error?: Error & { disconnected?: boolean }) => {
    events.close(
      error?.disconnected
        ? { kind: 'unplugged' }
        : error
          ? { kind: 'failed', message: error.message }
          : { kind: 'closed' },
    );
  });
  port.on('error', (error: Error) => {
    if (port.isOpen) return;
    events.close({ kind: 'failed', message: error.message });
  });

  const link: ModemLink = {
    description,
    write(bytes) {
      return new Promise((resolve, reject) => {
        if (events.closed) {
          reject(new LinkClosedError(events.closed, description));
          return;
        }
        port.write(Buffer.from(bytes), (error) => {
          if (error)
            reject(new LinkClosedError({ kind: 'failed', message: error.message }, description));
        });
        port.drain((error) => {
          if (error)
            reject(new LinkClosedError({ kind: 'failed', message: error.message }, description));
          else resolve();
        });
      });
    },
    onData: events.onData,
    onClose: events.onClose,
    close() {
      return new Promise((resolve) => {
        if (!port.isOpen) {
          events.close({ kind: 'closed' });
          resolve();
          return;
        }
        port.close(() => {
          events.close({ kind: 'closed' });
          resolve();
        });
      });
    },
  };

  return new Promise((resolve, reject) => {
    port.open((error) => {
      if (error) reject(new Error(`Cannot open ${options.path}: ${error.message}`));
      else resolve(link);
    });
  });
}
