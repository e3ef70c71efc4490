import path from 'node:path';
import { createCore } from '../core';
import { startHost } from '../host/server';
import { databaseFileIn, defaultDataDir } from '../paths';
import { type Command, UsageError } from './command';

export const serveCommand: Command = {
  name: 'serve',
  usage: 'serve [--db PATH] [--port N] [--host 127.0.0.1] [--demo] [--sim-latency MS] [--json]',
  summary: 'Serve the app and its HTTP API to a browser on this machine.',
  options: {
    db: { type: 'string' },
    port: { type: 'string', default: '5170' },
    host: { type: 'string', default: '127.0.0.1' },
    demo: { type: 'boolean', default: false },
    'sim-latency': { type: 'string', default: '0' },
  },
  async run({ values, output, rendererDir, carriersDir, signals }) {
    const port = Number(values.port);
    if (!/^\d+$/.test(String(values.port)) || port > 65535) {
      throw new UsageError(`--port must be a number from 0 to 65535, not "${values.port}"`);
    }
    const demo = values.demo === true;
    const databaseFile = path.resolve(
      typeof values.db === 'string' ? values.db : databaseFileIn(defaultDataDir(), demo),
    );
    const simLatencyMs = Number(values['sim-latency']);
    if (!Number.isInteger(simLatencyMs) || simLatencyMs < 0 || simLatencyMs > 60_000) {
      throw new UsageError('--sim-latency is a number of milliseconds from 0 to 60000');
    }
    const core = await createCore({
      databaseFile,
      demo,
      simLatencyMs,
      // Shipped profiles, then the shop's own edited copies.
      carrierDirs: [carriersDir, path.join(path.dirname(databaseFile), 'carriers')],
    });
    let host: Awaited<ReturnType<typeof startHost>>;
    try {
      host = await startHost({ core, rendererDir, host: String(values.host), port });
    } catch (error) {
      await core.close();
      throw error;
    }
    output.result(
      { url: host.url, database: databaseFile, demo },
      `Comptoir${demo ? ' (DEMO)' : ''} is serving ${host.url}\ndatabase: ${databaseFile}\nStop with Ctrl+C.`,
    );
    await signals.next();
    await host.close();
    await core.close();
  },
};
