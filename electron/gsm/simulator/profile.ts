/**
 * What a simulated modem is like, as one record: its identity, its quirks and its faults. The
 * named profiles (profiles.ts) are partial records laid over the generic one, so quirks are
 * data that combine ("huawei+slow"), never `if (huawei)` in the command code.
 */

/** What brings a hung modem back: its reset command, or only cutting its power. */
export type HangCure = 'reset' | 'power-cycle';

export type IccidCommand = '+CCID' | '^ICCID' | '+QCCID';

/**
 * How the modem prints a USSD answer in `+CUSD: <m>,"<str>",<dcs>`:
 * - `charset`: as 27.007 says: a GSM 7-bit answer (DCS 15) converted to the +CSCS charset,
 *   a UCS2 one (DCS 72) as UCS2 hex;
 * - `packed-gsm7-hex`: Huawei-style, the packed septets as hex under DCS 15;
 * - `ucs2-hex-when-ucs2`: with +CSCS="UCS2", every answer as UCS2 hex labelled DCS 72.
 */
export type UssdAnswerStyle = 'charset' | 'packed-gsm7-hex' | 'ucs2-hex-when-ucs2';

export interface SimulatedModemProfile {
  /** The spec it was built from, e.g. "huawei+slow". */
  name: string;
  identity: {
    manufacturer: string;
    model: string;
    revision: string;
    imei: string;
    imsi: string;
    iccid: string;
  };
  iccid: {
    /** The one ICCID command this modem knows; the others are unknown commands. */
    command: IccidCommand;
    /** Printed with the nibbles of each byte swapped, as the SIM stores it (some Huawei). */
    swapped: boolean;
  };
  /** A modem may keep echoing after ATE0 (field notes, point 2). */
  echo: { obeysE0: boolean };
  /** Vendor commands this modem knows (`^CURC`, `^PORTSEL`); others are unknown commands. */
  vendorCommands: readonly string[];
  /** `command-not-support`: Huawei's final result for unknown commands. */
  unknownCommand: 'error' | 'command-not-support';
  ussd: {
    /** How the request string of AT+CUSD=1,"<str>" is read. */
    request: 'charset' | 'packed-gsm7-hex';
    answer: UssdAnswerStyle;
    /** The +CUSD answer comes before the OK of AT+CUSD=1 (the modem holds the OK). */
    answerBeforeOk: boolean;
  };
  /** Time the network takes to answer a USSD request, accept an SMS, or send one back. */
  networkLatencyMs: number;
  /** Time from AT+CFUN=1 to being registered (searching meanwhile). */
  registrationDelayMs: number;
  /** How it restarts: AT+CFUN=1,1 or the vendor's command (the healing ladder's reset). */
  reset: {
    /** The command lines that restart it (upper case, whole line). */
    commands: readonly string[];
    /** After the restart's OK, how long it answers nothing (booting). */
    bootMs: number;
    /** The restart drops the port, which comes back a moment later (a USB re-enumeration). */
    reenumerates: boolean;
  };
  /** Vendor URCs printed every `intervalMs` until AT^CURC=0 (Huawei ^RSSI, ^MODE...). */
  vendorUrcs: { urcs: readonly string[]; intervalMs: number };
  /** URCs printed between a command's echo and its answer, and between +CUSD and OK. */
  urcFlood: readonly string[];
  sim: {
    /** null: no PIN asked. */
    pin: string | null;
    puk: string;
    /** `AT+CPIN?` gets `+CPIN: READY` and no OK (Wavecom, Sierra; field notes, point 6). */
    readyWithoutOk: boolean;
  };
  network: {
    /** AT+CSQ signal, 0..31. */
    rssi: number;
    lac: number;
    cellId: number;
    tac: number;
    /** LAC and cell id printed in quotes (27.007) or bare (Huawei E160G). */
    lacQuoted: boolean;
    /** Access technology of +COPS / +CEREG: 7 is LTE. */
    act: number;
  };
  sms: {
    /** Messages the SIM holds. */
    capacity: number;
    /** Index of the first storage slot: 1 on most modems, 0 on Huawei. */
    firstIndex: 0 | 1;
    /** AT+CNMI at power-on: 0,0,... stores new messages without telling anyone. */
    defaultCnmi: readonly [number, number, number, number, number];
  };
  faults: {
    /** A command starting with this is echoed, not run, and the modem says nothing ever again. */
    noAnswerAfter: string | null;
    /**
     * Once it has echoed a command starting with `after`, it answers nothing (no echo either)
     * until it is restarted: by its reset command (`cure: 'reset'`), or only by a power-cycle
     * (`'power-cycle'`: a new modem on the port). Strikes once per power-on.
     */
    hang: { after: string; cure: HangCure } | null;
    /** A command starting with this runs, then the link closes before its final result (an unplug). */
    dropAfter: string | null;
    /** The first `commands` commands that touch the SIM answer +CME ERROR: `code`. */
    simBusy: { commands: number; code: number } | null;
    /** Commands (by prefix) answered with a given +CME ERROR instead of their answer. */
    cme: ReadonlyArray<{ command: string; code: number }>;
    /**
     * Non-UTF-8 bytes on the line: at plug-in (sent before the first echo, when a client is
     * surely listening), and as a line of their own after each answer.
     */
    noise: { bytes: readonly number[]; atStart: boolean; betweenAnswers: boolean } | null;
    /**
     * Octets lost from the end of the last part of each SMS received (a modem that cuts a
     * part): its user data is shorter than its length says.
     */
    cutSmsOctets: number;
    /**
     * The network's answer to a top-up reaches the line `afterMs` late, whatever the dealer did
     * meanwhile (the top-up itself is done at once); `afterMs` null: it never comes.
     */
    lateTopUp: { afterMs: number | null } | null;
    /**
     * The dealer SIM starts with this float instead of the carrier's (a float running out: each
     * top-up takes its dealer cost, and the network refuses one the float cannot pay).
     */
    dealerFloat: number | null;
  };
}

type Section<T> = T extends readonly unknown[] ? T : T extends object ? Partial<T> : T;

/** A partial profile: each section given is laid over the base one field by field. */
export type ProfileOverrides = {
  [K in keyof SimulatedModemProfile]?: Section<SimulatedModemProfile[K]>;
};

export function applyOverrides(
  base: SimulatedModemProfile,
  overrides: ProfileOverrides,
): SimulatedModemProfile {
  return mergeSections(base, overrides) as SimulatedModemProfile;
}

/** Lays `overrides` over `base` one level deep: sections merge field by field, lists replace. */
export function mergeSections<T extends object>(base: T, overrides: object): T {
  const merged: Record<string, unknown> = { ...(base as Record<string, unknown>) };
  for (const [key, value] of Object.entries(overrides)) {
    if (value === undefined) continue;
    const current = merged[key];
    merged[key] = isRecord(value) && isRecord(current) ? { ...current, ...value } : value;
  }
  return merged as T;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A textbook modem on the demo carrier's network; every profile starts from it. */
export const GENERIC_PROFILE: SimulatedModemProfile = {
  name: 'generic',
  identity: {
    manufacturer: 'Comptoir',
    model: 'SIM-1 simulated modem',
    revision: 'SIM-1.0.0',
    imei: '356938035643809',
    imsi: '546010123456789',
    iccid: '89687010000123456788',
  },
  iccid: { command: '+CCID', swapped: false },
  echo: { obeysE0: true },
  vendorCommands: [],
  unknownCommand: 'error',
  ussd: { request: 'charset', answer: 'charset', answerBeforeOk: false },
  networkLatencyMs: 0,
  registrationDelayMs: 0,
  reset: { commands: ['AT+CFUN=1,1'], bootMs: 0, reenumerates: false },
  vendorUrcs: { urcs: [], intervalMs: 0 },
  urcFlood: [],
  sim: { pin: null, puk: '12345678', readyWithoutOk: false },
  network: { rssi: 21, lac: 0x8be3, cellId: 0x2baf, tac: 0x00a1, lacQuoted: true, act: 7 },
  sms: { capacity: 30, firstIndex: 1, defaultCnmi: [0, 0, 0, 0, 0] },
  faults: {
    noAnswerAfter: null,
    hang: null,
    dropAfter: null,
    simBusy: null,
    cme: [],
    noise: null,
    cutSmsOctets: 0,
    lateTopUp: null,
    dealerFloat: null,
  },
};
