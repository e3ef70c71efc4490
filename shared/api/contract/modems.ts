import { z } from 'zod';
import { moneyInputSchema, moneySchema, signedMoneySchema } from '../../currencies';
import {
  dealerPinSchema,
  modemIdSchema,
  modemSettingsSchema,
  powerCycleCommandSchema,
} from '../../modem-bank';
import { noInput, procedure } from './procedure';

export const modemStateSchema = z.enum([
  'starting',
  'ready',
  'busy',
  'waiting',
  'healing',
  'offline',
  'out-of-service',
]);

/** One modem of the bank as the interface sees it (also pushed as modems.status events). */
export const modemStatusSchema = z.object({
  id: z.string(),
  carrierId: z.string(),
  /**
   * `waiting`: an earlier top-up's answer may still come, so the modem takes none until then.
   * `healing`: a step of the healing ladder runs (resync, reopen, reset, power-cycle).
   * `out-of-service`: taken out by a manager, by the end of the ladder, or holding another
   * dealer SIM than the one configured (`simChange`); nothing is sent through it.
   */
  state: modemStateSchema,
  /** When the modem entered its state (ISO time). */
  since: z.string(),
  simulated: z.boolean(),
  /** How the bank talks to it: AT commands on a serial port, or a HiLink stick's HTTP API. */
  link: z.enum(['serial', 'hilink']),
  /** The dealer SIM the modem holds (null until read), and the modem's own IMEI. */
  iccid: z.string().nullable(),
  imei: z.string().nullable(),
  /** The port now holds another SIM than the one configured: a manager confirms it or not. */
  simChange: z.object({ expectedIccid: z.string(), foundIccid: z.string() }).nullable(),
  manufacturer: z.string().nullable(),
  model: z.string().nullable(),
  registration: z.string().nullable(),
  operator: z.string().nullable(),
  signalBars: z.number().int().nullable(),
  problem: z.string().nullable(),
  /** While `waiting`: when the modem takes top-ups again at the latest (ISO time). */
  waitingUntil: z.string().nullable(),
  /** The last signal readings, oldest first (a small history for the health screen). */
  signalHistory: z.array(z.object({ at: z.string(), bars: z.number().int() })),
});

/** Steps of the healing ladder a manager can also run by hand, gentlest first. */
export const healingStepSchema = z.enum(['resync', 'reopen', 'reset', 'power-cycle']);

/** What happened to a modem, for its timeline on the health screen. */
export const modemTimelineEventSchema = z.enum([
  'opened',
  'offline',
  'unplugged',
  'replugged',
  'timeout',
  'resync',
  'reopen',
  'reset',
  'power-cycle',
  'healed',
  'out-of-service',
  'in-service',
  'sim-changed',
  'sim-confirmed',
  'late-answer',
  'float-low',
]);

/** A dealer SIM's float as last known: from a top-up's reply or a scheduled balance check. */
export const dealerFloatSchema = z.object({
  modemId: z.string(),
  /** Null until the first reading. */
  balance: signedMoneySchema.nullable(),
  checkedAt: z.string().nullable(),
  source: z.enum(['top-up', 'check', 'manual']).nullable(),
  /** Below it, an alert on every screen (null: not watched). */
  lowThreshold: moneySchema.nullable(),
  /** Top-ups sold through this SIM per day at most (null: no cap), and how much today. */
  dailyCap: moneySchema.nullable(),
  soldToday: moneySchema,
  low: z.boolean(),
});

const configuredModemSchema = modemSettingsSchema.extend({
  /** Whether a dealer PIN is stored; the PIN itself never leaves the core. */
  hasDealerPin: z.boolean(),
});

const modemIdInput = z.object({ id: modemIdSchema }).strict();

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
  'modems.detect': procedure(
    'manager',
    "This machine's USB serial devices and HiLink sticks: for each its USB ids and interface, " +
      'whether it is the AT port of a known model, and the modem it answers as (IMEI, ICCID, ' +
      "IMSI, operator, signal, the carrier guessed from the IMSI). Unknown ports get 'AT' only.",
    noInput,
    z.object({
      devices: z.array(
        z.object({
          path: z.string(),
          byId: z.string().nullable(),
          usb: z
            .object({
              vendorId: z.string(),
              productId: z.string(),
              interface: z.number().int().nullable(),
              driver: z.string().nullable(),
            })
            .nullable(),
          /**
           * `at`: the AT port of a known model (the model table), or a port that answered `AT`
           * with OK; `other`: another port of a known model (never opened by detection);
           * `unknown`: a port of no known model that did not answer.
           */
          role: z.enum(['at', 'other', 'unknown']),
          /** Signal in bars (0-4); `carrierGuess` a carrier id, from the IMSI's MCC-MNC. */
          modem: z
            .object({
              imei: z.string().nullable(),
              iccid: z.string().nullable(),
              imsi: z.string().nullable(),
              operator: z.string().nullable(),
              signal: z.number().int().nullable(),
              carrierGuess: z.string().nullable(),
            })
            .nullable(),
          link: z.enum(['serial', 'hilink']),
          /** The configured modem already on it, if any. */
          configuredAs: z.string().nullable(),
        }),
      ),
    }),
  ),
  'modems.heal': procedure(
    'manager',
    'Runs one healing step on a modem now (its current top-up ends first).',
    z.object({ id: modemIdSchema, step: healingStepSchema }).strict(),
    z.object({}),
  ),
  'modems.setInService': procedure(
    'manager',
    'Takes a modem out of service (nothing is sent through it) or puts it back.',
    z.object({ id: modemIdSchema, inService: z.boolean() }).strict(),
    z.object({}),
  ),
  'modems.getPowerCycle': procedure(
    'manager',
    "The shop's power-cycle command for a modem (null: none), the healing ladder's last step.",
    modemIdInput,
    z.object({ command: powerCycleCommandSchema.nullable() }),
  ),
  'modems.setPowerCycle': procedure(
    'manager',
    "Sets a modem's power-cycle command (e.g. uhubctl for its hub port): a program and its " +
      'arguments, run without a shell when nothing gentler brought the modem back. Null: none.',
    z.object({ id: modemIdSchema, command: powerCycleCommandSchema.nullable() }).strict(),
    z.object({}),
  ),
  'modems.confirmSim': procedure(
    'manager',
    "Accepts the dealer SIM now in a modem's port as its own, after a SIM change.",
    z.object({ id: modemIdSchema, iccid: z.string().regex(/^[0-9]{18,20}F?$/) }).strict(),
    z.object({}),
  ),
  'modems.timeline': procedure(
    'manager',
    "A modem's recent history: openings, time-outs, each healing step, SIM changes, alerts.",
    modemIdInput,
    z.object({
      entries: z.array(
        z.object({
          at: z.string(),
          event: modemTimelineEventSchema,
          /** What the modem or the step said (technical text, shown as is). */
          detail: z.string().nullable(),
        }),
      ),
    }),
  ),
  'modems.listFloats': procedure(
    'user',
    "Each dealer SIM's float, its low threshold, its daily cap and what it sold today.",
    noInput,
    z.object({ floats: z.array(dealerFloatSchema) }),
  ),
  'modems.setFloatWatch': procedure(
    'manager',
    "Sets a dealer SIM's low-float threshold and daily cap (null: none).",
    z
      .object({
        id: modemIdSchema,
        lowThreshold: moneyInputSchema.nullable(),
        dailyCap: moneyInputSchema.nullable(),
      })
      .strict(),
    z.object({ float: dealerFloatSchema }),
  ),
  'modems.getFloatAlerts': procedure(
    'manager',
    "Where a low dealer float is told besides every screen: the manager's phone, by SMS through " +
      'the bank (null: screens only).',
    noInput,
    z.object({ managerPhone: z.string().nullable() }),
  ),
  'modems.setFloatAlerts': procedure(
    'manager',
    "Sets the manager's phone (international form) that a dealer float going low is told to by " +
      'SMS, once per crossing of its threshold; null for none.',
    z
      .object({
        managerPhone: z
          .string()
          .regex(/^\+[1-9][0-9]{6,14}$/)
          .nullable(),
      })
      .strict(),
    z.object({ managerPhone: z.string().nullable() }),
  ),
  'modems.getActivity': procedure(
    'user',
    "Each modem's top-ups and failures today (the shop's day).",
    noInput,
    z.object({
      modems: z.array(
        z.object({
          modemId: z.string(),
          topUps: z.number().int(),
          failures: z.number().int(),
          /** Top-ups sent without a definite answer, still waiting for their verification. */
          unknown: z.number().int(),
        }),
      ),
    }),
  ),
};
