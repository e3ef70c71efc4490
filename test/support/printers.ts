import net from 'node:net';

/** A network receipt printer's raw port on 127.0.0.1: it keeps what each connection sent. */
export async function startNetworkPrinter() {
  const received: Array<(job: Buffer) => void> = [];
  const jobs: Buffer[] = [];
  const server = net.createServer((socket) => {
    const chunks: Buffer[] = [];
    socket.on('data', (chunk) => chunks.push(chunk));
    socket.on('end', () => {
      const job = Buffer.concat(chunks);
      const waiting = received.shift();
      if (waiting) waiting(job);
      else jobs.push(job);
      socket.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as net.AddressInfo).port,
    /** The next job the printer receives (or received and nobody took yet). */
    nextJob: () => {
      const job = jobs.shift();
      return job ? Promise.resolve(job) : new Promise<Buffer>((resolve) => received.push(resolve));
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/**
 * A port nothing listens on: a printer that is switched off; on another 127.0.0.x, a port free for
 * the hub to open on "the shop's network".
 */
export async function closedPort(host = '127.0.0.1'): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** The shop's one receipt printer "Counter", 80 mm, at a test printer's port on this machine. */
export const counterPrinterAt = (port: number, cashDrawer = false) => ({
  id: 'counter',
  name: 'Counter',
  paper: '80mm' as const,
  kind: 'tcp' as const,
  host: '127.0.0.1',
  port,
  cashDrawer,
});
