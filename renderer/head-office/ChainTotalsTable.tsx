import { useTranslation } from 'react-i18next';
import type { ChainReport } from '../../shared/api/hq-contract/reports';
import { useFormat } from '../format';

type Totals = ChainReport['totals'][number];
export interface TotalsLine {
  key: string;
  label: string;
  totals: Totals;
}

const figures = ['sales', 'amount', 'dealerCost', 'margin', 'refunds', 'refunded', 'net'] as const;

/** One cut of the chain's books: a line per shop (plan, carrier, clerk, day) and its figures. */
export function ChainTotalsTable({
  caption,
  head,
  lines,
}: {
  caption: string;
  /** The first column's heading: "Shop", "Plan"… */
  head: string;
  lines: readonly TotalsLine[];
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const cell = (totals: Totals, figure: (typeof figures)[number]) => {
    const value = totals[figure];
    return typeof value === 'number' ? String(value) : format.money(value);
  };
  return (
    <table className="hq-table">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{head}</th>
          {figures.map((figure) => (
            <th key={figure} scope="col" className="hq-table__number">
              {t(`headOffice.report.figures.${figure}`)}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {lines.map((line) => (
          <tr key={`${line.key}/${line.totals.amount.currency}`}>
            <th scope="row">{line.label}</th>
            {figures.map((figure) => (
              <td key={figure} className="hq-table__number">
                {cell(line.totals, figure)}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
