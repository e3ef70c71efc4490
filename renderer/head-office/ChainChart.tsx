import { useTranslation } from 'react-i18next';
import { Bar, BarChart, CartesianGrid, Tooltip, XAxis, YAxis } from 'recharts';
import type { CurrencyCode } from '../../shared/currencies';
import { formatAmount } from '../../shared/money';
import { useFormat } from '../format';

// The interface's accent colour (styles.css --accent): SVG attributes take no CSS variable.
const barColour = '#0b6e69';

/**
 * The takings of one currency as bars (a month's days, or a day's shops). The figures are in
 * the tables beside it, for reading and for screen readers.
 */
export function ChainChart({
  caption,
  currency,
  bars,
}: {
  caption: string;
  currency: CurrencyCode;
  /** Each bar's name under it, and its takings in minor units of `currency`. */
  bars: readonly { name: string; amount: number }[];
}) {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const data = [...bars];
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
