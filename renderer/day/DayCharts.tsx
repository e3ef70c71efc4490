import { useTranslation } from 'react-i18next';
import { Bar, BarChart, CartesianGrid, Tooltip, XAxis, YAxis } from 'recharts';
import type { DayReportView } from '../../shared/day';
import { formatAmount } from '../../shared/money';
import { useFormat } from '../format';
import { hourlySeries } from './chart-series';

// The interface's accent colour (styles.css --accent): SVG attributes take no CSS variable.
const barColour = '#0b6e69';

/**
 * The day at a glance: takings by hour of the shop's day and by plan. The figures themselves
 * are in the report's tables beside the charts, for reading and for screen readers.
 */
export function DayCharts({ report }: { report: DayReportView }) {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const { currency } = report.totals.gross;
  const amountTick = (value: number) => formatAmount(value, currency, i18n.language);
  const tooltip = (value: unknown) => format.money({ amount: Number(value), currency });
  const hours = hourlySeries(report.byHour);
  const hourLabel = (hour: number) => t('day.charts.hour', { hour: String(hour).padStart(2, '0') });

  if (report.totals.sales === 0) return <p>{t('day.charts.empty')}</p>;
  return (
    <div className="day-charts">
      <figure className="day-chart">
        <figcaption>{t('day.charts.byHour')}</figcaption>
        <BarChart
          className="day-chart__plot"
          responsive
          data={hours}
          title={t('day.charts.byHour')}
        >
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="hour" tickFormatter={hourLabel} />
          <YAxis allowDecimals={false} tickFormatter={amountTick} width={72} />
          <Tooltip labelFormatter={(hour) => hourLabel(Number(hour))} formatter={tooltip} />
          <Bar dataKey="amount" name={t('day.charts.amount')} fill={barColour} />
        </BarChart>
      </figure>
      <figure className="day-chart">
        <figcaption>{t('day.charts.byPlan')}</figcaption>
        <BarChart
          className="day-chart__plot"
          responsive
          data={report.byPlan.map((plan) => ({ plan: plan.planName, amount: plan.amount.amount }))}
          title={t('day.charts.byPlan')}
        >
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="plan" />
          <YAxis allowDecimals={false} tickFormatter={amountTick} width={72} />
          <Tooltip formatter={tooltip} />
          <Bar dataKey="amount" name={t('day.charts.amount')} fill={barColour} />
        </BarChart>
      </figure>
    </div>
  );
}
