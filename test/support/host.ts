import fs from 'node:fs';
import path from 'node:path';
import { afterEach } from 'vitest';
import { type Core, type CoreOptions, createCore } from '../../electron/core';
import { createHubNetwork } from '../../electron/host/hub-network';
import { type RunningHost, startHost } from '../../electron/host/server';
import { withTempDirs } from './temp';

interface TestHost {
  core: Core;
  host: RunningHost;
  databaseFile: string;
  rendererDir: string;
  /** The hub's listener on the shop's network (`counters.setNetwork` opens it). */
  network: ReturnType<typeof createHubNetwork>;
}

/** A real core on a real SQLite file behind a real HTTP host on a free loopback port. */
export function withTestHosts() {
  const tempDir = withTempDirs();
  const running: TestHost[] = [];
  afterEach(async () => {
    for (const { host, core, network } of running.splice(0)) {
      await network.close();
      await host.close();
      if (core.db.open) await core.close();
    }
  });
  return async (
    options: Pick<
      CoreOptions,
      'now' | 'simLatencyMs' | 'documents' | 'simModems' | 'deviceTree'
    > & {
      demo?: boolean;
      /** Folders of carrier profiles laid over the shipped ones. */
      carrierDirs?: string[];
    } = {},
  ): Promise<TestHost> => {
    const dir = tempDir();
    const rendererDir = path.join(dir, 'renderer');
    fs.mkdirSync(rendererDir);
    fs.writeFileSync(
      path.join(rendererDir, 'index.html'),
      '<!doctype html><title>Comptoir</title>',
    );
    const databaseFile = path.join(dir, 'shop.sqlite');
    const log = { error: () => {}, warn: () => {}, info: () => {} };
    const network = createHubNetwork({ rendererDir, log });
    const core = await createCore({
      databaseFile,
      demo: options.demo ?? false,
      carrierDirs: [
        path.resolve(__dirname, '../../resources/carriers'),
        ...(options.carrierDirs ?? []),
      ],
      shopCarrierDir: path.join(dir, 'carriers'),
      modemProfileDirs: [path.resolve(__dirname, '../../resources/modems')],
      log,
      hubListener: network.listener,
      ...(options.now ? { now: options.now } : {}),
      ...(options.simLatencyMs === undefined ? {} : { simLatencyMs: options.simLatencyMs }),
      ...(options.simModems === undefined ? {} : { simModems: options.simModems }),
      ...(options.documents ? { documents: options.documents } : {}),
      ...(options.deviceTree ? { deviceTree: options.deviceTree } : {}),
    });
    const host = await startHost({ core, rendererDir, port: 0 });
    await network.bind(core);
    const started = { core, host, databaseFile, rendererDir, network };
    running.push(started);
    return started;
  };
}
