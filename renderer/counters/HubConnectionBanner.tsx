import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EventPayload } from '../../shared/api/contract';
import { api } from '../api';
import { useFormat } from '../format';

type HubConnection = EventPayload<'app.hubConnection'>;

/** While the hub is gone, how often the screen asks whether it is back. */
const recheckMs = 3000;

/**
 * On every screen of a counter while its hub cannot be reached (the counter's own process tells):
 * since when, why, and that it keeps trying by itself; gone as soon as the hub answers again.
 */
export function HubConnectionBanner() {
  const { t } = useTranslation();
  const format = useFormat();
  const [lost, setLost] = useState<HubConnection | null>(null);
  useEffect(
    () => api.on('app.hubConnection', (state) => setLost(state.reachable ? null : state)),
    [],
  );
  // The hub back may go unheard: a hub that restarted ended the sessions, and with them this
  // screen's events. So while it shows, the banner asks too; the counter answers only with the
  // hub there.
  useEffect(() => {
    if (!lost) return;
    const timer = setInterval(() => {
      api.call('app.get', {}).then(
        () => setLost(null),
        () => {},
      );
    }, recheckMs);
    return () => clearInterval(timer);
  }, [lost]);
  if (!lost) return null;
  // The counter stands in the shop: its own clock's zone is the shop's.
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  return (
    <div className="hub-banner" role="alert" data-testid="hub-banner">
      <p>
        <strong>{t('counterMode.hubLost')}</strong>{' '}
        {t('counterMode.hubLostSince', { time: format.dateTime(lost.since, zone).time })}
      </p>
      {lost.problem && <p>{t('counterMode.hubProblem', { problem: lost.problem })}</p>}
      <p>{t('counterMode.retrying')}</p>
    </div>
  );
}
