/**
 * The modem simulator: a scriptable fake GSM modem for the demo mode, the tests and
 * `comptoir simulate`. Plain Node; it talks to clients only through a ModemLink.
 */

export { createManualClock, type ManualClock } from '../clock';
export type { CarrierBehaviour } from './carrier';
export type { CustomerLines } from './carrier-network';
export { DEMO_CARRIER } from './demo-carrier';
export {
  createSimulatedModem,
  type SimulatedModem,
  type SimulatedModemOptions,
} from './modem';
export { GENERIC_PROFILE } from './profile';
export { listProfiles, NAMED_PROFILES, resolveProfile } from './profiles';
export { type PtySimulator, type PtySimulatorOptions, startSimulatorOnPty } from './pty';
