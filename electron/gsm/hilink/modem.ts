/**
 * A HiLink stick opened as a modem of the bank: its identity read from the stick, its network
 * state asked on demand, its SMS, and word when it stops answering (unplugged, or the network
 * interface gone), which a serial modem gives by closing its port.
 */
import type { ModemIdentity, RegistrationStatus, SignalReading } from '../modem';
import type { HilinkClient } from './client';
import { HilinkExchangeError } from './errors';
import { identityOf, operatorOf, registrationOf, signalOf } from './readings';
import { createHilinkSms, type HilinkSms } from './sms';

export interface HilinkModem {
  readonly link: 'hilink';
  readonly url: string;
  readonly identity: Readonly<ModemIdentity>;
  /** The client the modem's USSD session and SMS use (it tells the modem of a lost stick). */
  readonly client: HilinkClient;
  readonly sms: HilinkSms;
  registration(): Promise<RegistrationStatus>;
  signal(): Promise<SignalReading>;
  operator(): Promise<string | null>;
  /** Called once, when the stick stops answering or the modem is closed. */
  onClosed(listener: (error: Error) => void): () => void;
  close(): Promise<void>;
}

/** Whether a modem of the bank is a HiLink stick (the other kind is a serial modem). */
export function isHilinkModem(modem: object): modem is HilinkModem {
  return 'link' in modem && modem.link === 'hilink';
}

/**
 * Opens a stick: reads its identity (GET /api/device/information), which also tells that it
 * answers at all. Every exchange that fails for want of an answer afterwards closes it.
 */
export async function openHilinkModem(client: HilinkClient): Promise<HilinkModem> {
  const identity = identityOf(await client.get('/api/device/information'));
  const listeners = new Set<(error: Error) => void>();
  let closed = false;
  const closeWith = (error: Error) => {
    if (closed) return;
    closed = true;
    for (const listener of listeners) listener(error);
  };
  const watch = <T>(run: () => Promise<T>): Promise<T> => {
    if (closed) return Promise.reject(new Error('The HiLink stick was closed'));
    return run().catch((error: unknown) => {
      if (error instanceof HilinkExchangeError && error.reason !== 'bad-answer') closeWith(error);
      throw error;
    });
  };
  const watched: HilinkClient = {
    url: client.url,
    get: (path) => watch(() => client.get(path)),
    post: (path, fields) => watch(() => client.post(path, fields)),
  };
  return {
    link: 'hilink',
    url: client.url,
    identity,
    client: watched,
    sms: createHilinkSms(watched),
    registration: async () => registrationOf(await watched.get('/api/monitoring/status')),
    signal: async () => signalOf(await watched.get('/api/device/signal')),
    operator: async () => operatorOf(await watched.get('/api/net/current-plmn')),
    onClosed(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async close() {
      closeWith(new Error('The HiLink stick was closed'));
    },
  };
}
