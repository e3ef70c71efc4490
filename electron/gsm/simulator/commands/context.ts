/**
 * What a command handler sees of the modem: its profile, its settings (which the handler may
 * change), the SIM, the radio, the network behind it, and ways to print. Handlers return the
 * final result; the modem prints it.
 */
import type { SmsSubmit } from '../../codecs';
import type { Final } from '../answers';
import type { CarrierNetwork } from '../carrier-network';
import type { AtCommand } from '../command-line';
import type { MessageBody } from '../input';
import type { MessageStore } from '../message-store';
import type { SimulatedModemProfile } from '../profile';
import type { Charset } from '../ussd-text';

export type RegistrationCommand = '+CREG' | '+CGREG' | '+CEREG';

/** 27.007 <stat>: 0 not registered, 1 home, 2 searching, 3 denied, 4 unknown, 5 roaming. */
export type RegistrationStat = 0 | 1 | 2 | 3 | 4 | 5;

export interface ModemSettings {
  echo: boolean;
  cmee: 0 | 1 | 2;
  charset: Charset;
  /** AT+CMGF: 0 PDU. */
  messageFormat: 0 | 1;
  cnmi: [number, number, number, number, number];
  /** AT+COPS=3,<format>: 0 long name, 1 short, 2 numeric. */
  copsFormat: 0 | 1 | 2;
  registrationReports: Record<RegistrationCommand, 0 | 1 | 2>;
  /** AT+CUSD=<n>: whether +CUSD answers are printed. */
  ussdPresentation: boolean;
  /** Huawei ^CURC: whether the vendor URCs run. */
  vendorUrcs: boolean;
  /** Huawei ^PORTSEL: which port gets URCs (remembered only: the simulator has one port). */
  urcPort: 0 | 1;
  smsc: string;
}

export interface SimState {
  lock: 'ready' | 'sim-pin' | 'sim-puk';
  pin: string | null;
  pinAttemptsLeft: number;
  /** Commands touching the SIM that will still answer "SIM busy". */
  busyLeft: number;
}

export interface RadioState {
  /** AT+CFUN: 0 minimum, 1 full, 4 radio off. */
  functionality: 0 | 1 | 4;
  registration: RegistrationStat;
}

export interface UssdControl {
  /** Sends a request or a menu reply; resolves once the answer is printed (or never comes). */
  send(text: string): { printed: Promise<void> };
  cancel(): void;
  readonly state: 'idle' | 'waiting-network' | 'waiting-dealer';
}

export interface CommandContext {
  readonly profile: SimulatedModemProfile;
  readonly settings: ModemSettings;
  readonly sim: SimState;
  readonly radio: RadioState;
  readonly messages: MessageStore;
  readonly network: CarrierNetwork;
  readonly ussd: UssdControl;
  /** Information lines of the answer, printed as one block. */
  answer(...lines: string[]): void;
  urc(...lines: string[]): void;
  /** The urc-flood profile's URCs, where a command has a gap (between +CUSD and OK). */
  flood(): void;
  /** Prints the `> ` prompt and resolves with what the client typed after it. */
  prompt(): Promise<MessageBody>;
  /** Resolves after the network's latency (next tick when it is 0). */
  networkDelay(): Promise<void>;
  /** Back to the profile's power-on settings (ATZ, AT&F). */
  resetSettings(): void;
  setFunctionality(functionality: 0 | 1 | 4): void;
  /** Re-evaluates registration after the SIM was unlocked. */
  simUnlocked(): void;
  /** Hands an SMS-SUBMIT to the network; returns the message reference. */
  submitSms(submit: SmsSubmit): number;
}

export interface CommandSpec {
  /** `+CSQ`, `E`, `&F`, `^CURC`. */
  name: string;
  /** Counted by the sim-busy fault: commands that read or write the SIM. */
  touchesSim?: boolean;
  /** Refused with "SIM PIN required" until the SIM is unlocked; `sms` uses +CMS codes. */
  needsUnlockedSim?: 'cme' | 'cms';
  /** Whether this profile has the command at all (ICCID variants, Huawei-only commands). */
  availableOn?: (profile: SimulatedModemProfile) => boolean;
  run(command: AtCommand, context: CommandContext): Final | Promise<Final>;
}
