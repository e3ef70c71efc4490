/**
 * What the bank makes of the dealer SIM a modem answers with, against the one it is configured
 * to be (DESIGN.md: a modem is its dealer SIM, not its port).
 */
export type SimVerdict =
  /** The SIM it is: carry on. */
  | { kind: 'same' }
  /**
   * A modem bound to no SIM that tells none, or tells one another modem is bound to (two
   * simulated modems alike; in a shop, sticks renumbered before this one ever learnt its SIM):
   * carry on as before binding existed, learning nothing.
   */
  | { kind: 'unbound' }
  /** No SIM known yet: this one becomes the modem's. */
  | { kind: 'learnt'; iccid: string }
  /** A SIM is expected and the modem told none: nothing can say it is the right one. */
  | { kind: 'unread' }
  /** Another configured modem's SIM: the ports were renumbered, this is not a SIM change. */
  | { kind: 'other-modem'; modemId: string }
  /** Another SIM on the port: not used for top-ups until a manager confirms it. */
  | { kind: 'changed'; expectedIccid: string; foundIccid: string };

export function judgeSim(
  expected: string | null,
  found: string | null,
  ownerOf: (iccid: string) => string | null,
): SimVerdict {
  if (found === null) return expected === null ? { kind: 'unbound' } : { kind: 'unread' };
  if (found === expected) return { kind: 'same' };
  const owner = ownerOf(found);
  if (owner !== null)
    return expected === null ? { kind: 'unbound' } : { kind: 'other-modem', modemId: owner };
  if (expected === null) return { kind: 'learnt', iccid: found };
  return { kind: 'changed', expectedIccid: expected, foundIccid: found };
}
