import { z } from 'zod';
import { singleLineText } from './text';

/**
 * A till: where receipts are numbered and chained. The hub's own counter is the shop's first till
 * (the database's device id, named by the shop profile's `tillName`); each paired counter is one
 * more, with the id it was given at pairing.
 */
export const tillSchema = z.object({
  id: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/),
  name: singleLineText(30).pipe(z.string().min(1)),
  kind: z.enum(['hub', 'counter']),
});
export type Till = z.infer<typeof tillSchema>;

/**
 * How cash is counted at the close: a drawer per till (one Z per till per day, and the shop's
 * day total on the hub), or one drawer for the whole shop (one Z, broken down by till).
 */
export const drawerModes = ['per_till', 'shop'] as const;
export const drawerModeSchema = z.enum(drawerModes);
export type DrawerMode = z.infer<typeof drawerModeSchema>;

/** A device credential: 32 random bytes as hex, shown once at pairing, stored only hashed. */
export const deviceCredentialSchema = z.string().regex(/^[0-9a-f]{64}$/);

/** The cookie a paired counter's requests carry its device credential in (hub and counter). */
export const deviceCookieName = 'comptoir-device';

/** The SHA-256 of the hub certificate's DER, uppercase hex without separators. */
export const fingerprintSchema = z.string().regex(/^[0-9A-F]{64}$/);

/** A one-time pairing code as a person types it: 8 characters of an unambiguous alphabet. */
export const pairingCodeAlphabet = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
export const pairingCodeSchema = z
  .string()
  .transform((text) => text.replace(/[\s-]/g, '').toUpperCase())
  .pipe(z.string().regex(new RegExp(`^[${pairingCodeAlphabet}]{8}$`)));

/** Where the hub listens for the shop's counters, as the manager chose. */
export const hubNetworkSchema = z.object({
  /** Off: loopback only, as before. */
  open: z.boolean(),
  /** The interface's IPv4 or IPv6 address (never a name: the hub says what it serves). */
  address: z.union([z.ipv4(), z.ipv6()]),
  port: z.number().int().min(1024).max(65535),
});
export type HubNetwork = z.infer<typeof hubNetworkSchema>;

export const defaultHubPort = 5171;

/** A paired counter as Settings → Counters lists it. */
export const pairedDeviceSchema = z.object({
  /** The device's till id: its receipts' numbering. */
  id: tillSchema.shape.id,
  tillName: tillSchema.shape.name,
  pairedAt: z.iso.datetime(),
  lastSeenAt: z.iso.datetime().nullable(),
  /** The network address it last called from. */
  lastAddress: z.string().nullable(),
  revokedAt: z.iso.datetime().nullable(),
});
export type PairedDevice = z.infer<typeof pairedDeviceSchema>;

/** A fingerprint as a person compares it, on the hub's screen and the counter's: "6AD1 1339 …". */
export function fingerprintGroups(fingerprint: string): string[] {
  return fingerprint.match(/.{1,4}/g) ?? [];
}

/**
 * Why the hub could not listen where the manager asked (`counters.get`'s `problem`): the address
 * is not one of this machine's, the port is taken by another program, or listening failed
 * otherwise (this app has no network listener, the system refused).
 */
export const hubNetworkProblems = ['address_not_here', 'port_taken', 'listen_failed'] as const;
export type HubNetworkProblem = (typeof hubNetworkProblems)[number];
