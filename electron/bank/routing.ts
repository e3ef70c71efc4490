/**
 * Which modem of a carrier takes the next job: a pure choice over what the bank knows of each
 * modem, so that every rule is a row in a table test.
 */

/** What a top-up asks of the dealer SIM that sends it, in minor units of the carrier's money. */
export interface RoutingNeed {
  /** What the top-up takes from the dealer SIM's float. */
  dealerCost: number;
  /** What the customer pays: counts against the SIM's daily cap. */
  price: number;
}

/** One modem of the carrier, as the bank sees it when a job asks for one. */
export interface RoutingCandidate {
  id: string;
  /** Ready, registered and holding no USSD session: it can take the job now. */
  free: boolean;
  /** When its last job started (epoch ms; 0 for never): the longest idle goes first. */
  lastUsed: number;
  /** 0..4; null until read. */
  signalBars: number | null;
  /** The dealer SIM's float as last known; null until read (the carrier then decides). */
  float: number | null;
  /** What the SIM may still sell today under its daily cap; null without a cap. */
  capLeft: number | null;
}

/** Why no modem of the carrier can take a top-up, however long the job waits. */
export type RoutingRefusal = 'float' | 'cap';

export type RoutingChoice =
  | { kind: 'lend'; modemId: string }
  /** A modem that could take it is busy or waiting: the job may wait for it. */
  | { kind: 'wait' }
  | { kind: 'refuse'; reason: RoutingRefusal | 'none' };

/** From two bars on, a USSD dialogue goes through reliably. */
const goodSignalBars = 2;

/** The reason a modem cannot take this job at all, whatever its state; null if it can. */
export function unfitFor(candidate: RoutingCandidate, need?: RoutingNeed): RoutingRefusal | null {
  if (!need) return null;
  if (candidate.float !== null && candidate.float < need.dealerCost) return 'float';
  if (candidate.capLeft !== null && candidate.capLeft < need.price) return 'cap';
  return null;
}

/**
 * Among the modems that can take the job (float enough for the plan's dealer cost, under their
 * daily cap), a free one with a good signal, the one idle longest first; one lent modem holds
 * one USSD session, so a busy one is never chosen. With no free one, the job may wait; with none
 * able to take it at all, it is refused with the reason (float before cap).
 */
export function chooseModem(
  candidates: readonly RoutingCandidate[],
  need?: RoutingNeed,
): RoutingChoice {
  const refusals = candidates.map((candidate) => unfitFor(candidate, need));
  const fit = candidates.filter((_, index) => refusals[index] === null);
  if (fit.length === 0) {
    if (refusals.includes('float')) return { kind: 'refuse', reason: 'float' };
    if (refusals.includes('cap')) return { kind: 'refuse', reason: 'cap' };
    return { kind: 'refuse', reason: 'none' };
  }
  const good = (candidate: RoutingCandidate) => (candidate.signalBars ?? 0) >= goodSignalBars;
  const best = fit
    .filter((candidate) => candidate.free)
    // A stable sort: between equals, the bank's own order.
    .sort((a, b) => Number(good(b)) - Number(good(a)) || a.lastUsed - b.lastUsed)[0];
  return best ? { kind: 'lend', modemId: best.id } : { kind: 'wait' };
}
