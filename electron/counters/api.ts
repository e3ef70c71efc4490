import { fingerprintGroups, type HubNetwork } from '../../shared/counters';
import { formatActor, userActor } from '../../shared/user';
import { type Handlers, signedInUser } from '../api/dispatcher';
import type { HubCertificate } from './certificate';
import type { Devices } from './devices';
import type { HubListener, HubListenerStatus } from './listener';
import { machineAddresses } from './network-setting';
import type { PairingCodes } from './pairing-codes';

type CounterProcedure =
  | 'counters.get'
  | 'counters.setNetwork'
  | 'counters.createPairingCode'
  | 'counters.listDevices'
  | 'counters.revoke'
  | 'counters.pair';

interface CounterDeps {
  network: { get(): HubNetwork; set(network: HubNetwork): void };
  devices: Devices;
  codes: PairingCodes;
  certificate(): Promise<HubCertificate>;
  /** Absent where no transport listens for the shop's network (a core without a host). */
  listener: HubListener | undefined;
  /** Ends the users' sessions signed in at a till. */
  endSessionsAt(till: string): void;
}

const noListener: HubListenerStatus = { url: null, problem: 'listen_failed' };

/** The hub's side of the shop's network: listening, pairing codes, paired counters. */
export function counterHandlers(deps: CounterDeps): Pick<Handlers, CounterProcedure> {
  const status = async (listening: HubListenerStatus) => {
    const network = deps.network.get();
    const { fingerprint } = await deps.certificate();
    return {
      network,
      url: network.open ? listening.url : null,
      problem: network.open ? listening.problem : null,
      fingerprint,
      fingerprintGroups: fingerprintGroups(fingerprint),
      addresses: machineAddresses(),
    };
  };
  return {
    'counters.get': () => status(deps.listener?.status() ?? noListener),
    'counters.setNetwork': async (network) => {
      deps.network.set(network);
      const certificate = await deps.certificate();
      return status((await deps.listener?.apply(network, certificate)) ?? noListener);
    },
    'counters.createPairingCode': ({ tillName }, caller) =>
      deps.codes.create(tillName, formatActor(userActor(signedInUser(caller)))),
    'counters.listDevices': () => ({ devices: deps.devices.list() }),
    'counters.revoke': ({ id }) => {
      const device = deps.devices.revoke(id);
      deps.endSessionsAt(id);
      deps.listener?.disconnect(id);
      return { device };
    },
    'counters.pair': async ({ code }, caller) => {
      const { device, credential } = deps.codes.pair(code, caller.client);
      const { fingerprint } = await deps.certificate();
      return {
        credential,
        till: { id: device.id, name: device.tillName, kind: 'counter' as const },
        fingerprint,
      };
    },
  };
}
