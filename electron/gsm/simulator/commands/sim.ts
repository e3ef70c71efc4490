/** The SIM: PIN/PUK (27.007 §8.3), IMSI, and the ICCID under the name each vendor gives it. */
import { CME, cme, type Final, NO_FINAL, OK, UNKNOWN_COMMAND } from '../answers';
import { argumentsOf } from '../command-line';
import type { IccidCommand } from '../profile';
import type { CommandContext, CommandSpec } from './context';

const PIN_ATTEMPTS = 3;

const LOCK_CODES = { ready: 'READY', 'sim-pin': 'SIM PIN', 'sim-puk': 'SIM PUK' } as const;

function enterPin(values: ReturnType<typeof argumentsOf>, context: CommandContext): Final {
  const { sim } = context;
  const [first, second] = values.map((value) => value.text);
  if (sim.lock === 'ready') return cme(CME.notAllowed);
  if (sim.lock === 'sim-pin') {
    if (first !== undefined && first === sim.pin) {
      sim.lock = 'ready';
      sim.pinAttemptsLeft = PIN_ATTEMPTS;
      context.simUnlocked();
      return OK;
    }
    sim.pinAttemptsLeft -= 1;
    if (sim.pinAttemptsLeft <= 0) sim.lock = 'sim-puk';
    return cme(CME.incorrectPassword);
  }
  // SIM PUK: AT+CPIN="<puk>","<new pin>".
  if (first !== context.profile.sim.puk || !second || !/^\d{4,8}$/.test(second)) {
    return cme(CME.incorrectPassword);
  }
  sim.pin = second;
  sim.lock = 'ready';
  sim.pinAttemptsLeft = PIN_ATTEMPTS;
  context.simUnlocked();
  return OK;
}

function swapNibbles(digits: string): string {
  const padded = digits.length % 2 === 0 ? digits : `${digits}F`;
  return padded.replace(/(.)(.)/g, '$2$1');
}

/** The ICCID command of one vendor, present only on the profiles that use it. */
function iccid(name: IccidCommand, prefix: string, forms: readonly string[]): CommandSpec {
  return {
    name,
    touchesSim: true,
    availableOn: (profile) => profile.iccid.command === name,
    run: (command, context) => {
      if (command.form === 'test') return OK;
      if (!forms.includes(command.form)) return UNKNOWN_COMMAND;
      const { identity, iccid: style } = context.profile;
      context.answer(`${prefix}${style.swapped ? swapNibbles(identity.iccid) : identity.iccid}`);
      return OK;
    },
  };
}

export const SIM_COMMANDS: readonly CommandSpec[] = [
  {
    name: '+CPIN',
    touchesSim: true,
    run: (command, context) => {
      if (command.form === 'test') return OK;
      if (command.form === 'set') return enterPin(argumentsOf(command), context);
      if (command.form !== 'read') return UNKNOWN_COMMAND;
      context.answer(`+CPIN: ${LOCK_CODES[context.sim.lock]}`);
      return context.sim.lock === 'ready' && context.profile.sim.readyWithoutOk ? NO_FINAL : OK;
    },
  },
  {
    name: '+CIMI',
    touchesSim: true,
    needsUnlockedSim: 'cme',
    run: (command, context) => {
      if (command.form === 'test') return OK;
      if (command.form !== 'execute') return UNKNOWN_COMMAND;
      context.answer(context.profile.identity.imsi);
      return OK;
    },
  },
  iccid('+CCID', '+CCID: ', ['execute', 'read']),
  iccid('^ICCID', '^ICCID: ', ['read']),
  iccid('+QCCID', '+QCCID: ', ['execute']),
];
