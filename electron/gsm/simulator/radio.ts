/**
 * The modem's radio: power (AT+CFUN) and network registration. It registers when the radio is
 * on and the SIM unlocked, after searching for a while, and tells the client each change by
 * +CREG/+CGREG/+CEREG URCs when it asked for them.
 */
import type { TimerSet } from './clock';
import type {
  ModemSettings,
  RadioState,
  RegistrationCommand,
  RegistrationStat,
  SimState,
} from './commands/context';
import { registrationLine } from './commands/network';
import type { SimulatedModemProfile } from './profile';

const REGISTRATIONS: readonly RegistrationCommand[] = ['+CREG', '+CGREG', '+CEREG'];

interface RadioDeps {
  profile: SimulatedModemProfile;
  settings: ModemSettings;
  sim: SimState;
  timers: TimerSet;
  urc(lines: string[]): void;
}

export function createRadio({ profile, settings, sim, timers, urc }: RadioDeps) {
  const state: RadioState = { functionality: 1, registration: 0 };

  function setRegistration(stat: RegistrationStat): void {
    if (state.registration === stat) return;
    state.registration = stat;
    for (const name of REGISTRATIONS) {
      const reports = settings.registrationReports[name];
      if (reports > 0) urc([registrationLine(name, reports, stat, profile.network, 'urc')]);
    }
  }

  const canRegister = () => state.functionality === 1 && sim.lock === 'ready';

  function refreshRegistration(): void {
    if (!canRegister()) {
      setRegistration(0);
      return;
    }
    if (state.registration === 1 || state.registration === 5) return;
    setRegistration(2);
    timers.after(profile.registrationDelayMs, () => {
      if (canRegister() && state.registration === 2) setRegistration(1);
    });
  }

  // At power-on, a modem with no delay to wait is registered before anyone asks.
  if (profile.registrationDelayMs <= 0 && canRegister()) state.registration = 1;
  else refreshRegistration();

  return {
    state,
    setRegistration,
    refreshRegistration,
    setFunctionality(functionality: 0 | 1 | 4): void {
      // A SIM that was powered down is busy again for a while (field notes, point 5).
      if (functionality === 1 && state.functionality !== 1) {
        sim.busyLeft = profile.faults.simBusy?.commands ?? 0;
      }
      state.functionality = functionality;
      refreshRegistration();
    },
  };
}
