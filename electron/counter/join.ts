import { procedures } from '../../shared/api/contract';
import { ApiError } from '../../shared/api/errors';
import { httpTransport } from '../../shared/api/http-transport';
import type { Till } from '../../shared/counters';
import type { SecretSealer } from '../store/dealer-pins';
import { hubUrlOf } from './hub-address';
import { inspectHub, pinnedFetch } from './pinned-link';
import { writeCounterSettings } from './settings';

/** A fresh install's way to become a counter: what `counters.inspectHub` and `counters.join` do. */
export interface JoinHub {
  inspect(
    address: string,
  ): Promise<{ url: string; fingerprint: string; fingerprintGroups: string[] }>;
  /** Pairs with the hub showing `fingerprint` and keeps the counter's settings; answers its till. */
  join(address: string, code: string, fingerprint: string): Promise<{ till: Till }>;
}

/**
 * Joins a hub from `dir` (the app's data folder): pairs over the link pinned to the fingerprint
 * the person checked, so a hub that now shows another certificate is refused before the code is
 * sent, then writes counter.json there, the credential sealed (`keychain`, else a key file).
 */
export function hubJoiner(dir: string, keychain?: SecretSealer, timeoutMs = 5000): JoinHub {
  return {
    inspect: (address) => inspectHub(address, timeoutMs),
    async join(address, code, fingerprint) {
      const url = hubUrlOf(address);
      const seen = await inspectHub(url, timeoutMs);
      if (seen.fingerprint !== fingerprint) {
        throw new ApiError(
          'pairing_refused',
          `The hub at ${url} now shows another certificate (${seen.fingerprint}) than the one ` +
            'checked: nothing was sent. Compare the fingerprint on the hub’s screen again.',
        );
      }
      const link = { url, fingerprint, credential: null, connectTimeoutMs: timeoutMs };
      const transport = httpTransport({ baseUrl: url, fetch: pinnedFetch(link) });
      const paired = procedures['counters.pair'].output.parse(
        await transport.invoke('counters.pair', { code }, null),
      );
      if (paired.fingerprint !== fingerprint) {
        throw new ApiError('pairing_refused', 'The hub names another certificate than its own');
      }
      writeCounterSettings(
        dir,
        { link: { url, fingerprint, credential: paired.credential }, till: paired.till },
        keychain,
      );
      return { till: paired.till };
    },
  };
}

/**
 * The same joiner, then `restart` once the answer has gone back to the window: the desktop app
 * relaunches itself in counter mode.
 */
export function restartingAfterJoin(joiner: JoinHub, restart: () => void, delayMs = 500): JoinHub {
  return {
    inspect: joiner.inspect,
    async join(address, code, fingerprint) {
      const joined = await joiner.join(address, code, fingerprint);
      setTimeout(restart, delayMs);
      return joined;
    },
  };
}
