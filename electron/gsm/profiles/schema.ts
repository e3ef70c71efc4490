/**
 * A modem profile as a JSON file (resources/modems/*.json, or the shop's own `modems/` folder
 * beside its database): what one family of modems does differently, as data, in the manner of
 * Gammu's per-model feature flags. This schema is the only gate: every field it lets through
 * is read somewhere (match.ts, modem.ts, channel.ts, at/reply.ts, at/reader.ts, ussd.ts).
 */
import { z } from 'zod';
import { URCS } from '../at/urc-table';

/** How a USSD request string is put on the line (field notes, point 10). */
const ussdRequestEncodings = ['plain', 'gsm7-packed-hex', 'ucs2-hex'] as const;
export type UssdRequestEncoding = (typeof ussdRequestEncodings)[number];

export const GENERIC_PROFILE_ID = 'generic';

// What the AT channel will put on the line (channel.ts refuses anything else).
const atCommand = z
  .string()
  .regex(/^AT[\x20-\x7e]*$/i, 'must be an AT command of printable ASCII characters');

/**
 * What start-up may send: settings, never what costs money, deletes messages or touches the
 * SIM's PIN (a call, USSD, an SMS, +CMGD, +CPIN=, +CLCK, +CPWD) or switches the radio off.
 */
const initCommand = atCommand.refine(
  (command) =>
    !/^AT(?:D|A$|\+CUSD|\+CMGS|\+CMSS|\+CMGD|\+CPIN=|\+CLCK|\+CPWD|\+CFUN=[04])/i.test(command),
  {
    message: 'is not a start-up setting (it calls, sends, deletes or locks)',
    params: { reason: 'unsafe_init' },
  },
);

/** A match written as a string in the file, compiled case-insensitively. */
const matchPattern = z
  .string()
  .min(1)
  .max(200)
  .transform((source, context) => {
    try {
      return new RegExp(source, 'i');
    } catch (error) {
      context.addIssue({
        code: 'custom',
        message: `not a regular expression: ${(error as Error).message}`,
        params: { reason: 'invalid_pattern' },
      });
      return z.NEVER;
    }
  });

const usbId = z
  .string()
  .regex(/^[0-9a-f]{4}:[0-9a-f]{4}$/i, 'must be a USB vendor:product id such as 12d1:1506')
  .transform((id) => id.toLowerCase());

// `+CMTI`, `^RSSI`, `*PSUTTZ` (matched as `<name>:`), or a bare word line such as `SMS DONE`.
const urcName = z
  .string()
  .regex(
    /^(?:[+^*][A-Za-z0-9]+|[A-Za-z][A-Za-z0-9 _-]*[A-Za-z0-9])$/,
    'must be a code such as +ZDONR, ^RSSI or a word line such as SMS DONE',
  );

const addedUrc = z.strictObject({
  name: urcName,
  /** 2: the next line belongs to it, like the PDU after +CMT. */
  lines: z.union([z.literal(1), z.literal(2)]).default(1),
  /** `named`: the answer of the read/test form of a command of the same name (`AT^FOO?`). */
  solicited: z.enum(['never', 'named']).default('named'),
});

// The USSD session and the SMS inbox listen on the command port: these must reach them.
const unsilenceable = new Set(['+CUSD', '+CMTI', '+CMT', '+CDSI', '+CDS']);

export const modemProfileSchema = z
  .strictObject({
    id: z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'must be lowercase letters, digits and -'),
    name: z.string().min(1).max(100),
    /** Where the quirks are documented (field notes, ModemManager plugin, a shop's own notes). */
    source: z.string().max(500).default(''),
    /**
     * Compared with the +CGMI and +CGMM answers and the USB device of the port; every
     * criterion given must match.
     */
    match: z
      .strictObject({
        manufacturer: matchPattern.optional(),
        model: matchPattern.optional(),
        /** USB `vendor:product` ids in hex, e.g. `12d1:1506` (one of them). */
        usb: z.array(usbId).min(1).max(20).optional(),
      })
      .default({}),
    /** Sent after ATE0 and AT+CMEE=1 (e.g. AT^CURC=0, which quiets Huawei's chatter). */
    init: z.array(initCommand).max(20).default([]),
    /** ICCID commands to try in order; the first that answers wins. */
    iccidCommands: z
      .array(atCommand)
      .min(1)
      .max(10)
      .default(['AT+CCID', 'AT+ICCID', 'AT^ICCID?', 'AT+QCCID', 'AT#CCID', 'AT!ICCID?']),
    /**
     * How the modem is restarted when nothing else brings it back (the healing ladder's reset):
     * the vendor's own command where AT+CFUN=1,1 is not it. Its answer is not awaited: the
     * modem reboots, may drop the port and come back, and is opened again once it answers.
     */
    reset: z
      .strictObject({
        command: initCommand.default('AT+CFUN=1,1'),
        /** How long the modem takes to answer again after the command. */
        comeBackMs: z.number().int().min(1_000).max(180_000).default(30_000),
      })
      .default({ command: 'AT+CFUN=1,1', comeBackMs: 30_000 }),
    ussd: z
      .strictObject({
        /** Request encodings to try in order; the one that worked is remembered per modem. */
        encodings: z
          .array(z.enum(ussdRequestEncodings))
          .min(1)
          .refine((list) => new Set(list).size === list.length, 'lists an encoding twice')
          .default([...ussdRequestEncodings]),
        /**
         * Never send AT+CUSD=2 (a few modems misbehave on it, field note 12): a menu left open
         * is left to the network to close, and no new request goes out until it did.
         */
        avoidCusd2: z.boolean().default(false),
      })
      .default({ encodings: [...ussdRequestEncodings], avoidCusd2: false }),
    reply: z
      .strictObject({
        /** `AT+CPIN?` answered by `+CPIN: <code>` with no OK (Wavecom, Sierra; note 6). */
        cpinWithoutOk: z.boolean().default(false),
        /** A bare `NA` line is a final "not allowed" error (some Samsung; note 3). */
        naIsError: z.boolean().default(false),
      })
      .default({ cpinWithoutOk: false, naIsError: false }),
    /** The URC table of this modem's port: codes of its own, and known codes to drop. */
    urcs: z
      .strictObject({
        add: z.array(addedUrc).max(50).default([]),
        silence: z.array(urcName).max(50).default([]),
      })
      .default({ add: [], silence: [] }),
  })
  .superRefine((profile, context) => {
    const criteria = Object.values(profile.match).filter((value) => value !== undefined);
    if (profile.id === GENERIC_PROFILE_ID && criteria.length > 0) {
      context.addIssue({
        code: 'custom',
        path: ['match'],
        message: 'the generic profile is the fallback for every modem: it matches on nothing',
        params: { reason: 'generic_with_match' },
      });
    }
    if (profile.id !== GENERIC_PROFILE_ID && criteria.length === 0) {
      context.addIssue({
        code: 'custom',
        path: ['match'],
        message: 'give a manufacturer, model or usb rule (only the generic profile matches all)',
        params: { reason: 'no_match' },
      });
    }
    const known = new Set([
      ...URCS.map((spec) => spec.name.toUpperCase()),
      ...profile.urcs.add.map((spec) => spec.name.toUpperCase()),
    ]);
    profile.urcs.silence.forEach((name, index) => {
      const upper = name.toUpperCase();
      const problem = unsilenceable.has(upper)
        ? `${name} carries USSD answers or SMS notices and cannot be silenced`
        : !known.has(upper)
          ? `${name} is not a known unsolicited code: add it under urcs.add first`
          : null;
      if (problem) {
        context.addIssue({
          code: 'custom',
          path: ['urcs', 'silence', index],
          message: problem,
          params: { reason: 'invalid_silence' },
        });
      }
    });
  });

/** A profile as validated, its patterns compiled. */
type ModemProfileData = z.output<typeof modemProfileSchema>;

/** A profile as used: its data and the file it came from (null: the built-in fallback). */
export interface ModemProfile extends ModemProfileData {
  file: string | null;
}
