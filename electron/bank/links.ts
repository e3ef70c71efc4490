import type { ModemLink } from '../gsm/link/link';
import { createMemoryLinkPair } from '../gsm/link/memory-link';
import { openSerialLink } from '../gsm/link/serial-link';
import { type CustomerLines, createSimulatedModem } from '../gsm/simulator';

/**
 * Where one modem of the bank is: a serial port, a simulated modem in this process, or a HiLink
 * stick's web API (its address, `http://192.168.8.1`), which the bank reaches over HTTP.
 */
export type ModemPort =
  | { kind: 'serial'; path: string; baudRate?: number; rtscts?: boolean }
  | { kind: 'simulated'; profile: string }
  | { kind: 'hilink'; url: string };

/**
 * Opens a modem's link. A simulated modem runs in-process on a memory link (the demo mode of an
 * installed app: Windows has no pseudo-terminals), behind the same link interface as a port.
 */
export async function openModemLink(
  port: ModemPort,
  options: {
    simLatencyMs?: number;
    /** The simulated carrier's lines, one network for all the bank's simulated modems. */
    customerLines?: CustomerLines;
  } = {},
): Promise<ModemLink> {
  if (port.kind === 'serial') {
    return openSerialLink({
      path: port.path,
      ...(port.baudRate ? { baudRate: port.baudRate } : {}),
      ...(port.rtscts ? { rtscts: true } : {}),
    });
  }
  if (port.kind === 'hilink') {
    throw new Error(`${port.url} is a HiLink stick: it speaks HTTP, not AT over a link`);
  }
  const [client, modemEnd] = createMemoryLinkPair(`simulated:${port.profile}`);
  const simulated = createSimulatedModem(modemEnd, {
    profile: [port.profile, { networkLatencyMs: options.simLatencyMs ?? 0 }],
    ...(options.customerLines ? { customerLines: options.customerLines } : {}),
  });
  client.onClose(() => simulated.stop());
  return client;
}
