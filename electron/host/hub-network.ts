import os from 'node:os';
import type { HubNetwork, HubNetworkProblem } from '../../shared/counters';
import type { Core } from '../core';
import type { HubCertificate } from '../counters/certificate';
import type { HubListener, HubListenerStatus } from '../counters/listener';
import type { Logger } from '../log';
import { isLoopbackHost } from '../web-security';
import { canonicalAddress, type RunningListener, startNetworkListener } from './network-listener';

interface HubNetworkOptions {
  rendererDir: string;
  log: Pick<Logger, 'error'>;
  /** This machine's interfaces (the system's by default). */
  interfaces?: () => ReturnType<typeof os.networkInterfaces>;
}

/** Whether `address` is one of this machine's (loopback included: tests stand in with it). */
function isHere(address: string, interfaces: ReturnType<typeof os.networkInterfaces>) {
  if (isLoopbackHost(address)) return true;
  return Object.values(interfaces).some((each) =>
    (each ?? []).some((entry) => canonicalAddress(entry.address) === canonicalAddress(address)),
  );
}

/** What a failed listen means to the manager. */
function problemOf(error: unknown): HubNetworkProblem {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'EADDRINUSE' || code === 'EACCES') return 'port_taken';
  if (code === 'EADDRNOTAVAIL') return 'address_not_here';
  return 'listen_failed';
}

const closed: HubListenerStatus = { url: null, problem: null };

/**
 * Keeps the hub's network listener as the manager set it: made by the transport before the core
 * (which drives it through `listener`), bound to the core once it exists. Each setting is applied
 * in turn: the listener closes and opens again where asked, or stays closed with the problem; a
 * setting already in force (a restore reopening the shop) leaves the counters connected.
 */
export function createHubNetwork(options: HubNetworkOptions) {
  const interfaces = options.interfaces ?? os.networkInterfaces;
  let core: Core | null = null;
  let wanted: { network: HubNetwork; certificate: HubCertificate } | null = null;
  let inForce: string | null = null;
  let running: RunningListener | null = null;
  let current: HubListenerStatus = closed;
  let queue: Promise<unknown> = Promise.resolve();

  async function open(): Promise<HubListenerStatus> {
    const key =
      wanted && core ? JSON.stringify([wanted.network, wanted.certificate.fingerprint]) : null;
    if (running && key === inForce) return current;
    await running?.close();
    running = null;
    inForce = null;
    if (!wanted || !core || !wanted.network.open) return closed;
    const { network, certificate } = wanted;
    if (!isHere(network.address, interfaces())) return { url: null, problem: 'address_not_here' };
    try {
      running = await startNetworkListener({
        core,
        rendererDir: options.rendererDir,
        certificate,
        address: network.address,
        port: network.port,
        log: options.log,
      });
      inForce = key;
      return { url: running.url, problem: null };
    } catch (error) {
      const problem = problemOf(error);
      if (problem === 'listen_failed') options.log.error('The hub could not listen', error);
      return { url: null, problem };
    }
  }

  /** Applies the latest setting once the ones before are done. */
  function applyWanted(): Promise<HubListenerStatus> {
    const done = queue.then(open).then((status) => {
      current = status;
      return status;
    });
    queue = done.catch(() => {});
    return done;
  }

  const listener: HubListener = {
    apply(network, certificate) {
      wanted = { network, certificate };
      return applyWanted();
    },
    status: () => current,
    disconnect: (device) => running?.disconnect(device),
  };

  return {
    listener,
    /** The core the listener serves: the setting it was given before is applied now. */
    bind(served: Core): Promise<HubListenerStatus> {
      core = served;
      return applyWanted();
    },
    async close() {
      wanted = null;
      await applyWanted();
    },
  };
}
