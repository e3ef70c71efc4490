import { useEffect, useState } from 'react';
import { api } from '../api';
import { useApi } from '../use-api';
import type { Modem } from './modem-wait';

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
    setNow(Date.now());
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [ticking]);
  return now;
}
