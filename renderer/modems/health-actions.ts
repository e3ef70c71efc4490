import type { Modem } from './modem-wait';

/** What a manager can do to a modem from the health screen. */
export type HealthAction = 'reinitialise' | 'reset' | 'take-out' | 'put-back' | 'confirm-sim';

/**
 * The actions that make sense for a modem as it is now. A modem holding another SIM waits for
 * that SIM to be accepted (putting it back would send top-ups from an unexpected dealer SIM);
 * one out of service can be healed by hand or put back; one healing or starting can only be
 * taken out; any other can be re-initialised (its port reopened), reset or taken out.
 */
export function healthActions(modem: Pick<Modem, 'state' | 'simChange'>): HealthAction[] {
  if (modem.simChange !== null) return ['confirm-sim'];
  switch (modem.state) {
    case 'out-of-service':
      return ['put-back', 'reinitialise', 'reset'];
    case 'healing':
    case 'starting':
      return ['take-out'];
    default:
      return ['reinitialise', 'reset', 'take-out'];
  }
}

/** The call that carries an action out. */
export type ActionRequest =
  | { procedure: 'modems.heal'; input: { id: string; step: 'reopen' | 'reset' } }
  | { procedure: 'modems.setInService'; input: { id: string; inService: boolean } }
  | { procedure: 'modems.confirmSim'; input: { id: string; iccid: string } };

/**
 * How an action reaches the bank: re-initialising reopens the port (the modem's set-up runs
 * again), a reset is the profile's reset, and a changed SIM is accepted by the ICCID found in
 * the port, the one the manager was shown. Null when the action does not apply (no SIM change).
 */
export function actionRequest(
  action: HealthAction,
  modem: Pick<Modem, 'id' | 'simChange'>,
): ActionRequest | null {
  const { id } = modem;
  switch (action) {
    case 'reinitialise':
      return { procedure: 'modems.heal', input: { id, step: 'reopen' } };
    case 'reset':
      return { procedure: 'modems.heal', input: { id, step: 'reset' } };
    case 'take-out':
      return { procedure: 'modems.setInService', input: { id, inService: false } };
    case 'put-back':
      return { procedure: 'modems.setInService', input: { id, inService: true } };
    case 'confirm-sim':
      return modem.simChange === null
        ? null
        : { procedure: 'modems.confirmSim', input: { id, iccid: modem.simChange.foundIccid } };
  }
}
