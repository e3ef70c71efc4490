/** A counter's link to its hub as the counter knows it now. */
export interface HubConnection {
  reachable: boolean;
  since: Date;
  problem: string | null;
}

interface HubWatchOptions {
  /** One exchange with the hub that asks nothing of it (`app.get`); rejects when none answers. */
  ping(): Promise<unknown>;
  /** Told of each change: lost, then back. */
  changed(connection: HubConnection): void;
  now: () => Date;
  /** How long the link may stay silent before the hub is asked whether it is there. */
  pingMs: number;
  /** The longest wait between two tries while the hub is gone (the first is a tenth of it). */
  maxRetryMs: number;
}

/**
 * Whether the hub answers, known as soon as anything says otherwise: a call or a socket that
 * failed (`lost`), a ping after `pingMs` of silence. While lost it asks again by itself, sooner
 * first then every `maxRetryMs`, until the hub answers (`heard`).
 */
export function createHubWatch(options: HubWatchOptions) {
  const { now, pingMs, maxRetryMs } = options;
  let connection: HubConnection = { reachable: true, since: now(), problem: null };
  let timer: ReturnType<typeof setTimeout> | null = null;
  let retryMs = maxRetryMs / 10;
  let pinging = false;
  let stopped = false;

  const schedule = (ms: number) => {
    if (timer) clearTimeout(timer);
    timer = stopped ? null : setTimeout(ping, ms);
    timer?.unref();
  };

  function ping() {
    timer = null;
    if (pinging || stopped) return;
    pinging = true;
    options.ping().then(
      () => {
        pinging = false;
        heard();
      },
      (error: unknown) => {
        pinging = false;
        lost(error instanceof Error ? error.message : String(error));
      },
    );
  }

  function heard() {
    if (!connection.reachable) {
      connection = { reachable: true, since: now(), problem: null };
      retryMs = maxRetryMs / 10;
      options.changed(connection);
    }
    schedule(pingMs);
  }

  function lost(problem: string) {
    if (connection.reachable) {
      connection = { reachable: false, since: now(), problem };
      options.changed(connection);
    } else if (pinging || timer) {
      // Already asking again: the backoff goes on from where it is.
      return;
    }
    schedule(retryMs);
    retryMs = Math.min(retryMs * 2, maxRetryMs);
  }

  schedule(0);
  return {
    current: () => connection,
    heard,
    lost,
    /** Asks the hub now (a socket closed: is it gone?). */
    check: () => schedule(0),
    stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
    },
  };
}
