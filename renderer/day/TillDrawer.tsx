import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Till } from '../../shared/counters';
import { api } from '../api';
import { useApi } from '../use-api';
import { OtherDrawerClose } from './OtherDrawerClose';
import { ShopDayTotal } from './ShopDayTotal';

/**
 * Whose cash this Day page counts: the till's own drawer, named, or the shop's one drawer; and
 * for a manager on the hub of several tills, the shop's day total, from which a counter's drawer
 * left open is closed (in place of today's shift, `children`, while it is).
 */
export function TillDrawer({
  timeZone,
  manager,
  children,
}: {
  timeZone: string;
  manager: boolean;
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  const tills = useApi(() => api.call('tills.list', {}), []).value;
  const [closing, setClosing] = useState<Till | null>(null);
  if (closing) {
    return <OtherDrawerClose till={closing} timeZone={timeZone} onDone={() => setClosing(null)} />;
  }
  return (
    <>
      {tills && (
        <h2 className="day__drawer">
          {tills.drawers === 'shop'
            ? t('drawers.shopDrawer')
            : t('drawers.drawerOf', { till: tills.current.name })}
        </h2>
      )}
      {tills && manager && tills.current.kind === 'hub' && tills.tills.length > 1 && (
        <ShopDayTotal timeZone={timeZone} onCloseDrawer={setClosing} />
      )}
      {children}
    </>
  );
}
