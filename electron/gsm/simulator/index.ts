/**
 * The modem simulator: a scriptable fake GSM modem for the demo mode, the tests and
 * `comptoir simulate`. Plain Node; it talks to clients only through a ModemLink.
 */

export { createManualClock, type ManualClock } from '../clock';
export type {
  CarrierBehaviour,
  CarrierTexts,
  CustomerLine,
  Plan,
  SmsService,
  UssdAction,
  UssdSlot,
  UssdStep,
} from './carrier';
export type { CarrierState, UssdAnswer } from './carrier-network';
export type { ModemSettings, RegistrationStat } from './commands/context';
export { DEMO_CARRIER } from './demo-carrier';
export type { StoredMessage } from './message-store';
export {
  createSimulatedModem,
  type SimulatedModem,
  type SimulatedModemOptions,
} from './modem';
export { GENERIC_PROFILE, type ProfileOverrides, type SimulatedModemProfile } from './profile';
export {
  listProfiles,
  NAMED_PROFILES,
  type NamedProfile,
  type ProfilePart,
  resolveProfile,
} from './profiles';
export { type PtySimulator, type PtySimulatorOptions, startSimulatorOnPty } from './pty';
export type { IncomingSmsOptions } from './sms-delivery';
export type { SimulatedModemState } from './state';
