/**
 * The rules of a watched dealer float, pure: when it is low, when an alert goes out (once per
 * crossing below the threshold), what the daily cap leaves, and which SIM's check is due.
 */

/** Below its threshold (strictly); a float not read yet or not watched is never low. */
export function isLow(balance: number | null, lowThreshold: number | null): boolean {
  return balance !== null && lowThreshold !== null && balance < lowThreshold;
}

/**
 * What a new float (or a new threshold) calls for: `alert` when it is low and this crossing was
 * not alerted yet, `clear` when it is back up after an alert (the next crossing alerts again).
 */
export function crossing(low: boolean, alertedAt: string | null): 'alert' | 'clear' | null {
  if (low && alertedAt === null) return 'alert';
  if (!low && alertedAt !== null) return 'clear';
  return null;
}

/** What the SIM may still sell today under its cap (never below zero); null without a cap. */
export function capLeft(dailyCap: number | null, soldToday: number): number | null {
  return dailyCap === null ? null : Math.max(0, dailyCap - soldToday);
}

/**
 * The SIMs whose scheduled balance check is due: never checked, or last checked `everyMs` ago
 * or more (a top-up's reply counts as a check: it said the float too).
 */
export function checksDue(
  sims: readonly { modemId: string; checkedAt: string | null }[],
  now: Date,
  everyMs: number,
): string[] {
  return sims
    .filter(
      ({ checkedAt }) => checkedAt === null || now.getTime() - Date.parse(checkedAt) >= everyMs,
    )
    .map(({ modemId }) => modemId);
}
