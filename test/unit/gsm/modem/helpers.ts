import { createAtChannel } from '../../../../electron/gsm/channel';
import { type OpenModemOptions, openModem } from '../../../../electron/gsm/modem';
import { shippedModemProfiles } from '../../../support/modem-profiles';
import { scriptedModem } from '../scripted-modem';
import { steppedClock } from '../stepped-clock';

export const ok = '\r\nOK\r\n';
export const error = '\r\nERROR\r\n';
export const cme = (code: number) => `\r\n+CME ERROR: ${code}\r\n`;
/** Information lines, then OK. */
export const reply = (...lines: string[]) =>
  `${lines.map((line) => `\r\n${line}\r\n`).join('')}${ok}`;

/**
 * What the fake modem answers, per command line: bytes, silence (null), or successive answers
 * (the last one repeats). Commands not listed are answered ERROR.
 */
export type Answers = Readonly<Record<string, string | null | readonly (string | null)[]>>;

export const IMEI = '490154203237518';
export const IMSI = '208150123456789';
export const ICCID = '89331501234567890126';

/** A modem that answers everything the textbook way, on a generic profile. */
const textbookModem: Answers = {
  AT: ok,
  ATE0: ok,
  'AT+CMEE=1': ok,
  'AT+CGMI': reply('Acme Wireless'),
  'AT+CGMM': reply('AW-100'),
  'AT+CGMR': reply('AW100_V1.2.3'),
  'AT+CGSN': reply(IMEI),
  'AT+CPIN?': reply('+CPIN: READY'),
  'AT+CIMI': reply(IMSI),
  'AT+CCID': reply(`+CCID: ${ICCID}`),
  'AT+CREG?': reply('+CREG: 0,1'),
  'AT+CGREG?': reply('+CGREG: 0,1'),
  'AT+CEREG?': error,
  'AT+CSQ': reply('+CSQ: 18,99'),
  'AT+COPS=3,0': ok,
  'AT+COPS?': reply('+COPS: 0,0,"Orange F",2'),
};

/** The textbook modem with some answers changed, on an AT channel with short timeouts. */
export function fakeModem(answers: Answers = {}, options: { echo?: boolean } = {}) {
  const script: Answers = { ...textbookModem, ...answers };
  const asked = new Map<string, number>();
  const scripted = scriptedModem((command) => {
    const count = asked.get(command) ?? 0;
    asked.set(command, count + 1);
    const answer = Object.hasOwn(script, command) ? script[command] : error;
    const bytes =
      answer === null || answer === undefined || typeof answer === 'string'
        ? (answer ?? null)
        : (answer[Math.min(count, answer.length - 1)] ?? null);
    if (bytes === null) return null;
    return options.echo ? `${command}\r${bytes}` : bytes;
  });
  // Timeouts fall due on a stepped clock: `time.drive` lets them pass while a test waits.
  const time = steppedClock();
  const channel = createAtChannel(scripted.client, {
    timeouts: { quick: 1_000, sim: 1_000, network: 1_000 },
    resyncQuietMs: 1,
    clock: time.clock,
  });
  return { received: scripted.received, modemSide: scripted.modem, channel, time };
}

/**
 * A sleep that remembers how long it was asked to wait and returns after a few turns of the
 * event loop: long enough for bytes in flight on the in-memory link to arrive, as they would
 * during a real pause.
 */
export function instantSleep() {
  const pauses: number[] = [];
  return {
    pauses,
    sleep: async (ms: number) => {
      pauses.push(ms);
      for (let turn = 0; turn < 10; turn++) await new Promise((resolve) => setImmediate(resolve));
    },
  };
}

/** Opens the fake modem without waiting for real time to pass, among the shipped profiles. */
export async function openFake(
  answers: Answers = {},
  options: OpenModemOptions & { echo?: boolean } = {},
) {
  const { echo, ...openOptions } = options;
  const fake = fakeModem(answers, { echo });
  const clock = instantSleep();
  const profiles = await shippedModemProfiles();
  const modem = await fake.time.drive(
    openModem(fake.channel, { sleep: clock.sleep, profiles, ...openOptions }),
  );
  return { ...fake, modem, pauses: clock.pauses };
}

/** Opening the fake modem fails: resolves with the error. */
export async function failToOpen(answers: Answers = {}, options: OpenModemOptions = {}) {
  const fake = fakeModem(answers);
  const clock = instantSleep();
  const profiles = await shippedModemProfiles();
  const failure = await fake.time
    .drive(openModem(fake.channel, { sleep: clock.sleep, profiles, ...options }))
    .then(
      () => {
        throw new Error('the modem opened');
      },
      (e: unknown) => e,
    );
  return { ...fake, failure, pauses: clock.pauses };
}
