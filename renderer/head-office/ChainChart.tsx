import { useTranslation } from 'react-i18next';
import { Bar, BarChart, CartesianGrid, Tooltip, XAxis, YAxis } from 'recharts';
import { formatAmount } from '../../shared/money';
import { useFormat } from '../format';
import type { TotalsLine } from './ChainTotalsTable';

// The interface's accent colour (styles.css --accent): SVG attributes take no CSS variable.
const barColour = '#0b6e69';

/**
 * The takings of one currency as bars (a month's days, or a day's shops). The figures are in
 * the tables beside it, for reading and for screen readers.
 */
export function ChainChart({
  caption,
  lines,
  currency,
  tick,
}: {
  caption: string;
  lines: readonly TotalsLine[];
  currency: TotalsLine['totals']['amount']['currency'];
  /** How a bar is named under it. */
  tick(line: TotalsLine): string;
}) {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const data = lines
    .filter((line) => line.totals.amount.currency === currency)
    .map((line) => ({ name: tick(line), amount: line.totals.amount.amount }));
  return (
    <figure className="day-chart">
      <figcaption>{caption}</figcaption>
      <BarChart className="day-chart__plot" responsive data={data} title={caption}>
        <CartesianGrid strokeDasharray="3 3" vertical={false} />
        <XAxis dataKey="name" />
        <YAxis
          allowDecimals={false}
          tickFormatter={(value: number) => formatAmount(value, currency, i18n.language)}
          width={72}
        />
        <Tooltip formatter={(value) => format.money({ amount: Number(value), currency })} />
        <Bar dataKey="amount" name={t('headOffice.report.figures.amount')} fill={barColour} />
      </BarChart>
    </figure>
  );
}
