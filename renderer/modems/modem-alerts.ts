import type { ProcedureOutput } from '../../shared/api/contract';
import type { Modem } from './modem-wait';

export type DealerFloat = ProcedureOutput<'modems.listFloats'>['floats'][number];

/** Something about the modem bank that every screen shows until its cause is gone. */
export type ModemAlert =
  | { kind: 'sim-changed'; modemId: string; expectedIccid: string; foundIccid: string }
  | { kind: 'out-of-service'; modemId: string }
  | {
      kind: 'float-low';
      modemId: string;
      balance: DealerFloat['balance'];
      threshold: DealerFloat['lowThreshold'];
    };

/**
 * The bank's alerts as they stand: derived from the modems and floats alone, so an alert goes
 * away when its cause does (a SIM confirmed, a modem back in service, a float topped up), and
 * cannot be put away before. In the bank's order; per modem, what stops it first, then its float.
 * A modem holding another SIM is out of service because of it: it says so once, as a SIM change.
 */
export function modemAlerts(
  modems: readonly Modem[],
  floats: readonly DealerFloat[],
): ModemAlert[] {
  return modems.flatMap((modem): ModemAlert[] => {
    const alerts: ModemAlert[] = [];
    if (modem.simChange !== null) {
      alerts.push({ kind: 'sim-changed', modemId: modem.id, ...modem.simChange });
    } else if (modem.state === 'out-of-service') {
      alerts.push({ kind: 'out-of-service', modemId: modem.id });
    }
    const float = floats.find((candidate) => candidate.modemId === modem.id);
    if (float?.low) {
      alerts.push({
        kind: 'float-low',
        modemId: modem.id,
        balance: float.balance,
        threshold: float.lowThreshold,
      });
    }
    return alerts;
  });
}

/**
 * The floats known after a `modems.floats` event: the SIMs it tells of take their new figures,
 * the others keep theirs (an event may tell of one SIM only).
 */
export function mergeFloats(
  known: readonly DealerFloat[],
  heard: readonly DealerFloat[],
): DealerFloat[] {
  const told = new Map(heard.map((float) => [float.modemId, float]));
  const kept = known.map((float) => told.get(float.modemId) ?? float);
  const added = heard.filter((float) => !known.some((other) => other.modemId === float.modemId));
  return [...kept, ...added];
}
