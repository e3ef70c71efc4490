import { z } from 'zod';
import { dealerPinSchema, modemIdSchema, modemSettingsSchema } from '../../modem-bank';
import { noInput, procedure } from './procedure';

/** One modem of the bank as the interface sees it (also pushed as modems.status events). */
export const modemStatusSchema = z.object({
  id: z.string(),
  carrierId: z.string(),
  /** `waiting`: an earlier top-up's answer may still come, so the modem takes none until then. */
  state: z.enum(['starting', 'idle', 'busy', 'waiting', 'offline']),
  simulated: z.boolean(),
  manufacturer: z.string().nullable(),
  model: z.string().nullable(),
  registration: z.string().nullable(),
  operator: z.string().nullable(),
  signalBars: z.number().int().nullable(),
  problem: z.string().nullable(),
  /** While `waiting`: when the modem takes top-ups again at the latest (ISO time). */
  waitingUntil: z.string().nullable(),
});

const configuredModemSchema = modemSettingsSchema.extend({
  /** Whether a dealer PIN is stored; the PIN itself never leaves the core. */
  hasDealerPin: z.boolean(),
});

export const modems = {
  'modems.list': procedure(
    'user',
    'The modem bank: each modem, its carrier and its state.',
    noInput,
    z.object({ modems: z.array(modemStatusSchema) }),
  ),
  'modems.listSettings': procedure(
    'manager',
    'The real modems configured for the bank (ports, carriers, whether a dealer PIN is set).',
    noInput,
    z.object({ modems: z.array(configuredModemSchema) }),
  ),
  'modems.save': procedure(
    'manager',
    "Adds or changes a real modem: its port, its dealer SIM's carrier and dealer PIN (required " +
      'for a new modem, kept when left out). The bank reopens it at once.',
    modemSettingsSchema.extend({ dealerPin: dealerPinSchema.optional() }).strict(),
    z.object({ modem: configuredModemSchema }),
  ),
  'modems.remove': procedure(
    'manager',
    'Takes a modem out of the bank (after its current top-up) and forgets its dealer PIN.',
    z.object({ id: modemIdSchema }).strict(),
    z.object({}),
  ),
  'modems.listPorts': procedure(
    'manager',
    'The serial ports of this machine, with a name that survives replugging where there is one.',
    noInput,
    z.object({
      ports: z.array(
        z.object({
          path: z.string(),
          stablePath: z.string().nullable(),
          manufacturer: z.string().nullable(),
          vendorId: z.string().nullable(),
          productId: z.string().nullable(),
        }),
      ),
    }),
  ),
};
