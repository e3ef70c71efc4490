import net from 'node:net';
import tls from 'node:tls';

export interface RawAnswer {
  /** null when the host closed the connection without a status line. */
  status: number | null;
  headers: string;
  body: string;
}

/**
 * Writes `bytes` as they are to the host on 127.0.0.1 (so a request line or header no client
 * library would send really reaches it) and reads the answer until the host closes; a 101
 * (an accepted WebSocket) is returned as soon as its headers are in, then `afterUpgrade` bytes
 * are written on the open socket before it is closed. An answer whose body has its
 * content-length is complete even if the host keeps the connection. With `tls`, the bytes go
 * over TLS to that address (the hub's network listener; its certificate is not checked here).
 */
export function rawExchange(
  port: number,
  bytes: string | Buffer,
  options: { afterUpgrade?: Buffer; timeoutMs?: number; tls?: { host: string } } = {},
): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const socket = options.tls
      ? tls.connect({ host: options.tls.host, port, rejectUnauthorized: false })
      : net.connect(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    const read = (): RawAnswer => {
      const text = Buffer.concat(chunks).toString('latin1');
      const end = text.indexOf('\r\n\r\n');
      const status = /^HTTP\/1\.1 (\d{3})/.exec(text);
      return {
        status: status ? Number(status[1]) : null,
        headers: end < 0 ? text : text.slice(0, end),
        body: end < 0 ? '' : Buffer.from(text.slice(end + 4), 'latin1').toString('utf8'),
      };
    };
    const timer = setTimeout(() => {
      socket.destroy();
      reject(
        new Error(
          `No answer within ${options.timeoutMs ?? 5000} ms to ${JSON.stringify(String(bytes))}`,
        ),
      );
    }, options.timeoutMs ?? 5000);
    const finish = () => {
      clearTimeout(timer);
      resolve(read());
    };
    socket.on('data', (chunk: Buffer) => {
      chunks.push(chunk);
      const answer = read();
      const received = Buffer.concat(chunks).length;
      if (answer.headers.length >= received) return;
      if (answer.status === 101) {
        if (options.afterUpgrade) socket.write(options.afterUpgrade);
        // The host's reply to those bytes (a close frame, or nothing) is not awaited.
        setTimeout(() => socket.destroy(), 20);
        finish();
        return;
      }
      // A complete answer on a connection the host keeps open is complete all the same.
      const length = /\r\ncontent-length: *(\d+)/i.exec(answer.headers);
      if (length && received - answer.headers.length - 4 >= Number(length[1])) {
        socket.destroy();
        finish();
      }
    });
    socket.on('end', finish);
    socket.on('close', finish);
    socket.on('error', finish);
    socket.write(bytes);
  });
}
