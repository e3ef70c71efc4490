import { z } from 'zod';
import {
  deviceCredentialSchema,
  fingerprintSchema,
  hubNetworkSchema,
  pairedDeviceSchema,
  pairingCodeSchema,
  tillSchema,
} from '../../counters';
import { singleLineText } from '../../text';
import { noInput, procedure } from './procedure';

/** What Settings → Counters shows: where the hub listens, and the certificate counters pin. */
export const hubStatusSchema = z.object({
  network: hubNetworkSchema,
  /** The address counters join (`https://address:port`), null while closed or not listening. */
  url: z.string().nullable(),
  /** Why the hub could not listen where the manager asked (address gone, port taken), if so. */
  problem: z.string().nullable(),
  fingerprint: fingerprintSchema,
  /** The fingerprint as a person compares it: 16 groups of 4 hex digits. */
  fingerprintGroups: z.array(z.string()),
  /** This machine's network addresses, to choose from (loopback left out). */
  addresses: z.array(z.string()),
});

/** A hub's address as a counter types it: `https://` and a port are added when left out. */
export const hubAddressSchema = singleLineText(200).pipe(z.string().min(1));

export const counters = {
  'counters.get': procedure(
    'manager',
    'Where the hub listens for the shop’s counters, its certificate’s fingerprint, and this ' +
      'machine’s addresses to choose from.',
    noInput,
    hubStatusSchema,
  ),
  'counters.setNetwork': procedure(
    'manager',
    'Opens the hub to the shop’s network on an address and port (TLS only), or closes it ' +
      '(loopback keeps working). Answers once the listener is up, or with the problem.',
    hubNetworkSchema,
    hubStatusSchema,
  ),
  'counters.createPairingCode': procedure(
    'manager',
    'A one-time code for a new counter: 8 characters, valid for 10 minutes and a few tries; the ' +
      'counter that uses it becomes the till named here ("Counter 2" by default).',
    z.object({ tillName: tillSchema.shape.name.optional() }).strict(),
    z.object({ code: z.string(), tillName: tillSchema.shape.name, expiresAt: z.iso.datetime() }),
  ),
  'counters.listDevices': procedure(
    'manager',
    'The paired counters: till name, when last seen and from where, revoked or not.',
    noInput,
    z.object({ devices: z.array(pairedDeviceSchema) }),
  ),
  'counters.revoke': procedure(
    'manager',
    'Revokes a paired counter at once: its credential is refused and its users’ sessions end.',
    z.object({ id: tillSchema.shape.id }).strict(),
    z.object({ device: pairedDeviceSchema }),
  ),
  'counters.pair': procedure(
    'public',
    'A new counter trades a pairing code for its device credential (shown this once) and its ' +
      'till. Over the shop’s network only; a wrong, expired or used code pairs nothing.',
    z.object({ code: pairingCodeSchema }).strict(),
    z.object({
      credential: deviceCredentialSchema,
      till: tillSchema,
      fingerprint: fingerprintSchema,
    }),
  ),
  'counters.inspectHub': procedure(
    'setup',
    'First run of a counter: reaches the hub at this address and shows its certificate’s ' +
      'fingerprint, for the person to compare with the one on the hub’s screen.',
    z.object({ address: hubAddressSchema }).strict(),
    z.object({
      url: z.string(),
      fingerprint: fingerprintSchema,
      fingerprintGroups: z.array(z.string()),
    }),
  ),
  'counters.join': procedure(
    'setup',
    'First run of a counter: pairs with the hub whose fingerprint the person checked, keeps the ' +
      'credential sealed, and restarts this app in counter mode (no database, no modems of its own).',
    z.object({ url: z.string(), code: pairingCodeSchema, fingerprint: fingerprintSchema }).strict(),
    z.object({ till: tillSchema }),
  ),
};
