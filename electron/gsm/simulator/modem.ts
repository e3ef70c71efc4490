/**
 * A scriptable fake modem on a ModemLink: it reads command lines as a modem does, one at a time,
 * echoes them, answers through the command table, and lives a modem's life meanwhile (network
 * registration, vendor URCs, USSD answers, SMS arriving). What it is like comes from a profile
 * record; what the network does comes from a carrier record.
 */

import { type Clock, realClock } from '../clock';
import type { ModemLink } from '../link/link';
import { cme, createLineWriter, type Final, finalLine, OK, UNKNOWN_COMMAND } from './answers';
import type { CarrierBehaviour } from './carrier';
import { type CustomerLines, createCarrierNetwork } from './carrier-network';
import { createTimerSet } from './clock';
import { type ParsedLine, parseCommandLine } from './command-line';
import type { CommandContext, ModemSettings, RegistrationStat, SimState } from './commands/context';
import { runCommand } from './commands/index';
import { DEMO_CARRIER } from './demo-carrier';
import { type CommandLine, createModemInput, type MessageBody } from './input';
import { createMessageStore } from './message-store';
import type { HangCure, SimulatedModemProfile } from './profile';
import { type ProfilePart, resolveProfile } from './profiles';
import { createRadio } from './radio';
import { createSmsDelivery, type IncomingSmsOptions } from './sms-delivery';
import { describeState, type SimulatedModemState } from './state';
import { createUssdSession, type UssdEvent } from './ussd-session';
import { presentUssdAnswer } from './ussd-text';

export interface SimulatedModemOptions {
  /** A profile spec ("huawei+slow"), a list of names and partial records, or a full record. */
  profile?: string | readonly ProfilePart[] | SimulatedModemProfile;
  /** What the network does; the New Caledonia demo by default. */
  carrier?: CarrierBehaviour;
  clock?: Clock;
  /**
   * Called when a reset re-enumerates (`reset.reenumerates`), just before the modem closes its
   * link: whoever made the port brings it back (the PTY simulator makes it anew).
   */
  onReenumerate?: () => void;
  /** The carrier's customers' lines, shared with the other modems of a simulated bank. */
  customerLines?: CustomerLines;
}

export interface SimulatedModem {
  readonly profile: SimulatedModemProfile;
  /** An SMS arrives from the network now; returns the SIM indexes of its stored parts. */
  receiveSms(from: string, text: string, options?: IncomingSmsOptions): number[];
  /** The network changes the registration (signal lost, roaming...); +CREG URCs follow. */
  setRegistration(stat: RegistrationStat): void;
  /** Stops answering anything until restarted by its reset command, or until power-cycled. */
  hang(cure: HangCure): void;
  /** Stops reading the link and every timer. The link itself stays open: its owner closes it. */
  stop(): void;
  readonly state: SimulatedModemState;
}

function powerOnSettings(profile: SimulatedModemProfile, carrier: CarrierBehaviour): ModemSettings {
  return {
    echo: true,
    cmee: 0,
    charset: 'GSM',
    messageFormat: 0,
    cnmi: [...profile.sms.defaultCnmi],
    copsFormat: 0,
    registrationReports: { '+CREG': 0, '+CGREG': 0, '+CEREG': 0 },
    ussdPresentation: true,
    vendorUrcs: profile.vendorUrcs.urcs.length > 0,
    urcPort: 0,
    smsc: carrier.smsc,
  };
}

function isProfile(value: SimulatedModemOptions['profile']): value is SimulatedModemProfile {
  return (
    typeof value === 'object' && value !== null && !Array.isArray(value) && 'identity' in value
  );
}

const startsWith = (prefix: string | null, line: string) =>
  prefix !== null && line.startsWith(prefix.toUpperCase());

export function createSimulatedModem(
  link: ModemLink,
  options: SimulatedModemOptions = {},
): SimulatedModem {
  const profile = isProfile(options.profile) ? options.profile : resolveProfile(options.profile);
  const carrier = options.carrier ?? DEMO_CARRIER;
  const clock = options.clock ?? realClock;
  const timers = createTimerSet(clock);
  const out = createLineWriter(link);
  const input = createModemInput();
  const { dealerFloat } = profile.faults;
  const dealer =
    dealerFloat === null ? carrier.dealer : { ...carrier.dealer, balance: dealerFloat };
  const network = createCarrierNetwork(
    { ...carrier, dealer },
    () => clock.now(),
    options.customerLines,
  );
  const messages = createMessageStore(profile.sms.capacity, profile.sms.firstIndex);
  const settings = powerOnSettings(profile, carrier);
  const sim: SimState = {
    lock: profile.sim.pin ? 'sim-pin' : 'ready',
    pin: profile.sim.pin,
    pinAttemptsLeft: 3,
    busyLeft: profile.faults.simBusy?.commands ?? 0,
  };
  let running: SimulatedModemState['running'] = 'answering';
  let busy = false;
  let bodyWaiter: ((body: MessageBody) => void) | null = null;
  // A modem holds the URCs its own commands cause (+CREG after AT+CFUN) until the final
  // result, and prints nothing at all into a message being typed after the `> ` prompt.
  let commandRunning = false;
  let promptOpen = false;
  const heldUrcs: string[][] = [];
  let messageReference = 0;
  let hangCure: HangCure | null = null;
  let hangStruck = false;
  let vendorUrcIndex = 0;

  const echoing = () => settings.echo || !profile.echo.obeysE0;

  /**
   * Prints a URC. `anytime` ones (USSD answers, vendor chatter, the urc-flood profile) may come
   * in the middle of another command's answer (field notes, point 1); the others wait for it.
   */
  function urc(lines: string[], anytime = false): void {
    if (running !== 'answering') return;
    if (promptOpen || (commandRunning && !anytime)) heldUrcs.push(lines);
    else out.lines(lines);
  }

  function releaseHeldUrcs(): void {
    for (const lines of heldUrcs.splice(0)) urc(lines);
  }

  function flood(): void {
    for (const line of profile.urcFlood) urc([line], true);
  }

  const radio = createRadio({ profile, settings, sim, timers, urc });
  const sms = createSmsDelivery({
    messages,
    settings,
    carrier,
    cutOctets: profile.faults.cutSmsOctets,
    now: () => clock.now(),
    urc,
  });

  function printUssd(event: UssdEvent): void {
    if (!settings.ussdPresentation) return;
    if (event.kind === 'ended') urc(['+CUSD: 2'], true);
    else if (event.kind === 'not-supported') urc(['+CUSD: 4'], true);
    else if (event.kind === 'text') {
      const { str, dcs } = presentUssdAnswer(event.text, profile.ussd.answer, settings.charset);
      urc([`+CUSD: ${event.waitsForReply ? 1 : 0},"${str}",${dcs}`], true);
    }
  }

  const ussd = createUssdSession({
    network,
    timers,
    latencyMs: profile.networkLatencyMs,
    menuTimeoutMs: carrier.ussd.menuTimeoutMs,
    lateTopUp: profile.faults.lateTopUp,
    print: printUssd,
  });

  const context: CommandContext = {
    profile,
    settings,
    sim,
    radio: radio.state,
    messages,
    network,
    ussd,
    answer: (...lines) => out.lines(lines),
    urc: (...lines) => urc(lines),
    flood,
    prompt: () =>
      new Promise<MessageBody>((resolve) => {
        out.raw('\r\n> ');
        promptOpen = true;
        bodyWaiter = (body) => {
          promptOpen = false;
          if (echoing()) out.raw(body.echo);
          resolve(body);
        };
        feed();
      }),
    networkDelay: () => new Promise((resolve) => timers.after(profile.networkLatencyMs, resolve)),
    resetSettings: () => Object.assign(settings, powerOnSettings(profile, carrier)),
    setFunctionality: radio.setFunctionality,
    simUnlocked: radio.refreshRegistration,
    submitSms(submit) {
      messageReference = (messageReference + 1) % 256;
      const text = sms.reassemble(submit);
      if (text !== null) {
        for (const reply of network.smsReceived(submit.recipient, text)) {
          timers.after(profile.networkLatencyMs, () => {
            if (running === 'answering') sms.deliver(reply.from, reply.text);
          });
        }
      }
      return messageReference;
    },
  };

  function feed(): void {
    if (running !== 'answering' && running !== 'hung') return;
    if (bodyWaiter) {
      const body = input.takeBody();
      if (!body) return;
      const waiter = bodyWaiter;
      bodyWaiter = null;
      waiter(body);
      return;
    }
    void pump();
  }

  async function pump(): Promise<void> {
    if (busy) return;
    busy = true;
    try {
      for (let line = input.takeCommandLine(); line; line = input.takeCommandLine()) {
        await handleLine(line);
        if (running !== 'answering' && running !== 'hung') return;
      }
    } finally {
      busy = false;
    }
  }

  async function handleLine(line: CommandLine): Promise<void> {
    if (running === 'hung') {
      // A hung modem reads the line but says nothing; only its reset may bring it back.
      if (hangCure === 'reset' && isReset(line.text)) restart();
      return;
    }
    if (echoing()) out.raw(line.echo);
    if (line.text === '') return;
    const parsed = parseCommandLine(line.text);
    if (!parsed) return; // No AT prefix: a modem ignores the line (V.250 §5.2.1).
    const upper = parsed.text.toUpperCase();
    if (startsWith(profile.faults.noAnswerAfter, upper)) {
      running = 'silent';
      timers.cancelAll();
      return;
    }
    const hangFault = profile.faults.hang;
    if (hangFault && !hangStruck && startsWith(hangFault.after, upper)) {
      hangStruck = true;
      hang(hangFault.cure);
      return;
    }
    if (isReset(line.text)) {
      out.lines([finalLine(OK, settings.cmee, profile.unknownCommand) ?? 'OK']);
      restart();
      return;
    }
    commandRunning = true;
    flood();
    const final = line.overflowed ? UNKNOWN_COMMAND : await runLine(parsed, upper);
    commandRunning = false;
    if (running !== 'answering') return;
    if (startsWith(profile.faults.dropAfter, upper)) {
      // The command has reached the network; the line goes before its final result.
      stop();
      await out.flushed();
      await link.close();
      return;
    }
    const text = finalLine(final, settings.cmee, profile.unknownCommand);
    if (text !== null) out.lines([text]);
    releaseHeldUrcs();
    const noise = profile.faults.noise;
    if (noise?.betweenAnswers) out.raw(Uint8Array.from([...noise.bytes, 0x0d, 0x0a]));
    sms.retryWaiting();
  }

  async function runLine(parsed: ParsedLine, upper: string): Promise<Final> {
    const fault = profile.faults.cme.find((rule) => startsWith(rule.command, upper));
    if (fault) return cme(fault.code);
    let final: Final = OK;
    for (const command of parsed.commands) {
      final = await runCommand(command, context);
      if (final.kind !== 'ok') return final;
    }
    return parsed.unreadable === null ? final : UNKNOWN_COMMAND;
  }

  function isReset(text: string): boolean {
    const upper = text.trim().toUpperCase();
    return profile.reset.commands.some((command) => command.toUpperCase() === upper);
  }

  function hang(cure: HangCure): void {
    if (running !== 'answering') return;
    running = 'hung';
    hangCure = cure;
    timers.clear();
    heldUrcs.length = 0;
  }

  /** A reboot: settings from power-on, silent while booting, or gone and back (re-enumerated). */
  function restart(): void {
    hangCure = null;
    timers.clear();
    heldUrcs.length = 0;
    context.resetSettings();
    radio.setFunctionality(1);
    if (profile.reset.reenumerates) {
      stop();
      options.onReenumerate?.();
      void out.flushed().then(() => link.close());
      return;
    }
    running = 'booting';
    timers.after(profile.reset.bootMs, () => {
      if (running === 'booting') running = 'answering';
      scheduleVendorUrc();
    });
  }

  function scheduleVendorUrc(): void {
    const { urcs, intervalMs } = profile.vendorUrcs;
    if (urcs.length === 0 || intervalMs <= 0) return;
    timers.after(intervalMs, () => {
      const next = urcs[vendorUrcIndex++ % urcs.length];
      if (settings.vendorUrcs && next) urc([next], true);
      scheduleVendorUrc();
    });
  }

  function stop(): void {
    if (running === 'stopped') return;
    running = 'stopped';
    timers.cancelAll();
    stopReading();
    stopWatchingClose();
    bodyWaiter = null;
    heldUrcs.length = 0;
  }

  // Plug-in noise reaches whoever has the port open; on a pseudo-terminal nobody does until
  // the client first writes, so that is when it comes, before the first echo.
  let noiseBeforeFirstAnswer = profile.faults.noise?.atStart ?? false;

  const stopReading = link.onData((chunk) => {
    if (running !== 'answering' && running !== 'hung') return;
    if (noiseBeforeFirstAnswer && profile.faults.noise) {
      noiseBeforeFirstAnswer = false;
      out.raw(Uint8Array.from(profile.faults.noise.bytes));
    }
    input.push(chunk);
    feed();
  });
  const stopWatchingClose = link.onClose(() => stop());

  scheduleVendorUrc();

  return {
    profile,
    receiveSms: (from, text, smsOptions) =>
      running === 'answering' ? sms.deliver(from, text, smsOptions) : [],
    setRegistration: radio.setRegistration,
    hang,
    stop,
    get state() {
      return describeState({
        profile,
        running,
        settings,
        sim,
        radio: radio.state,
        ussd,
        messages,
        network,
      });
    },
  };
}
