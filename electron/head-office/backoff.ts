/** How long the sync waits between attempts. */
export interface SyncTiming {
  /** Between two successful rounds (new facts wait at most this long to go up). */
  everyMs: number;
  /** After the first failure; doubled after each next one… */
  retryFirstMs: number;
  /** …up to this. */
  retryMaxMs: number;
}

export const defaultSyncTiming: SyncTiming = {
  everyMs: 60_000,
  retryFirstMs: 5_000,
  retryMaxMs: 15 * 60_000,
};

/**
 * The wait after the `failures`-th failure in a row: exponential, capped, and jittered (between
 * half and all of it, by `random` in [0, 1)) so the shops of a chain back online together do not
 * all knock at the same second.
 */
export function retryDelayMs(failures: number, timing: SyncTiming, random: number): number {
  const exponent = Math.min(Math.max(failures - 1, 0), 30);
  const capped = Math.min(timing.retryFirstMs * 2 ** exponent, timing.retryMaxMs);
  return Math.round(capped * (0.5 + random / 2));
}
