import type { Outcome } from '../../shared/api/bridge';
import { events as contractEvents, type EventName } from '../../shared/api/contract';
import { ApiError, type ApiErrorBody } from '../../shared/api/errors';
import { httpTransport } from '../../shared/api/http-transport';
import type { User } from '../../shared/user';
import { mayHear } from '../api/event-audience';
import { createEventBus } from '../api/event-bus';
import type { SessionState } from '../auth/sessions';
import type { TransportCore } from '../core';
import { signInRequiredClose } from '../host/event-sockets';
import type { Logger } from '../log';
import { createHubWatch, type HubConnection } from './hub-watch';
import { type HubLink, pinnedFetch, pinnedWebSocket } from './pinned-link';

interface RemoteCoreOptions {
  link: HubLink;
  now?: () => Date;
  log?: Logger;
  /** How long the link may stay silent before the hub is asked whether it is there. */
  pingMs?: number;
  /** The longest wait between two tries while the hub is gone. */
  maxRetryMs?: number;
  /** Delay before an event socket that closed is opened again. */
  reconnectMs?: number;
  /** How long the hub may take to answer a ping before it counts as gone. */
  pingTimeoutMs?: number;
}

/** Events the hub tells; `app.hubConnection` is the counter's own. */
const hubEvents = (Object.keys(contractEvents) as EventName[]).filter(
  (event) => event !== 'app.hubConnection',
);

const signIns = new Set(['auth.login', 'auth.setup']);

function refusedWhileLost(connection: HubConnection): ApiErrorBody {
  return {
    code: 'unreachable',
    message:
      `The hub cannot be reached since ${connection.since.toISOString()} (${connection.problem}). ` +
      'Nothing was sent: this counter keeps trying and says when the hub is back.',
  };
}

function lostDuring(name: string, problem: string): ApiErrorBody {
  if (name === 'sales.renew') {
    return {
      code: 'unreachable',
      message:
        `The link to the hub was lost during this sale (${problem}): the sale may have reached ` +
        'the hub. Once the hub is back, look the sale up in the day’s sales before anything ' +
        'else; sending the same sale again is safe, its idempotency key makes the hub sell it ' +
        'once.',
    };
  }
  return { code: 'unreachable', message: `The link to the hub was lost (${problem})` };
}

/**
 * A paired counter's core: every call goes to the hub (token and input as given, the counter's
 * device credential on the pinned link), and the events are what the hub's event socket tells
 * each signed-in user of this counter. No database, no modems. When the hub stops answering
 * this counter says so at once (`app.hubConnection`), refuses every call `unreachable` with the
 * reason, queues nothing, and keeps asking until the hub is back.
 */
export function createRemoteCore(options: RemoteCoreOptions): TransportCore {
  const { link } = options;
  const now = options.now ?? (() => new Date());
  const log = options.log ?? console;
  const bus = createEventBus(log);
  const hubFetch = pinnedFetch(link);
  // The reason the last exchange failed, as the pinned link told it.
  let lastProblem = 'no answer';
  // Calls under way; a hub found gone ends them at once rather than when TCP gives up.
  let underWay = new AbortController();
  const fetchOnce: typeof fetch = async (input, init) => {
    try {
      return await hubFetch(input, { ...init, signal: underWay.signal });
    } catch (error) {
      lastProblem = underWay.signal.aborted
        ? 'the hub stopped answering meanwhile'
        : error instanceof Error
          ? error.message
          : String(error);
      throw error;
    }
  };
  const calls = httpTransport({ baseUrl: link.url, fetch: fetchOnce });
  const pingTimeoutMs = options.pingTimeoutMs ?? 5000;
  const watch = createHubWatch({
    ping: () =>
      new Promise((resolve, reject) => {
        const timer = setTimeout(
          () => reject(new Error(`the hub did not answer within ${pingTimeoutMs / 1000} s`)),
          pingTimeoutMs,
        );
        calls
          .invoke('app.get', {}, null)
          .then(resolve, reject)
          .finally(() => clearTimeout(timer));
      }),
    changed: (connection) => {
      if (!connection.reachable) {
        underWay.abort();
        underWay = new AbortController();
      }
      bus.emit('app.hubConnection', {
        reachable: connection.reachable,
        since: connection.since.toISOString(),
        problem: connection.problem,
      });
    },
    now,
    pingMs: options.pingMs ?? 3000,
    maxRetryMs: options.maxRetryMs ?? 4000,
  });

  // Signed in at this counter, in sign-in order; ended ones are kept to say so.
  const sessions = new Map<string, { user: User; stop(): void } | 'ended'>();

  const end = (token: string) => {
    const session = sessions.get(token);
    if (session && session !== 'ended') session.stop();
    sessions.set(token, 'ended');
  };

  /**
   * What one user's socket heard goes on the bus once: several users signed in here each hear
   * it from the hub, and the first of them (in sign-in order) allowed to hear it carries it.
   */
  function heard(token: string, event: EventName, payload: unknown) {
    watch.heard();
    const carrier = [...sessions].find(
      ([, session]) => session !== 'ended' && mayHear(session.user, event, payload as never),
    );
    if (carrier?.[0] !== token) return;
    try {
      bus.emit(event, payload as never);
    } catch (error) {
      log.error(`The hub sent a ${event} this counter cannot read`, error);
    }
  }

  function signedIn(token: string, user: User) {
    const socket = httpTransport({
      baseUrl: link.url,
      fetch: hubFetch,
      WebSocket: pinnedWebSocket(link, (code) => {
        if (code === signInRequiredClose) end(token);
        else if (watch.current().reachable) watch.check();
      }),
      reconnectMs: options.reconnectMs ?? 1000,
    });
    socket.setToken?.(token);
    const stops = hubEvents.map((event) =>
      socket.subscribe(event, (payload) => heard(token, event, payload)),
    );
    sessions.set(token, {
      user,
      stop: () => {
        for (const stop of stops) stop();
      },
    });
  }

  function learn(name: string, token: string | null, result: unknown) {
    if (signIns.has(name)) {
      const answer = result as { token: string; user: User };
      signedIn(answer.token, answer.user);
    } else if (name === 'auth.logout' && token) end(token);
  }

  return {
    async dispatch(name, input, token = null): Promise<Outcome> {
      const connection = watch.current();
      if (!connection.reachable) return { ok: false, error: refusedWhileLost(connection) };
      try {
        const result = await calls.invoke(name, input, token);
        watch.heard();
        learn(name, token, result);
        return { ok: true, result };
      } catch (error) {
        if (!(error instanceof ApiError)) {
          log.error(`Forwarding ${name} to the hub failed`, error);
          return { ok: false, error: { code: 'internal', message: 'Internal error' } };
        }
        if (error.code === 'unreachable') {
          const problem = lastProblem;
          watch.lost(problem);
          return { ok: false, error: lostDuring(name, problem) };
        }
        watch.heard();
        if (error.code === 'device_unpaired') {
          // Revoked at the hub: nobody works at this counter any more, its sockets stop asking.
          for (const signedInHere of sessions.keys()) end(signedInHere);
          return { ok: false, error: error.toBody() };
        }
        const known = token ? sessions.get(token) : undefined;
        if (token && known && (error.code === 'unauthorized' || error.code === 'session_expired')) {
          end(token);
          // A hub that restarted has forgotten every sign-in: to this counter it has ended.
          return {
            ok: false,
            error: {
              code: 'session_expired',
              message: 'The hub ended this session: sign in again',
            },
          };
        }
        return { ok: false, error: error.toBody() };
      }
    },
    events: bus,
    sessionOf(token): SessionState {
      const session = token ? sessions.get(token) : undefined;
      if (!session) return null;
      return session === 'ended' ? 'ended' : { user: session.user };
    },
    demo: false,
    async close() {
      watch.stop();
      for (const token of sessions.keys()) end(token);
    },
  };
}
