/**
 * Concatenation references for outgoing long texts. The codec's default derives the reference
 * from the text, so two different texts can share one and a phone would mix their parts; a
 * counter per modem gives each long text its own (8-bit: 256 texts before one comes back).
 */

import type { AtChannel } from '../channel';

export type NextReference = () => number;

/** A counter 0..255 that wraps, starting at `start`. */
export function createReferenceCounter(start = 0): NextReference {
  let next = ((Math.trunc(start) % 256) + 256) % 256;
  return () => {
    const reference = next;
    next = (next + 1) % 256;
    return reference;
  };
}

const counters = new WeakMap<AtChannel, NextReference>();

/**
 * The counter of a channel's modem, made on first use. It starts at a random value so a restart
 * of the app does not reuse the references of the texts it sent just before.
 */
export function referenceCounterFor(
  channel: AtChannel,
  random: () => number = Math.random,
): NextReference {
  let counter = counters.get(channel);
  if (!counter) {
    counter = createReferenceCounter(Math.floor(random() * 256));
    counters.set(channel, counter);
  }
  return counter;
}
