import type { ProcedureOutput } from '../../shared/api/contract';

export type DetectedDevice = ProcedureOutput<'modems.detect'>['devices'][number];

/** A modem found on a serial port and not in the bank yet: what **Add** is offered for. */
export function canAdd(device: DetectedDevice): boolean {
  return (
    // A HiLink stick has no AT port: its web address is what the bank talks to.
    (device.link === 'hilink' || device.role === 'at') &&
    device.modem !== null &&
    device.configuredAs === null
  );
}

/** The first of modem-1, modem-2... that no modem of the bank has taken. */
export function suggestModemId(taken: readonly string[]): string {
  for (let number = 1; ; number++) {
    const id = `modem-${number}`;
    if (!taken.includes(id)) return id;
  }
}

/**
 * The settings form's fields for a modem found by detection: its name suggested, its port by the
 * name that survives replugging, its carrier the guessed one when the shop sells it (else the
 * form's current one), its dealer PIN left for the manager to type.
 */
export function addDraftOf(
  device: DetectedDevice,
  context: { taken: readonly string[]; carrierIds: readonly string[]; currentCarrierId: string },
) {
  const guess = device.modem?.carrierGuess ?? null;
  return {
    id: suggestModemId(context.taken),
    carrierId:
      guess !== null && context.carrierIds.includes(guess) ? guess : context.currentCarrierId,
    path: device.byId ?? device.path,
  };
}
