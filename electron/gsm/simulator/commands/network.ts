/** Registration (+CREG/+CGREG/+CEREG), signal (+CSQ) and operator (+COPS), 27.007 §7. */
import { CME, cme, OK, UNKNOWN_COMMAND } from '../answers';
import { argumentsOf, numberArgument } from '../command-line';
import type { SimulatedModemProfile } from '../profile';
import type { CommandContext, CommandSpec, RegistrationCommand, RegistrationStat } from './context';

const BAD_ARGUMENTS = cme(CME.incorrectParameters);

function hex(value: number, digits: number): string {
  return value.toString(16).toUpperCase().padStart(digits, '0');
}

/**
 * A registration line. Answer form (to `AT+CREG?`): `+CREG: <n>,<stat>[,<lac>,<ci>]`.
 * URC form: `+CREG: <stat>[,<lac>,<ci>]`. Location only with n=2 and while registered.
 */
export function registrationLine(
  name: RegistrationCommand,
  reports: 0 | 1 | 2,
  stat: RegistrationStat,
  network: SimulatedModemProfile['network'],
  form: 'answer' | 'urc',
): string {
  const fields: string[] = form === 'answer' ? [String(reports), String(stat)] : [String(stat)];
  if (reports === 2 && (stat === 1 || stat === 5)) {
    const quote = (text: string) => (network.lacQuoted ? `"${text}"` : text);
    if (name === '+CEREG') {
      fields.push(quote(hex(network.tac, 4)), quote(hex(network.cellId, 8)), String(network.act));
    } else {
      fields.push(quote(hex(network.lac, 4)), quote(hex(network.cellId, 4)));
    }
  }
  return `${name}: ${fields.join(',')}`;
}

function registration(name: RegistrationCommand): CommandSpec {
  return {
    name,
    run: (command, context) => {
      const reports = context.settings.registrationReports;
      if (command.form === 'test') {
        context.answer(`${name}: (0-2)`);
        return OK;
      }
      if (command.form === 'read') {
        const line = registrationLine(
          name,
          reports[name],
          context.radio.registration,
          context.profile.network,
          'answer',
        );
        context.answer(line);
        return OK;
      }
      if (command.form !== 'set') return UNKNOWN_COMMAND;
      const n = numberArgument(argumentsOf(command), 0);
      if (n !== 0 && n !== 1 && n !== 2) return BAD_ARGUMENTS;
      reports[name] = n;
      return OK;
    },
  };
}

const isRegistered = (context: CommandContext) =>
  context.radio.registration === 1 || context.radio.registration === 5;

export const NETWORK_COMMANDS: readonly CommandSpec[] = [
  registration('+CREG'),
  registration('+CGREG'),
  registration('+CEREG'),
  {
    name: '+CSQ',
    run: (command, context) => {
      if (command.form === 'test') {
        context.answer('+CSQ: (0-31,99),(0-7,99)');
        return OK;
      }
      if (command.form !== 'execute') return UNKNOWN_COMMAND;
      const rssi = isRegistered(context) ? context.profile.network.rssi : 99;
      context.answer(`+CSQ: ${rssi},99`);
      return OK;
    },
  },
  {
    name: '+COPS',
    run: (command, context) => {
      const { operator } = context.network.behaviour;
      const act = context.profile.network.act;
      if (command.form === 'test') {
        context.answer(
          `+COPS: (2,"${operator.long}","${operator.short}","${operator.numeric}",${act}),,(0-4),(0-2)`,
        );
        return OK;
      }
      if (command.form === 'read') {
        if (!isRegistered(context)) {
          context.answer('+COPS: 0');
          return OK;
        }
        const format = context.settings.copsFormat;
        const name = [operator.long, operator.short, operator.numeric][format];
        context.answer(`+COPS: 0,${format},"${name}",${act}`);
        return OK;
      }
      if (command.form !== 'set') return UNKNOWN_COMMAND;
      const values = argumentsOf(command);
      const mode = numberArgument(values, 0);
      const format = numberArgument(values, 1);
      if (mode === null || mode > 4) return BAD_ARGUMENTS;
      if (format !== null) {
        if (format !== 0 && format !== 1 && format !== 2) return BAD_ARGUMENTS;
        context.settings.copsFormat = format;
      }
      // Modes 0, 1, 2 and 4 (automatic, manual, deregister) are accepted and change nothing.
      return OK;
    },
  },
];
