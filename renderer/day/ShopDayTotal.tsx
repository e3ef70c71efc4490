import { useTranslation } from 'react-i18next';
import type { Till } from '../../shared/counters';
import { api } from '../api';
import { ProblemLine } from '../components/FormStatus';
import { describeError } from '../errors';
import { todayIn, useFormat } from '../format';
import { useApi } from '../use-api';

/**
 * The shop's day on the hub, for a manager: each till's Z reports of today and the drawers still
 * open, and the shop's total. A counter's drawer still open can be closed from here: a counter
 * gone (revoked, or dead) with its shift open would hold every closure back.
 */
export function ShopDayTotal({
  timeZone,
  onCloseDrawer,
}: {
  timeZone: string;
  onCloseDrawer(till: Till): void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const date = todayIn(timeZone);
  const total = useApi(() => api.call('day.getShopTotal', { date }), [date]);
  if (total.error !== null) return <ProblemLine>{describeError(t, total.error)}</ProblemLine>;
  const day = total.value;
  if (!day) return null;
  return (
    <section className="day-report__part" aria-labelledby="shop-day-title">
      <h2 id="shop-day-title">{t('drawers.shopTotal.title')}</h2>
      <table className="day-report__table">
        <thead>
          <tr>
            <th scope="col">{t('drawers.shopTotal.till')}</th>
            <th scope="col">{t('drawers.shopTotal.state')}</th>
            <th scope="col">{t('drawers.shopTotal.reports')}</th>
            <th scope="col">{t('drawers.shopTotal.sales')}</th>
            <th scope="col">{t('drawers.shopTotal.net')}</th>
            <th scope="col">{t('drawers.shopTotal.counted')}</th>
          </tr>
        </thead>
        <tbody>
          {day.tills.map((line) => (
            <tr key={line.till.id}>
              <th scope="row">{line.till.name}</th>
              <td>
                {line.openSince === null
                  ? t('drawers.shopTotal.closed')
                  : t('drawers.shopTotal.openSince', {
                      time: format.dateTime(line.openSince, timeZone).time,
                    })}
                {line.openSince !== null && line.till.kind === 'counter' && (
                  <>
                    {' '}
                    <button
                      type="button"
                      className="button--secondary"
                      onClick={() => onCloseDrawer(line.till)}
                    >
                      {t('drawers.closeOther.action')}
                    </button>
                  </>
                )}
              </td>
              <td>
                {line.reports.length === 0
                  ? t('drawers.shopTotal.noReport')
                  : line.reports.map((z) => `Z ${z.number}`).join(', ')}
              </td>
              <td>{line.totals.sales}</td>
              <td>{format.money(line.totals.net)}</td>
              <td>{format.money(line.totals.counted)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row" colSpan={3}>
              {t('drawers.shopTotal.total')}
            </th>
            <td>{day.totals.sales}</td>
            <td>{format.money(day.totals.net)}</td>
            <td>{format.money(day.totals.counted)}</td>
          </tr>
        </tfoot>
      </table>
    </section>
  );
}
