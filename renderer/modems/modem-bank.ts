import { useEffect, useState } from 'react';
import type { ProcedureOutput } from '../../shared/api/contract';
import { api } from '../api';
import { useApi } from '../use-api';

export type Modem = ProcedureOutput<'modems.list'>['modems'][number];

/** The modem bank as it is now: listed once, then kept current by `modems.status` events. */
export function useModems() {
  const listed = useApi(() => api.call('modems.list', {}), []);
  const [heard, setHeard] = useState<Modem[] | null>(null);
  useEffect(() => api.on('modems.status', ({ modems: next }) => setHeard(next)), []);
  // Events that arrive before the list answers are newer: the list does not overwrite them.
  return { modems: heard ?? listed.value?.modems ?? null, error: listed.error };
}

/** The time now, again each second while `ticking`: for counting down a modem's wait. */
export function useSecondTicks(ticking: boolean): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!ticking) return;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [ticking]);
  return now;
}

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
  if (own.some((modem) => modem.state === 'idle')) return null;
  const waiting = own.filter((modem) => modem.state === 'waiting' && modem.waitingUntil !== null);
  waiting.sort((a, b) => Date.parse(a.waitingUntil ?? '') - Date.parse(b.waitingUntil ?? ''));
  return waiting[0] ?? null;
}
