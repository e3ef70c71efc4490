import { useTranslation } from 'react-i18next';
import type { PerpetualTotals as Perpetual } from '../../shared/period';
import { useFormat } from '../format';

/** A Z's perpetual grand total and count: every sale since the till's first day, never reset. */
export function PerpetualTotals({ perpetual }: { perpetual: Perpetual }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <dl className="z-report__chain">
      <dt>{t('periods.perpetual.grandTotal')}</dt>
      <dd>{format.money(perpetual.grandTotal)}</dd>
      <dt>{t('periods.perpetual.count')}</dt>
      <dd>{perpetual.count}</dd>
    </dl>
  );
}
