/** What the network side of a modem looks like now: registration, signal, operator. */

import { isErrorFinal } from './at/classify';
import {
  parseCops,
  parseCreg,
  parseCsq,
  type Registration,
  type RegistrationPrefix,
  type RegistrationState,
} from './at/parsers';
import { ask, firstParsed, type ModemLine } from './modem-command';

export type RegistrationSummary =
  | 'registered-home'
  | 'registered-roaming'
  | 'searching'
  | 'denied'
  | 'not-registered'
  | 'unknown';

/** The radio generation, for the interface: 2G, 3G, 4G, 5G. */
export type AccessTechnology = 'gsm' | 'umts' | 'lte' | 'nr';

export interface RegistrationStatus {
  state: RegistrationSummary;
  technology?: AccessTechnology;
  /** Location (or, on LTE, tracking) area code. */
  lac?: number;
  cellId?: number;
  /** Location fields of the answer that could not be read and were left out. */
  warnings?: string[];
}

const SUMMARY: Readonly<Record<RegistrationState, RegistrationSummary>> = {
  idle: 'not-registered',
  home: 'registered-home',
  searching: 'searching',
  denied: 'denied',
  unknown: 'unknown',
  roaming: 'registered-roaming',
  'home-sms-only': 'registered-home',
  'roaming-sms-only': 'registered-roaming',
  // Attached for emergency calls only, or for "restricted local operator services": no service
  // a shop can sell.
  'emergency-only': 'not-registered',
  'home-csfb-not-preferred': 'registered-home',
  'roaming-csfb-not-preferred': 'registered-roaming',
  rlos: 'not-registered',
};

// Which answer wins when the domains disagree: being registered anywhere beats searching,
// which beats a refusal, which beats doing nothing.
const RANK: Readonly<Record<RegistrationSummary, number>> = {
  'registered-home': 4,
  'registered-roaming': 4,
  searching: 3,
  denied: 2,
  'not-registered': 1,
  unknown: 0,
};

// On a tie the answer that says where wins, then the newer radio: an LTE modem registered in
// both domains reports its LTE cell.
const NEWER: Readonly<Record<RegistrationPrefix, number>> = {
  '+CREG': 0,
  '+CGREG': 1,
  '+CEREG': 2,
  '+C5GREG': 3,
};

// <AcT> of 27.007 §7.3: 0 GSM, 1 GSM compact, 2 UTRAN, 3 EGPRS, 4-6 HSPA, 7 E-UTRAN,
// 8 EC-GSM-IoT, 9 NB-IoT, 10 E-UTRA on 5GCN, 11 NR on 5GCN, 12 NG-RAN, 13 E-UTRA-NR dual.
const TECHNOLOGY: readonly AccessTechnology[] = [
  'gsm',
  'gsm',
  'umts',
  'gsm',
  'umts',
  'umts',
  'umts',
  'lte',
  'gsm',
  'lte',
  'lte',
  'nr',
  'nr',
  'nr',
];

function technologyOf(registration: Registration): AccessTechnology | undefined {
  if (registration.act !== undefined) return TECHNOLOGY[registration.act];
  if (registration.prefix === '+CEREG') return 'lte';
  if (registration.prefix === '+C5GREG') return 'nr';
  return undefined;
}

/** The best of the circuit (+CREG), packet (+CGREG) and LTE (+CEREG) registrations. */
function summariseRegistration(registrations: readonly Registration[]): RegistrationStatus {
  let best: { registration: Registration; state: RegistrationSummary; score: number } | null = null;
  for (const registration of registrations) {
    const state = SUMMARY[registration.state];
    const located = registration.lac !== undefined || registration.ci !== undefined;
    const score = RANK[state] * 100 + (located ? 10 : 0) + NEWER[registration.prefix];
    if (!best || score > best.score) best = { registration, state, score };
  }
  if (!best) return { state: 'unknown' };
  const status: RegistrationStatus = { state: best.state };
  const technology = technologyOf(best.registration);
  if (technology) status.technology = technology;
  if (best.registration.lac !== undefined) status.lac = best.registration.lac;
  if (best.registration.ci !== undefined) status.cellId = best.registration.ci;
  if (best.registration.warnings) status.warnings = best.registration.warnings;
  return status;
}

const REGISTRATION_QUERIES = [
  ['AT+CREG?', '+CREG'],
  ['AT+CGREG?', '+CGREG'],
  ['AT+CEREG?', '+CEREG'],
] as const;

/**
 * Asks the three registrations and combines them. A domain the modem does not have (ERROR to
 * +CEREG? on a 3G stick) is left out. A modem that answers in the unsolicited form
 * (`+CREG: 1,"1A2B","3C4D"`) has its answer routed to URC listeners by the channel, so the
 * registration lines heard meanwhile count for a query that got none.
 */
export async function readRegistration(line: ModemLine): Promise<RegistrationStatus> {
  const heard: Registration[] = [];
  const stopListening = line.channel.onUrc((urc) => {
    for (const text of urc.lines) {
      const result = parseCreg(text);
      if (result.ok) heard.push(result.value);
    }
  });
  try {
    const found: Registration[] = [];
    for (const [command, prefix] of REGISTRATION_QUERIES) {
      const response = await ask(line, command);
      const answer = isErrorFinal(response.final)
        ? null
        : firstParsed(response.lines, (text) => parseCreg(text));
      const registration =
        answer?.prefix === prefix ? answer : heard.filter((r) => r.prefix === prefix).at(-1);
      if (registration) found.push(registration);
    }
    const status = summariseRegistration(found);
    if (status.technology === undefined && registered(status.state)) {
      const technology = await readTechnologyFromOperator(line);
      if (technology) status.technology = technology;
    }
    return status;
  } finally {
    stopListening();
  }
}

const registered = (state: RegistrationSummary) =>
  state === 'registered-home' || state === 'registered-roaming';

/**
 * The <AcT> of `AT+COPS?`: the default +CREG mode (n=0 or 1) never carries the technology,
 * and +CREG=2 only on some modems, while the operator answer has it whenever registered.
 */
async function readTechnologyFromOperator(line: ModemLine): Promise<AccessTechnology | undefined> {
  const response = await ask(line, 'AT+COPS?');
  if (isErrorFinal(response.final)) return undefined;
  const act = firstParsed(response.lines, parseCops)?.act;
  return act === undefined ? undefined : TECHNOLOGY[act];
}

export interface SignalReading {
  /** The raw +CSQ value: 0..31, or 99 when the modem does not know. */
  csq: number;
  dbm: number | null;
  /** 0..4, for the signal icon. */
  bars: number;
}

/** AT+CSQ; an error answer or an unreadable one counts as "not known" (99). */
export async function readSignal(line: ModemLine): Promise<SignalReading> {
  const response = await ask(line, 'AT+CSQ');
  const quality = isErrorFinal(response.final) ? null : firstParsed(response.lines, parseCsq);
  if (!quality) return { csq: 99, dbm: null, bars: 0 };
  return { csq: quality.csq, dbm: quality.dbm, bars: quality.bars };
}

/** The operator's long name (AT+COPS=3,0 then AT+COPS?); null when not registered. */
export async function readOperator(line: ModemLine): Promise<string | null> {
  // Only sets the format of the next answer; a modem that refuses it answers numerically.
  await ask(line, 'AT+COPS=3,0');
  const response = await ask(line, 'AT+COPS?');
  if (isErrorFinal(response.final)) return null;
  return firstParsed(response.lines, parseCops)?.operator ?? null;
}
