import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EventPayload } from '../../shared/api/contract';
import { api } from '../api';
import { useFormat } from '../format';

type HubConnection = EventPayload<'app.hubConnection'>;

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
