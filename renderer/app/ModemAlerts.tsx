import { useTranslation } from 'react-i18next';
import { useFormat } from '../format';
import { type ModemAlert, modemAlerts } from '../modems/modem-alerts';
import { useFloats, useModems } from '../modems/use-modems';

/**
 * Shown on every screen while something in the modem bank needs a person: a dealer SIM's float
 * low, a modem out of service, a modem holding another SIM. Each line stays until its cause is
 * gone; the link leads to the Modems page, where it is dealt with.
 */
export function ModemAlerts() {
  const { t } = useTranslation();
  const format = useFormat();
  const { modems } = useModems();
  const { floats } = useFloats();
  const alerts = modemAlerts(modems ?? [], floats ?? []);
  if (alerts.length === 0) return null;

  const say = (alert: ModemAlert) => {
    switch (alert.kind) {
      case 'sim-changed':
        return t('modems.alerts.simChanged', { id: alert.modemId });
      case 'out-of-service':
        return t('modems.alerts.outOfService', { id: alert.modemId });
      case 'float-low':
        return alert.balance === null
          ? t('modems.alerts.floatLowUnread', { id: alert.modemId })
          : t('modems.alerts.floatLow', {
              id: alert.modemId,
              balance: format.money(alert.balance),
            });
    }
  };
  return (
    <div
      className="modem-alerts"
      role="alert"
      aria-label={t('modems.alerts.title')}
      data-testid="modem-alerts"
    >
      <ul>
        {alerts.map((alert) => (
          <li key={`${alert.kind}-${alert.modemId}`}>{say(alert)}</li>
        ))}
      </ul>
      <a href="#modems">{t('modems.alerts.open')}</a>
    </div>
  );
}
