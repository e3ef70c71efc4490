import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type Core, type CoreOptions, createCore } from '../electron/core';
import { demoShopProfile } from '../electron/demo';
import { type RunningHost, startHost } from '../electron/host/server';
import { openDatabase } from '../electron/store/database';
import { shopProfileStore } from '../electron/store/shop-profile';
import { createUserStore } from '../electron/store/users';
import { ipcTransport } from '../shared/api/bridge';
import { type Client, createClient } from '../shared/api/client';
import { signedIn } from '../test/support/api';

const shippedCarriers = path.resolve(__dirname, '../resources/carriers');
const shippedModems = path.resolve(__dirname, '../resources/modems');
/** The shop's edited copy of the demo profile: the top-up dialled as one code. */
const oneRoundCarriers = path.resolve(__dirname, 'carriers');

export type TopUpScript = 'five-round menu' | 'one-round code';

export interface BenchShop {
  core: Core;
  host: RunningHost;
  /** The demo clerk, over real HTTP as the browser calls. */
  overHttp: Client;
  /** The demo clerk, straight into the core's dispatcher (what IPC reaches, minus Electron). */
  inProcess: Client;
  /** What the core logged as a warning or an error: a clean run has nothing here. */
  problems: unknown[];
  close(): Promise<void>;
}

/** A client calling straight into the core's dispatcher: what IPC reaches, minus Electron. */
export function inProcessClient(core: Core): Client {
  return createClient(
    ipcTransport({
      invoke: (name, input, token) => core.dispatch(name, input, token),
      subscribe: (event, listener) =>
        core.events.listen((name, payload) => {
          if (name === event) listener(payload);
        }),
    }),
  );
}

/** The demo shop on a fresh database, served on a free loopback port. */
export async function startBenchShop(
  options: { script: TopUpScript } & Pick<CoreOptions, 'simLatencyMs' | 'simModems'>,
): Promise<BenchShop> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'comptoir-bench-'));
  const rendererDir = path.join(dir, 'renderer');
  fs.mkdirSync(rendererDir);
  fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>Comptoir</title>');
  const problems: unknown[] = [];
  const core = await createCore({
    databaseFile: path.join(dir, 'shop.sqlite'),
    demo: true,
    modemProfileDirs: [shippedModems],
    carrierDirs:
      options.script === 'one-round code' ? [shippedCarriers, oneRoundCarriers] : [shippedCarriers],
    ...(options.simLatencyMs === undefined ? {} : { simLatencyMs: options.simLatencyMs }),
    ...(options.simModems === undefined ? {} : { simModems: options.simModems }),
    log: {
      error: (...args) => problems.push(args),
      warn: (...args) => problems.push(args),
      info() {},
    },
  });
  const host = await startHost({ core, rendererDir, port: 0 });
  const close = async () => {
    await host.close();
    await core.close();
    fs.rmSync(dir, { recursive: true, force: true });
  };
  if (problems.length > 0) {
    await close();
    throw new Error(`The bench shop did not start cleanly: ${JSON.stringify(problems)}`);
  }
  const overHttp = await signedIn(host.url, 'clerk', '1111');
  const inProcess = inProcessClient(core);
  const login = await inProcess.call('auth.login', { name: 'clerk', pin: '1111' });
  inProcess.setToken(login.token);
  return { core, host, overHttp, inProcess, problems, close };
}

/** The demo network's customers whose top-ups it answers (not the silent 687999999). */
const answeredCustomers = ['687123456', '687654321', '687777888'] as const;

let keys = 0;

/** One renewal of the cheapest plan, paid by card, for one of the answered customers. */
export function renewal(index: number) {
  return {
    msisdn: answeredCustomers[index % answeredCustomers.length] as string,
    planId: '1go',
    payment: { method: 'card' as const, reference: `BENCH-${index}` },
    idempotencyKey: `bench-${process.pid}-${++keys}`,
  };
}

/** A shop's database before its first start: its profile, its manager (PIN 2468) and clerks (1111, 2222...). */
export function shopDatabaseWithClerks(file: string, clerks: number) {
  const { db } = openDatabase(file);
  shopProfileStore(db, () => new Date()).save(demoShopProfile);
  const users = createUserStore(db, () => new Date());
  users.add('owner', 'manager', '2468');
  for (let clerk = 1; clerk <= clerks; clerk++)
    users.add(`clerk-${clerk}`, 'clerk', `${clerk}`.repeat(4));
  db.close();
}

// The fault proxy's tests draw from the same generator: it lives with the test support.
export { seededRandom } from '../test/support/seeded-random';
