import { useTranslation } from 'react-i18next';
import type { DayReportView } from '../../shared/day';
import { formatTaxRate, taxName } from '../../shared/tax';
import { useFormat } from '../format';

/**
 * The day's tax as the Z report keeps it: each rate's amount before tax and tax, the takings
 * whose rate was not recorded, and the totals. Nothing on a Z report closed before taxes were kept.
 */
export function DayTaxes({ report, idPrefix }: { report: DayReportView; idPrefix: string }) {
  const { t, i18n } = useTranslation('translation', { keyPrefix: 'tax' });
  const format = useFormat();
  if (report.taxes === undefined) return null;
  const { currency } = report.totals.gross;
  const money = (amount: number) => format.money({ amount, currency });
  const id = `${idPrefix}-taxes`;
  const notRecorded = report.taxNotRecorded?.amount ?? 0;
  const tax = report.taxes.reduce((sum, line) => sum + line.tax, 0);
  return (
    <section className="day-report__part" aria-labelledby={id}>
      <h3 id={id}>{t('heading', { name: taxName })}</h3>
      <table className="day-report__table">
        <thead>
          <tr>
            <th scope="col">{t('rateColumn')}</th>
            <th scope="col">{t('base')}</th>
            <th scope="col">{taxName}</th>
            <th scope="col">{t('withTaxColumn')}</th>
          </tr>
        </thead>
        <tbody>
          {report.taxes.map((line) => (
            <tr key={line.rate}>
              <th scope="row">{formatTaxRate(line.rate, i18n.language)}</th>
              <td>{money(line.base)}</td>
              <td>{money(line.tax)}</td>
              <td>{money(line.base + line.tax)}</td>
            </tr>
          ))}
          {notRecorded !== 0 && (
            <tr>
              <th scope="row">{t('notRecorded')}</th>
              <td />
              <td />
              <td>{money(notRecorded)}</td>
            </tr>
          )}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">{t('total')}</th>
            <td>{money(report.beforeTax?.amount ?? 0)}</td>
            <td>{money(tax)}</td>
            <td>{money(report.totals.net.amount)}</td>
          </tr>
        </tfoot>
      </table>
    </section>
  );
}
