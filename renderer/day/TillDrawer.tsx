import { useTranslation } from 'react-i18next';
import { api } from '../api';
import { useApi } from '../use-api';
import { ShopDayTotal } from './ShopDayTotal';

/**
 * Whose cash this Day page counts: the till's own drawer, named, or the shop's one drawer; and
 * for a manager on the hub of several tills, the shop's day total.
 */
export function TillDrawer({ timeZone, manager }: { timeZone: string; manager: boolean }) {
  const { t } = useTranslation();
  const tills = useApi(() => api.call('tills.list', {}), []).value;
  if (!tills) return null;
  return (
    <>
      <h2 className="day__drawer">
        {tills.drawers === 'shop'
          ? t('drawers.shopDrawer')
          : t('drawers.drawerOf', { till: tills.current.name })}
      </h2>
      {manager && tills.current.kind === 'hub' && tills.tills.length > 1 && (
        <ShopDayTotal timeZone={timeZone} />
      )}
    </>
  );
}
