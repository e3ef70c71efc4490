import { useTranslation } from 'react-i18next';
import { maxBars, type SignalReading, signalPoints, signalSummary } from './signal-chart';

const box = { width: 96, height: 24, inset: 3 };

/**
 * A modem's last signal readings as a small line, oldest on the left; what it shows is also
 * its text alternative (lowest, highest, now, and over what time), read out by screen readers.
 */
export function SignalChart({
  history,
  timeOf,
}: {
  history: readonly SignalReading[];
  timeOf(instant: string): string;
}) {
  const { t } = useTranslation();
  const summary = signalSummary(history);
  if (summary === null) return null;
  const points = signalPoints(history, box);
  const label =
    summary.count === 1
      ? t('modems.signalChartOne', { at: timeOf(summary.to), last: summary.last, max: maxBars })
      : t('modems.signalChart', {
          count: summary.count,
          from: timeOf(summary.from),
          to: timeOf(summary.to),
          lowest: summary.lowest,
          highest: summary.highest,
          last: summary.last,
          max: maxBars,
        });
  const last = points.at(-1);
  return (
    <svg
      className="signal-chart"
      role="img"
      aria-label={label}
      viewBox={`0 0 ${box.width} ${box.height}`}
      width={box.width}
      height={box.height}
      data-readings={summary.count}
    >
      <title>{label}</title>
      <line
        className="signal-chart__axis"
        x1={box.inset}
        x2={box.width - box.inset}
        y1={box.height - box.inset}
        y2={box.height - box.inset}
      />
      {points.length > 1 && (
        <polyline
          className="signal-chart__line"
          points={points.map((point) => `${point.x},${point.y}`).join(' ')}
        />
      )}
      {last && <circle className="signal-chart__now" cx={last.x} cy={last.y} r={2.5} />}
    </svg>
  );
}
