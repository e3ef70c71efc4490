import { createLinkEvents, LinkClosedError, type ModemLink } from './link';

/**
 * Two connected in-process links, like the two ends of a cable: what one writes, the other
 * receives asynchronously (never in the writer's call stack, as with a real port). The demo mode
 * of an installed app runs its simulated modems on these (Windows has no pseudo-terminals).
 */
export function createMemoryLinkPair(name = 'memory'): [ModemLink, ModemLink] {
  const a = createLinkEvents();
  const b = createLinkEvents();
  const end = (self: typeof a, other: typeof a, description: string): ModemLink => ({
    description,
    async write(bytes) {
      if (self.closed) throw new LinkClosedError(self.closed, description);
      const copy = Uint8Array.from(bytes);
      setImmediate(() => other.data(copy));
    },
    onData: self.onData,
    onClose: self.onClose,
    async close() {
      self.close({ kind: 'closed' });
      setImmediate(() => other.close({ kind: 'unplugged' }));
    },
  });
  return [end(a, b, `${name}:a`), end(b, a, `${name}:b`)];
}
