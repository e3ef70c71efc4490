import path from 'node:path';
import { defaultHubPort, type HubNetwork, hubNetworkSchema } from '../../shared/counters';
import { createCore } from '../core';
import type { JoinHub } from '../counter/join';
import { hubJoiner } from '../counter/join';
import { createHubNetwork } from '../host/hub-network';
import { startHost } from '../host/server';
import { databaseFileIn, defaultDataDir } from '../paths';
import { shopHasModems } from '../store/shop-mode';
import { type Command, type Output, UsageError } from './command';
import { serveCounter } from './serve-counter';

/**
 * Tests and development without modems only: COMPTOIR_TEST_DEVICE_TREE names a folder laid out
 * like `/` (sys/class/tty, dev, dev/serial/by-id) that `modems.detect` reads instead of the
 * machine's own. Never set in a shop.
 */
function deviceTreeForTests(): { deviceTree?: { root: string } } {
  const root = process.env.COMPTOIR_TEST_DEVICE_TREE;
  return root ? { deviceTree: { root: path.resolve(root) } } : {};
}

/**
 * `--network ADDRESS[:PORT]`: an IPv4 address with an optional port, an IPv6 address bare or in
 * brackets (`[fe80::1]:5171`); the port is 5171 when left out.
 */
export function parseNetworkOption(text: string): HubNetwork {
  const bracketed = /^\[([^\]]+)\](?::(\d+))?$/.exec(text);
  const ipv4 = /^([^:]+)(?::(\d+))?$/.exec(text);
  const [address, port] = bracketed
    ? [bracketed[1], bracketed[2]]
    : ipv4
      ? [ipv4[1], ipv4[2]]
      : [text, undefined];
  const parsed = hubNetworkSchema.safeParse({
    open: true,
    address,
    port: port === undefined ? defaultHubPort : Number(port),
  });
  if (!parsed.success) {
    throw new UsageError(
      `--network is one of this machine's addresses and a port from 1024 (e.g. 192.168.1.10:${defaultHubPort}), not "${text}"`,
    );
  }
  return parsed.data;
}

/**
 * A fresh shop served here may join a hub instead (`counters.join`): counter.json is written
 * beside the database, but a running serve cannot turn itself into a counter, so it says how to
 * serve the counter.
 */
function joinedHere(dir: string, output: Output): JoinHub {
  const joiner = hubJoiner(dir);
  return {
    inspect: joiner.inspect,
    async join(address, code, fingerprint) {
      const joined = await joiner.join(address, code, fingerprint);
      output.warn(
        `this folder is now counter "${joined.till.name}" of ${address}; this serve keeps ` +
          `serving its own database until stopped: serve the counter with \`comptoir serve --counter ${dir}\``,
      );
      return joined;
    },
  };
}

export const serveCommand: Command = {
  name: 'serve',
  usage:
    'serve [--db PATH | --counter DIR] [--port N] [--host 127.0.0.1] [--network ADDRESS[:PORT]] [--demo | --auto] [--sim-latency MS] [--json]',
  summary:
    'Serve the app and its HTTP API to a browser on this machine, and to the shop’s paired counters over TLS once opened.',
  options: {
    db: { type: 'string' },
    port: { type: 'string', default: '5170' },
    host: { type: 'string', default: '127.0.0.1' },
    network: { type: 'string' },
    demo: { type: 'boolean', default: false },
    auto: { type: 'boolean', default: false },
    'sim-latency': { type: 'string', default: '0' },
    counter: { type: 'string' },
  },
  async run(context) {
    const { values, output, rendererDir, carriersDir, modemsDir, signals } = context;
    const port = Number(values.port);
    if (!/^\d+$/.test(String(values.port)) || port > 65535) {
      throw new UsageError(`--port must be a number from 0 to 65535, not "${values.port}"`);
    }
    if (typeof values.counter === 'string') {
      if (
        values.demo ||
        values.auto ||
        typeof values.db === 'string' ||
        typeof values.network === 'string'
      ) {
        throw new UsageError(
          '--counter goes without --db, --demo, --auto and --network: a counter has no database and no counters of its own',
        );
      }
      await serveCounter(context, values.counter, { host: String(values.host), port });
      return;
    }
    if (values.auto && (values.demo || typeof values.db === 'string')) {
      // --auto picks between the shop's and the demo's own files; it never mixes the two.
      throw new UsageError('--auto goes without --demo and --db');
    }
    // --auto (what `npm start` passes): the shop once it has modems, the demo until then.
    const demo =
      values.demo === true ||
      (values.auto === true && !shopHasModems(databaseFileIn(defaultDataDir(), false)));
    const databaseFile = path.resolve(
      typeof values.db === 'string' ? values.db : databaseFileIn(defaultDataDir(), demo),
    );
    const openNetwork =
      typeof values.network === 'string' ? parseNetworkOption(values.network) : undefined;
    const simLatencyMs = Number(values['sim-latency']);
    if (!Number.isInteger(simLatencyMs) || simLatencyMs < 0 || simLatencyMs > 60_000) {
      throw new UsageError('--sim-latency is a number of milliseconds from 0 to 60000');
    }
    const shopCarrierDir = path.join(path.dirname(databaseFile), 'carriers');
    // The shop's network, as a manager opened it: the listener serves the core made next.
    const network = createHubNetwork({ rendererDir, log: console });
    const core = await createCore({
      databaseFile,
      demo,
      simLatencyMs,
      // Shipped profiles beside the build, then the shop's own edited copies.
      carrierDirs: [carriersDir, shopCarrierDir],
      shopCarrierDir,
      // Shipped modem profiles, then the shop's own (a modem the shipped ones do not know).
      modemProfileDirs: [modemsDir, path.join(path.dirname(databaseFile), 'modems')],
      ...(demo ? {} : { backups: { folder: path.join(path.dirname(databaseFile), 'backups') } }),
      ...deviceTreeForTests(),
      joinHub: joinedHere(path.dirname(databaseFile), output),
      hubListener: network.listener,
      ...(openNetwork ? { network: openNetwork } : {}),
    });
    let host: Awaited<ReturnType<typeof startHost>>;
    let counters: Awaited<ReturnType<typeof network.bind>>;
    try {
      host = await startHost({ core, rendererDir, host: String(values.host), port });
      counters = await network.bind(core);
    } catch (error) {
      await network.close();
      await core.close();
      throw error;
    }
    const forCounters = counters.url
      ? `\nfor the shop's counters: ${counters.url}`
      : counters.problem
        ? `\nthe shop's counters cannot reach it: ${counters.problem}`
        : '';
    output.result(
      { url: host.url, database: databaseFile, demo, network: counters },
      `Comptoir${demo ? ' (DEMO)' : ''} is serving ${host.url}${forCounters}\ndatabase: ${databaseFile}\nStop with Ctrl+C.`,
    );
    await signals.next();
    await network.close();
    await host.close();
    await core.close();
  },
};
