/**
 * When the demo carrier's card 687 12 34 56 runs out, for a network started `now`: 210 days
 * later on Nouméa's calendar (UTC+11, no summer time), at 23:59. Worked out here by hand so the
 * tests check the simulator's own reckoning.
 */
export function demoCardValidUntil(now = new Date()) {
  const noumea = new Date(now.getTime() + 11 * 3_600_000);
  const last = new Date(
    Date.UTC(noumea.getUTCFullYear(), noumea.getUTCMonth(), noumea.getUTCDate() + 210, 12, 59),
  );
  const wall = new Date(last.getTime() + 11 * 3_600_000);
  const two = (n: number) => String(n).padStart(2, '0');
  return {
    instant: last.toISOString(),
    /** As the carrier's French SMS writes it: "30/11/2026 23:59". */
    french: `${two(wall.getUTCDate())}/${two(wall.getUTCMonth() + 1)}/${wall.getUTCFullYear()} 23:59`,
  };
}
