/**
 * A byte pipe to a modem: a serial port, or one end of the in-process pair the demo and the unit
 * tests use. Everything above it (the AT channel, the simulator) sees only this interface, so the
 * code that drives real hardware is the code the tests run.
 */
export interface ModemLink {
  /** Resolves once the bytes are handed to the operating system (drained). */
  write(bytes: Uint8Array): Promise<void>;
  onData(listener: (chunk: Uint8Array) => void): () => void;
  /** Called once when the link goes away: closed by us, unplugged, or failed. */
  onClose(listener: (reason: LinkClosed) => void): () => void;
  close(): Promise<void>;
  readonly description: string;
}

export type LinkClosed =
  | { kind: 'closed' }
  | { kind: 'unplugged' }
  | { kind: 'failed'; message: string };

export class LinkClosedError extends Error {
  constructor(
    readonly reason: LinkClosed,
    description: string,
  ) {
    super(
      reason.kind === 'failed'
        ? `${description}: ${reason.message}`
        : `${description} was ${reason.kind === 'unplugged' ? 'unplugged' : 'closed'}`,
    );
    this.name = 'LinkClosedError';
  }
}

/** Keeps listeners and fires close exactly once; the base of both implementations. */
export function createLinkEvents() {
  const dataListeners = new Set<(chunk: Uint8Array) => void>();
  const closeListeners = new Set<(reason: LinkClosed) => void>();
  let closed: LinkClosed | null = null;
  return {
    get closed() {
      return closed;
    },
    data(chunk: Uint8Array) {
      if (closed) return;
      for (const listener of dataListeners) listener(chunk);
    },
    close(reason: LinkClosed) {
      if (closed) return;
      closed = reason;
      for (const listener of closeListeners) listener(reason);
    },
    onData(listener: (chunk: Uint8Array) => void) {
      dataListeners.add(listener);
      return () => dataListeners.delete(listener);
    },
    onClose(listener: (reason: LinkClosed) => void) {
      if (closed) {
        const reason = closed;
        queueMicrotask(() => listener(reason));
        return () => {};
      }
      closeListeners.add(listener);
      return () => closeListeners.delete(listener);
    },
  };
}
