/**
 * The named profiles: each is a one-line description and the part of the modem record it
 * changes. They combine left to right: "huawei+slow", "generic+sim-busy(3,515)". A profile that
 * takes a parameter reads it from parentheses: "no-answer(AT+CSQ)", "cme(AT+COPS?,30)".
 */
import {
  applyOverrides,
  GENERIC_PROFILE,
  mergeSections,
  type ProfileOverrides,
  type SimulatedModemProfile,
} from './profile';

interface NamedProfile {
  name: string;
  description: string;
  overrides: ProfileOverrides;
  /** What the parameter in parentheses means, and how it changes the record. */
  parameter?: { meaning: string; apply(value: string): ProfileOverrides };
}

// Huawei E3372 (HiLink firmware in stick mode): what its AT port really prints.
const HUAWEI_URCS = [
  '^RSSI: 18',
  '^MODE: 5,4',
  '^DSFLOWRPT: 0000012C,00000000,00000000,0000000000001F40,0000000000000A8C,0003E800,0003E800',
  '^HCSQ: "LTE",52,44,131,26',
  '^SRVST: 2',
];

const FLOOD_URCS = ['^RSSI: 17', '+CREG: 1', '+CIEV: 2,3'];

const NOISE = [0xff, 0xfe, 0x80, 0xc3, 0x28, 0x00, 0xf8];

function faultAfter(command: string): string {
  const trimmed = command.trim().toUpperCase();
  if (!trimmed.startsWith('AT')) throw new Error(`A command starts with AT: ${command}`);
  return trimmed;
}

function positive(value: string, what: string): number {
  const number = Number(value.trim());
  if (!Number.isInteger(number) || number < 0) throw new Error(`${what} must be a whole number`);
  return number;
}

export const NAMED_PROFILES: readonly NamedProfile[] = [
  {
    name: 'generic',
    description: 'A textbook modem: plain USSD in the +CSCS charset, +CUSD after OK.',
    overrides: {},
  },
  {
    name: 'huawei',
    description:
      'Huawei E3372: packed GSM 7-bit hex USSD (DCS 15), ^RSSI/^MODE/^DSFLOWRPT until AT^CURC=0, COMMAND NOT SUPPORT.',
    overrides: {
      identity: { manufacturer: 'huawei', model: 'E3372', revision: '22.200.15.00.00' },
      iccid: { command: '^ICCID', swapped: true },
      vendorCommands: ['^CURC', '^PORTSEL'],
      unknownCommand: 'command-not-support',
      ussd: { request: 'packed-gsm7-hex', answer: 'packed-gsm7-hex' },
      reset: { commands: ['AT+CFUN=1,1', 'AT^RESET'] },
      vendorUrcs: { urcs: HUAWEI_URCS, intervalMs: 2000 },
      network: { lacQuoted: false },
      sms: { firstIndex: 0 },
    },
  },
  {
    name: 'ucs2',
    description: 'With AT+CSCS="UCS2", answers every USSD as UCS2 hex labelled DCS 72.',
    overrides: { ussd: { answer: 'ucs2-hex-when-ucs2' } },
  },
  {
    name: 'slow',
    description: 'A slow network: USSD and SMS answers take 3 s (slow(ms) to choose).',
    overrides: { networkLatencyMs: 3000, registrationDelayMs: 1500 },
    parameter: {
      meaning: 'latency in milliseconds',
      apply: (value) => ({ networkLatencyMs: positive(value, 'The latency') }),
    },
  },
  {
    name: 'urc-flood',
    description: 'URCs between each echo and its answer, and between +CUSD and OK.',
    overrides: { urcFlood: FLOOD_URCS, ussd: { answerBeforeOk: true } },
  },
  {
    name: 'cusd-before-ok',
    description: 'The +CUSD answer comes before the OK of AT+CUSD=1 (the default is after).',
    overrides: { ussd: { answerBeforeOk: true } },
  },
  {
    name: 'cpin-without-ok',
    description: 'A Sierra Wireless MC7304: AT+CPIN? answers +CPIN: READY with no OK.',
    overrides: {
      identity: { manufacturer: 'Sierra Wireless, Incorporated', model: 'MC7304' },
      sim: { readyWithoutOk: true },
    },
  },
  {
    name: 'sim-pin',
    description: 'The SIM asks for its PIN, 1234 (sim-pin(PIN) to choose); the PUK is 12345678.',
    overrides: { sim: { pin: '1234' } },
    parameter: {
      meaning: 'the PIN',
      apply: (value) => {
        if (!/^\d{4,8}$/.test(value)) throw new Error('A PIN has 4 to 8 digits');
        return { sim: { pin: value } };
      },
    },
  },
  {
    name: 'sticky-echo',
    description: 'Keeps echoing after ATE0.',
    overrides: { echo: { obeysE0: false } },
  },
  {
    name: 'no-answer',
    description:
      'Stops answering for good once it has echoed AT+CUSD=1,... (no-answer(COMMAND) to choose).',
    overrides: { faults: { noAnswerAfter: 'AT+CUSD=1,' } },
    parameter: {
      meaning: 'the command prefix after which it goes silent',
      apply: (value) => ({ faults: { noAnswerAfter: faultAfter(value) } }),
    },
  },
  {
    name: 'hang',
    description:
      'Once it has echoed AT+CUSD=1,... it answers nothing until reset by AT+CFUN=1,1 (hang(COMMAND)).',
    overrides: { faults: { hang: { after: 'AT+CUSD=1,', cure: 'reset' } } },
    parameter: {
      meaning: 'the command prefix after which it hangs',
      apply: (value) => ({ faults: { hang: { after: faultAfter(value), cure: 'reset' } } }),
    },
  },
  {
    name: 'hang-hard',
    description:
      'Once it has echoed AT+CUSD=1,... it answers nothing, resets included, until power-cycled (hang-hard(COMMAND)).',
    overrides: { faults: { hang: { after: 'AT+CUSD=1,', cure: 'power-cycle' } } },
    parameter: {
      meaning: 'the command prefix after which it hangs',
      apply: (value) => ({ faults: { hang: { after: faultAfter(value), cure: 'power-cycle' } } }),
    },
  },
  {
    name: 'reenumerate',
    description:
      'A reset drops the port, which comes back a moment later, as a USB modem re-enumerating.',
    overrides: { reset: { reenumerates: true } },
  },
  {
    name: 'drop',
    description:
      'Runs AT+CUSD=1,... then closes the link before its OK, like an unplug (drop(COMMAND)).',
    overrides: { faults: { dropAfter: 'AT+CUSD=1,' } },
    parameter: {
      meaning: 'the command prefix after which the link closes',
      apply: (value) => ({ faults: { dropAfter: faultAfter(value) } }),
    },
  },
  {
    name: 'garbage',
    description: 'Non-UTF-8 noise bytes at plug-in and as lines of their own between answers.',
    overrides: { faults: { noise: { bytes: NOISE, atStart: true, betweenAnswers: true } } },
  },
  {
    name: 'sim-busy',
    description:
      'The first 3 commands touching the SIM answer +CME ERROR: 14 (sim-busy(N) or sim-busy(N,515)).',
    overrides: { faults: { simBusy: { commands: 3, code: 14 } } },
    parameter: {
      meaning: 'how many SIM commands fail, and optionally the code (14 or 515)',
      apply: (value) => {
        const [count = '', code = '14'] = value.split(',');
        return {
          faults: {
            simBusy: { commands: positive(count, 'The count'), code: positive(code, 'The code') },
          },
        };
      },
    },
  },
  {
    name: 'cut-sms',
    description:
      'The last part of each SMS received loses its last 4 octets (cut-sms(N) to choose).',
    overrides: { faults: { cutSmsOctets: 4 } },
    parameter: {
      meaning: 'how many octets are lost',
      apply: (value) => ({ faults: { cutSmsOctets: positive(value, 'The count') } }),
    },
  },
  {
    name: 'dealer-float',
    description:
      'The dealer SIM starts with 6000 of float: a top-up or two, then the network refuses them (dealer-float(N) to choose).',
    overrides: { faults: { dealerFloat: 6000 } },
    parameter: {
      meaning: 'the float, in minor units of the carrier currency',
      apply: (value) => ({ faults: { dealerFloat: positive(value, 'The float') } }),
    },
  },
  {
    name: 'cme',
    description:
      'AT+CUSD=1,... answers +CME ERROR: 30, no network service (cme(COMMAND,CODE) to choose).',
    overrides: { faults: { cme: [{ command: 'AT+CUSD=1,', code: 30 }] } },
    parameter: {
      meaning: 'the command prefix and the error code, separated by the last comma',
      apply: (value) => {
        const comma = value.lastIndexOf(',');
        if (comma < 0) throw new Error('Give the command and the code: cme(AT+CSQ,100)');
        const code = positive(value.slice(comma + 1), 'The code');
        return { faults: { cme: [{ command: faultAfter(value.slice(0, comma)), code }] } };
      },
    },
  },
  {
    name: 'late-top-up',
    description:
      'The network answers each top-up 90 s late (late-top-up(SECONDS), or late-top-up(never)).',
    overrides: { faults: { lateTopUp: { afterMs: 90_000 } } },
    parameter: {
      meaning: 'how many seconds late, or never',
      apply: (value) => ({
        faults: {
          lateTopUp: {
            afterMs:
              value.trim() === 'never' ? null : positive(value, 'The delay in seconds') * 1000,
          },
        },
      }),
    },
  },
  {
    name: 'sim-swapped',
    description:
      'Another dealer SIM in the stick: ICCID 89687010000999999994 (sim-swapped(ICCID) to choose).',
    overrides: { identity: { iccid: '89687010000999999994' } },
    parameter: {
      meaning: 'the ICCID of the SIM put in',
      apply: (value) => {
        if (!/^89[0-9]{16,20}$/.test(value)) throw new Error('An ICCID is 18 to 22 digits from 89');
        return { identity: { iccid: value } };
      },
    },
  },
];

/** The profile names with their one-line descriptions, for `comptoir simulate --help`. */
export function listProfiles(): Array<{ name: string; description: string }> {
  return NAMED_PROFILES.map(({ name, description }) => ({ name, description }));
}

export type ProfilePart = string | ProfileOverrides;

/**
 * Builds a modem record from a spec: "huawei+slow", or a list of specs and partial records
 * (`['huawei+slow', { networkLatencyMs: 50 }]`). Parts apply left to right over the generic modem.
 */
export function resolveProfile(
  spec: string | readonly ProfilePart[] = 'generic',
): SimulatedModemProfile {
  // A name in a list may itself combine names: a bank's simulated port "huawei+dealer-float".
  const given: readonly ProfilePart[] = typeof spec === 'string' ? [spec] : spec;
  const parts = given.flatMap((part): ProfilePart[] =>
    typeof part === 'string' ? splitProfileSpec(part) : [part],
  );
  let profile = GENERIC_PROFILE;
  const names: string[] = [];
  for (const part of parts) {
    if (typeof part === 'string') {
      profile = applyOverrides(profile, namedOverrides(part));
      names.push(part.trim());
    } else {
      profile = applyOverrides(profile, part);
      names.push('custom');
    }
  }
  return { ...profile, name: names.length > 0 ? names.join('+') : 'generic' };
}

/** Splits "a+b(x+y)+c" on the `+` that are outside parentheses. */
function splitProfileSpec(spec: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let current = '';
  for (const ch of spec) {
    if (ch === '(') depth++;
    if (ch === ')') depth = Math.max(0, depth - 1);
    if (ch === '+' && depth === 0) {
      parts.push(current);
      current = '';
    } else current += ch;
  }
  parts.push(current);
  return parts.map((part) => part.trim()).filter((part) => part !== '');
}

function namedOverrides(part: string): ProfileOverrides {
  const match = /^([a-z0-9-]+)(?:\((.*)\))?$/i.exec(part.trim());
  const known = NAMED_PROFILES.find((profile) => profile.name === match?.[1]?.toLowerCase());
  if (!match || !known) {
    const names = NAMED_PROFILES.map((profile) => profile.name).join(', ');
    throw new Error(`Unknown modem profile "${part}". Profiles: ${names}`);
  }
  const value = match[2];
  if (value === undefined) return known.overrides;
  if (!known.parameter) throw new Error(`Profile ${known.name} takes no parameter`);
  return mergeSections(known.overrides, known.parameter.apply(value));
}
