import type { HubNetwork, HubNetworkProblem } from '../../shared/counters';
import type { HubCertificate } from './certificate';

/** Whether the hub listens on the shop's network now: where, or why not. */
export interface HubListenerStatus {
  /** `https://address:port/` while listening, else null. */
  url: string | null;
  problem: HubNetworkProblem | null;
}

/**
 * The hub's listener on the shop's network as the core drives it (the transport makes it, so the
 * core imports no server): opened, moved or closed as the manager sets it, and told when a
 * counter is revoked so that its open sockets close at once.
 */
export interface HubListener {
  apply(network: HubNetwork, certificate: HubCertificate): Promise<HubListenerStatus>;
  status(): HubListenerStatus;
  disconnect(device: string): void;
}
