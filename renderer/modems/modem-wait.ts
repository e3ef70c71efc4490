import type { ProcedureOutput } from '../../shared/api/contract';

export type Modem = ProcedureOutput<'modems.list'>['modems'][number];

/** Whole seconds left until an ISO time (0 once it has passed). */
export function secondsLeft(until: string, now: number): number {
  return Math.max(0, Math.ceil((Date.parse(until) - now) / 1000));
}

/**
 * Why a sale of the carrier waits for a modem, when it is because one waits for a late answer:
 * none of the carrier's modems is ready, and this one is the first to be free again.
 */
export function firstWaitingModem(modems: readonly Modem[], carrierId: string): Modem | null {
  const own = modems.filter((modem) => modem.carrierId === carrierId);
  if (own.some((modem) => modem.state === 'ready')) return null;
  const waiting = own.filter((modem) => modem.state === 'waiting' && modem.waitingUntil !== null);
  waiting.sort((a, b) => Date.parse(a.waitingUntil ?? '') - Date.parse(b.waitingUntil ?? ''));
  return waiting[0] ?? null;
}
