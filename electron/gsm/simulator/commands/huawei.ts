/**
 * Huawei's own commands, present on profiles that list them in `vendorCommands`. Gammu sends
 * both to anything that says "huawei" and gives up on a modem that refuses ^PORTSEL.
 */
import { CME, cme, OK } from '../answers';
import { numberArgument } from '../command-line';
import type { CommandSpec } from './context';
import { setting } from './general';

const BAD_ARGUMENTS = cme(CME.incorrectParameters);

function vendor(spec: CommandSpec): CommandSpec {
  return { ...spec, availableOn: (profile) => profile.vendorCommands.includes(spec.name) };
}

export const HUAWEI_COMMANDS: readonly CommandSpec[] = [
  // ^CURC=0 silences the ^RSSI/^MODE/^DSFLOWRPT trickle (field notes, point 1).
  vendor(
    setting(
      '^CURC',
      (context) => `^CURC: ${context.settings.vendorUrcs ? 1 : 0}`,
      '^CURC: (0-1)',
      (values, context) => {
        const mode = numberArgument(values, 0);
        if (mode !== 0 && mode !== 1) return BAD_ARGUMENTS;
        context.settings.vendorUrcs = mode === 1;
        return OK;
      },
    ),
  ),
  // ^PORTSEL chooses the port that gets URCs; the simulator has one port, so it only remembers.
  vendor(
    setting(
      '^PORTSEL',
      (context) => `^PORTSEL: ${context.settings.urcPort}`,
      '^PORTSEL: (0-1)',
      (values, context) => {
        const port = numberArgument(values, 0);
        if (port !== 0 && port !== 1) return BAD_ARGUMENTS;
        context.settings.urcPort = port;
        return OK;
      },
    ),
  ),
];
