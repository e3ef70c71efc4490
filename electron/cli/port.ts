import { type AtChannel, AtInputError, createAtChannel } from '../gsm/channel';
import { openSerialLink } from '../gsm/link/serial-link';
import { type CommandContext, UsageError } from './command';

/** The options every command that talks to a modem takes. */
export const portOptions = {
  port: { type: 'string' },
  baud: { type: 'string', default: '115200' },
} as const;

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
    if (error instanceof AtInputError) throw new UsageError(error.message);
    throw error;
  } finally {
    await channel.close();
  }
}
