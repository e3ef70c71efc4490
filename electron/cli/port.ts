import path from 'node:path';
import { usbIdOfPort } from '../bank/ports';
import { type AtChannel, AtInputError, createAtChannel } from '../gsm/channel';
import { openSerialLink } from '../gsm/link/serial-link';
import { type Modem, openModem } from '../gsm/modem';
import { loadModemProfiles, type ModemProfile } from '../gsm/profiles';
import { SmsInputError } from '../gsm/sms';
import { UssdInputError } from '../gsm/ussd';
import { databaseFileIn, defaultDataDir } from '../paths';
import { type CommandContext, UsageError } from './command';

/** The options every command that talks to a modem takes. */
export const portOptions = {
  port: { type: 'string' },
  baud: { type: 'string', default: '115200' },
} as const;

/** The options of a command that opens a modem: its port, and the shop whose profiles apply. */
export const modemOptions = { ...portOptions, db: { type: 'string' } } as const;

/**
 * The modem profiles shipped with the build, then the shop's own: the `modems/` folder beside
 * the database given with --db, or beside the shop's database in the default data folder.
 * A file that does not load is reported as a warning and skipped.
 */
async function shopModemProfiles(
  context: Pick<CommandContext, 'values' | 'modemsDir' | 'output'>,
): Promise<ModemProfile[]> {
  const { db } = context.values;
  const databaseFile = typeof db === 'string' ? db : databaseFileIn(defaultDataDir(), false);
  const shopDir = path.join(path.dirname(path.resolve(databaseFile)), 'modems');
  const loaded = await loadModemProfiles([context.modemsDir, shopDir]);
  for (const problem of loaded.problems) context.output.warn(`modem profile ${problem.message}`);
  return loaded.profiles;
}

/** Input the modem layers refused before writing a byte: the caller's mistake, exit code 2. */
function isRefusedInput(error: unknown): boolean {
  return (
    error instanceof AtInputError ||
    error instanceof UssdInputError ||
    error instanceof SmsInputError
  );
}

/** Checks input before the port is even opened; refusals become usage errors. */
export function checkInput(check: () => void): void {
  try {
    check();
  } catch (error) {
    if (isRefusedInput(error)) throw new UsageError((error as Error).message);
    throw error;
  }
}

/** Opens the port named by --port as an AT channel, runs `use`, and always closes the port. */
export async function withChannel<T>(
  values: CommandContext['values'],
  use: (channel: AtChannel) => Promise<T>,
): Promise<T> {
  if (typeof values.port !== 'string' || values.port === '') {
    throw new UsageError('--port PATH is required (e.g. /dev/ttyUSB2 or COM5)');
  }
  const baudRate = Number(values.baud);
  if (!Number.isInteger(baudRate) || baudRate < 300 || baudRate > 4_000_000) {
    throw new UsageError(`--baud must be a serial speed such as 115200, not "${values.baud}"`);
  }
  const link = await openSerialLink({ path: values.port, baudRate });
  const channel = createAtChannel(link);
  try {
    return await use(channel);
  } catch (error) {
    if (isRefusedInput(error)) throw new UsageError((error as Error).message);
    throw error;
  } finally {
    await channel.close();
  }
}

/**
 * Opens the modem on --port (synchronised, identified, its profile chosen among the shipped
 * and the shop's) and runs `use`.
 */
export async function withModem<T>(
  context: Pick<CommandContext, 'values' | 'modemsDir' | 'output'>,
  use: (modem: Modem) => Promise<T>,
): Promise<T> {
  // Read while the port opens and the modem is synchronised (loading never fails: a bad file
  // is a warning).
  const profiles = shopModemProfiles(context);
  return withChannel(context.values, async (channel) => {
    const usbId = () => usbIdOfPort(String(context.values.port)).catch(() => null);
    const modem = await openModem(channel, { profiles, usbId });
    return use(modem);
  });
}

/** Seconds given with --timeout, as milliseconds. */
export function timeoutOption(values: CommandContext['values'], name = 'timeout'): number {
  const seconds = Number(values[name]);
  if (!(seconds > 0 && seconds <= 600)) {
    throw new UsageError(`--${name} is a number of seconds from 0 to 600, not "${values[name]}"`);
  }
  return seconds * 1000;
}
