import { useEffect, useState } from 'react';
import { hasOutcome } from '../../shared/sale';
import { api } from '../api';
import { useFormat } from '../format';
import { useApi } from '../use-api';
import { type DealerFloat, mergeFloats } from './modem-alerts';
import type { Modem } from './modem-wait';

/** The modem bank as it is now: listed once, then kept current by `modems.status` events. */
export function useModems() {
  const listed = useApi(() => api.call('modems.list', {}), []);
  const [heard, setHeard] = useState<Modem[] | null>(null);
  useEffect(() => api.on('modems.status', ({ modems: next }) => setHeard(next)), []);
  // Events that arrive before the list answers are newer: the list does not overwrite them.
  return { modems: heard ?? listed.value?.modems ?? null, error: listed.error };
}

/** Each dealer SIM's float: listed once, then kept current by `modems.floats` events. */
export function useFloats() {
  const listed = useApi(() => api.call('modems.listFloats', {}), []);
  const [heard, setHeard] = useState<DealerFloat[]>([]);
  useEffect(
    () => api.on('modems.floats', ({ floats }) => setHeard((known) => mergeFloats(known, floats))),
    [],
  );
  // What was heard is newer than what was listed, SIM by SIM.
  const floats =
    listed.value === undefined && heard.length === 0
      ? null
      : mergeFloats(listed.value?.floats ?? [], heard);
  return { floats, error: listed.error };
}

/**
 * Each modem's top-ups today, read again whenever a modem finishes a job (any counter's sale)
 * and whenever a sale this user hears of reaches an outcome (a manager's resolve, too).
 */
export function useActivity() {
  const activity = useApi(() => api.call('modems.getActivity', {}), []);
  const { reload } = activity;
  useEffect(() => {
    let busy = new Set<string>();
    return api.on('modems.status', ({ modems }) => {
      const nowBusy = new Set(modems.filter((modem) => modem.state === 'busy').map((m) => m.id));
      const freed = [...busy].some((id) => !nowBusy.has(id));
      busy = nowBusy;
      if (freed) reload();
    });
  }, [reload]);
  useEffect(
    () =>
      api.on('sales.progress', ({ sale }) => {
        if (hasOutcome(sale.status)) reload();
      }),
    [reload],
  );
  return { activity: activity.value?.modems ?? null, error: activity.error };
}

/**
 * The shop's zone (this screen's until the shop's profile says), and an instant written in it:
 * the time alone when it is today, the date and time otherwise. Null until the zone is known.
 */
export function useShopTime(): ((instant: string) => string) | null {
  const format = useFormat();
  const shop = useApi(() => api.call('shop.get', {}), []);
  if (shop.value === undefined && shop.error === null) return null;
  const timeZone =
    shop.value?.profile?.timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone;
  const today = format.dateTime(new Date().toISOString(), timeZone).date;
  return (instant) => {
    const { date, time } = format.dateTime(instant, timeZone);
    return date === today ? time : `${date} ${time}`;
  };
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
