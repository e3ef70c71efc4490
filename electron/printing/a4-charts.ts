import { escapeHtml } from './escape-html';

/** One bar: what it is, its size (minor units or a count) and the text printed at its end. */
export interface Bar {
  label: string;
  value: number;
  text: string;
}

/** Geometry in millimetres: the chart is as wide as an A4 page's text, a row per bar. */
const width = 180;
const labelWidth = 45;
const textWidth = 35;
const rowHeight = 6;
const barHeight = 4;

/**
 * A horizontal bar chart as inline SVG (no script, no external resource: it prints the same
 * everywhere), bars scaled to the largest; negative values draw as empty bars. Every text is
 * escaped; the figure is described by its title for screen readers.
 */
export function barChartSvg(title: string, bars: readonly Bar[]): string {
  const largest = Math.max(1, ...bars.map((bar) => bar.value));
  const room = width - labelWidth - textWidth;
  const height = Math.max(1, bars.length) * rowHeight;
  const rows = bars.map((bar, index) => {
    const y = index * rowHeight;
    const length = (Math.max(0, bar.value) / largest) * room;
    return [
      `<text x="${labelWidth - 2}" y="${y + 4}" text-anchor="end">${escapeHtml(bar.label)}</text>`,
      `<rect x="${labelWidth}" y="${y + 1}" width="${length.toFixed(2)}" height="${barHeight}"/>`,
      `<text x="${(labelWidth + length + 2).toFixed(2)}" y="${y + 4}">${escapeHtml(bar.text)}</text>`,
    ].join('');
  });
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" role="img" class="chart" width="${width}mm" height="${height}mm" viewBox="0 0 ${width} ${height}">`,
    `<title>${escapeHtml(title)}</title>`,
    ...rows,
    '</svg>',
  ].join('');
}

/**
 * The sales by hour of the shop's day as bars, every hour from the first sale's to the last
 * one's: an hour without a sale shows as a gap, not as nothing.
 */
export function hourBars(
  byHour: readonly { hour: number; sales: number }[],
  labelOf: (hour: number) => string,
): Bar[] {
  if (byHour.length === 0) return [];
  const hours = byHour.map((entry) => entry.hour);
  const first = Math.min(...hours);
  return Array.from({ length: Math.max(...hours) - first + 1 }, (_, index) => {
    const hour = first + index;
    const sales = byHour.find((entry) => entry.hour === hour)?.sales ?? 0;
    return { label: labelOf(hour), value: sales, text: String(sales) };
  });
}
