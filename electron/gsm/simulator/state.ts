/** A snapshot of the simulated modem, for tests, the demo's status screen and logs. */
import type { CarrierNetwork, CarrierState } from './carrier-network';
import type { ModemSettings, RadioState, SimState, UssdControl } from './commands/context';
import type { MessageStore, StoredMessage } from './message-store';
import type { SimulatedModemProfile } from './profile';

export interface SimulatedModemState {
  profile: string;
  /**
   * `silent`: the no-answer fault struck; `hung`: it answers nothing until restarted;
   * `booting`: restarting after a reset; `stopped`: stop(), a drop, or the link closed.
   */
  running: 'answering' | 'silent' | 'hung' | 'booting' | 'stopped';
  settings: ModemSettings;
  sim: { lock: SimState['lock']; pinAttemptsLeft: number; busyLeft: number };
  radio: RadioState;
  ussd: UssdControl['state'];
  messages: StoredMessage[];
  carrier: CarrierState;
}

export function describeState(parts: {
  profile: SimulatedModemProfile;
  running: SimulatedModemState['running'];
  settings: ModemSettings;
  sim: SimState;
  radio: RadioState;
  ussd: UssdControl;
  messages: MessageStore;
  network: CarrierNetwork;
}): SimulatedModemState {
  const { settings, sim } = parts;
  return {
    profile: parts.profile.name,
    running: parts.running,
    settings: {
      ...settings,
      cnmi: [...settings.cnmi],
      registrationReports: { ...settings.registrationReports },
    },
    sim: { lock: sim.lock, pinAttemptsLeft: sim.pinAttemptsLeft, busyLeft: sim.busyLeft },
    radio: { ...parts.radio },
    ussd: parts.ussd.state,
    messages: parts.messages.snapshot(),
    carrier: parts.network.snapshot(),
  };
}
