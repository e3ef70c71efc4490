/** Which carrier a dealer SIM belongs to, from the network code its IMSI starts with. */

export interface CarrierNetworks {
  id: string;
  /** MCC-MNC, `546-01`. */
  networks: readonly string[];
}

/**
 * The carrier whose network the IMSI belongs to: the longest matching MCC-MNC wins (an IMSI
 * 310150... is network 310-150, not 310-15). Null when no carrier claims it, or when two
 * carriers claim the same code (the manager chooses, nobody guesses).
 */
export function guessCarrier(
  imsi: string | null,
  carriers: readonly CarrierNetworks[],
): string | null {
  if (imsi === null || !/^[0-9]{6,15}$/.test(imsi)) return null;
  let best: { length: number; ids: Set<string> } = { length: 0, ids: new Set() };
  for (const carrier of carriers) {
    for (const network of carrier.networks) {
      const digits = network.replace('-', '');
      if (!imsi.startsWith(digits) || digits.length < best.length) continue;
      if (digits.length > best.length) best = { length: digits.length, ids: new Set() };
      best.ids.add(carrier.id);
    }
  }
  return best.ids.size === 1 ? ([...best.ids][0] ?? null) : null;
}
