import net from 'node:net';

/** `::ffff:10.0.0.5` is how a dual-stack socket names the IPv4 peer 10.0.0.5. */
function canonical(address: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  return (mapped ? (mapped[1] as string) : address).toLowerCase();
}

/**
 * `--trust-proxy`'s list (`127.0.0.1,10.0.0.5`): the addresses of the proxies whose
 * X-Forwarded-For is believed. Plain IP addresses only, so that what is trusted is exactly what
 * was written; the problem of the first bad entry otherwise.
 */
export function parseTrustedProxies(
  text: string,
): { ok: true; proxies: ReadonlySet<string> } | { ok: false; problem: string } {
  const entries = text.split(',').map((entry) => entry.trim());
  for (const entry of entries) {
    if (entry === '') return { ok: false, problem: 'an empty entry' };
    if (net.isIP(entry) === 0) return { ok: false, problem: `"${entry}" is not an IP address` };
  }
  return { ok: true, proxies: new Set(entries.map(canonical)) };
}

/**
 * The address a request comes from, for counting its wrong guesses. The TCP peer, unless it is
 * a trusted proxy: then the right-most X-Forwarded-For entry that is not itself a trusted proxy
 * (the entries to its left were written by the client, who may write anything). A trusted peer
 * that forwards no usable address is counted as itself.
 */
export function clientAddress(
  peer: string | undefined,
  forwardedFor: string | string[] | undefined,
  trusted: ReadonlySet<string>,
): string {
  const direct = canonical(peer ?? 'unknown');
  if (!trusted.has(direct) || forwardedFor === undefined) return direct;
  const hops = (Array.isArray(forwardedFor) ? forwardedFor.join(',') : forwardedFor)
    .split(',')
    .map((hop) => hop.trim());
  for (let i = hops.length - 1; i >= 0; i -= 1) {
    const hop = hops[i] as string;
    // A hop that is no address cannot be trusted to name anyone: the last trusted hop sent it.
    if (net.isIP(hop) === 0) return direct;
    const address = canonical(hop);
    if (!trusted.has(address)) return address;
  }
  return direct;
}
