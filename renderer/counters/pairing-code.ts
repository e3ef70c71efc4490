import { pairingCodeSchema } from '../../shared/counters';

/** A pairing code as the manager reads it out and the counter types it: "ABCD EFGH". */
export function codeGroups(code: string): string[] {
  return code.match(/.{1,4}/g) ?? [];
}

/**
 * The code as typed (spaces, dashes and small letters tolerated), or null when it cannot be one:
 * the screen says so without asking the hub, which would count a try.
 */
export function typedCode(typed: string): string | null {
  const parsed = pairingCodeSchema.safeParse(typed);
  return parsed.success ? parsed.data : null;
}

/**
 * The whole minutes a code has left, rounded up ("1 minute" until its last second), 0 once it
 * has expired.
 */
export function minutesLeft(expiresAt: string, now: number): number {
  const left = Date.parse(expiresAt) - now;
  return left > 0 ? Math.ceil(left / 60_000) : 0;
}

/**
 * Whether the counter a code was made for has joined: a till's name is the shop's only one of
 * that name (any case), so a paired counter of that name is the one that used it.
 */
export function pairedWith(
  tillName: string,
  devices: readonly { tillName: string; revokedAt: string | null }[],
): boolean {
  const name = tillName.toLocaleLowerCase();
  return devices.some(
    (device) => device.tillName.toLocaleLowerCase() === name && !device.revokedAt,
  );
}
