import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api';
import { useApi } from '../use-api';

/**
 * Shown on every screen while any sale, of any day, is pending verification (its top-up may or
 * may not have reached the card), with a link to them on the Sales page, where they come first.
 * Read again at each move of a sale the user hears of and at each change of screen: a clerk
 * hears only their own sales, and a timer would keep an idle session alive on the host.
 */
export function PendingBanner({ manager }: { manager: boolean }) {
  const { t } = useTranslation();
  const pending = useApi(() => api.call('sales.list', { status: 'unknown' }), []);
  const { reload } = pending;
  useEffect(() => api.on('sales.progress', reload), [reload]);
  useEffect(() => {
    window.addEventListener('hashchange', reload);
    return () => window.removeEventListener('hashchange', reload);
  }, [reload]);
  const count = pending.value?.sales.length ?? 0;
  if (count === 0) return null;
  return (
    <div className="pending-banner" role="status" data-testid="pending-banner">
      <p>
        {t('pending.banner', { count })} {manager ? t('pending.toManager') : t('pending.toClerk')}
      </p>
      <a href="#sales">{t('pending.open', { count })}</a>
    </div>
  );
}
