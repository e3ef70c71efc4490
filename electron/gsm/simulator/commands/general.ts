/** V.250 basics and the identity and setup commands of 27.007 (CMEE, CFUN, CSCS...). */
import { CME, cme, ERROR, type Final, OK, UNKNOWN_COMMAND } from '../answers';
import { argumentsOf, numberArgument } from '../command-line';
import type { Charset } from '../ussd-text';
import type { CommandContext, CommandSpec } from './context';

const BAD_ARGUMENTS = cme(CME.incorrectParameters);
const CHARSETS: readonly Charset[] = ['GSM', 'IRA', 'UCS2'];

/** A command that only prints one value, for the execute form; `=?` answers OK. */
function identity(name: string, value: (context: CommandContext) => string): CommandSpec {
  return {
    name,
    run: (command, context) => {
      if (command.form === 'test') return OK;
      if (command.form !== 'execute') return UNKNOWN_COMMAND;
      context.answer(value(context));
      return OK;
    },
  };
}

/** A V.250 setting the simulator accepts and forgets (flow control, DTR, result codes...). */
function accepted(name: string, values: readonly string[]): CommandSpec {
  return {
    name,
    run: (command) => (command.form === 'execute' || values.includes(command.args) ? OK : ERROR),
  };
}

export function setting(
  name: string,
  read: (context: CommandContext) => string,
  test: string,
  set: (values: ReturnType<typeof argumentsOf>, context: CommandContext) => Final,
): CommandSpec {
  return {
    name,
    run: (command, context) => {
      if (command.form === 'read') {
        context.answer(read(context));
        return OK;
      }
      if (command.form === 'test') {
        context.answer(test);
        return OK;
      }
      if (command.form === 'set') return set(argumentsOf(command), context);
      return UNKNOWN_COMMAND;
    },
  };
}

const manufacturer = (context: CommandContext) => context.profile.identity.manufacturer;
const model = (context: CommandContext) => context.profile.identity.model;
const revision = (context: CommandContext) => context.profile.identity.revision;
const imei = (context: CommandContext) => context.profile.identity.imei;

export const GENERAL_COMMANDS: readonly CommandSpec[] = [
  {
    name: 'E',
    run: (command, context) => {
      if (command.args !== '' && command.args !== '0' && command.args !== '1') return ERROR;
      context.settings.echo = command.args === '1';
      return OK;
    },
  },
  {
    name: 'Z',
    run: (_, context) => {
      context.resetSettings();
      return OK;
    },
  },
  {
    name: '&F',
    run: (_, context) => {
      context.resetSettings();
      return OK;
    },
  },
  {
    name: 'I',
    run: (_, context) => {
      const { identity } = context.profile;
      context.answer(
        `Manufacturer: ${identity.manufacturer}`,
        `Model: ${identity.model}`,
        `Revision: ${identity.revision}`,
        `IMEI: ${identity.imei}`,
        '+GCAP: +CGSM,+DS,+ES',
      );
      return OK;
    },
  },
  // Verbose results only: ATV0 (numeric codes) is refused rather than half-simulated.
  accepted('V', ['1']),
  accepted('Q', ['0']),
  accepted('X', ['0', '1', '2', '3', '4']),
  accepted('&C', ['0', '1']),
  accepted('&D', ['0', '1', '2']),
  accepted('&K', ['0', '3', '4']),
  accepted('&W', ['0']),
  identity('+CGMI', manufacturer),
  identity('+GMI', manufacturer),
  identity('+CGMM', model),
  identity('+GMM', model),
  identity('+CGMR', revision),
  identity('+GMR', revision),
  identity('+CGSN', imei),
  identity('+GSN', imei),
  identity('+GCAP', () => '+GCAP: +CGSM,+DS,+ES'),
  setting(
    '+CMEE',
    (context) => `+CMEE: ${context.settings.cmee}`,
    '+CMEE: (0-2)',
    (values, context) => {
      const mode = numberArgument(values, 0);
      if (mode !== 0 && mode !== 1 && mode !== 2) return BAD_ARGUMENTS;
      context.settings.cmee = mode;
      return OK;
    },
  ),
  setting(
    '+CFUN',
    (context) => `+CFUN: ${context.radio.functionality}`,
    '+CFUN: (0,1,4),(0-1)',
    (values, context) => {
      const functionality = numberArgument(values, 0);
      const reset = numberArgument(values, 1) ?? 0;
      if ((functionality !== 0 && functionality !== 1 && functionality !== 4) || reset > 1) {
        return BAD_ARGUMENTS;
      }
      if (reset === 1) context.resetSettings();
      context.setFunctionality(functionality);
      return OK;
    },
  ),
  setting(
    '+CSCS',
    (context) => `+CSCS: "${context.settings.charset}"`,
    `+CSCS: (${CHARSETS.map((charset) => `"${charset}"`).join(',')})`,
    (values, context) => {
      const charset = CHARSETS.find((name) => name === values[0]?.text.toUpperCase());
      if (!charset) return BAD_ARGUMENTS;
      context.settings.charset = charset;
      return OK;
    },
  ),
];
