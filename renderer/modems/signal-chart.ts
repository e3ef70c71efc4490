import type { Modem } from './modem-wait';

export type SignalReading = Modem['signalHistory'][number];

/** What a signal quality reading can show at most (AT+CSQ read as 0 to 4 bars). */
export const maxBars = 4;

export interface ChartBox {
  width: number;
  height: number;
  /** Room kept free on each side, so that the line and its dots are not cut at the edges. */
  inset: number;
}

/**
 * Where each reading sits on a small chart: time from left to right (a gap in the polls shows as
 * a gap), bars from the bottom (none) to the top (all). A single reading, or readings all taken
 * at one instant, sit at the right edge: the chart's "now".
 */
export function signalPoints(
  history: readonly SignalReading[],
  box: ChartBox,
): { x: number; y: number }[] {
  if (history.length === 0) return [];
  const times = history.map((reading) => Date.parse(reading.at));
  const first = Math.min(...times);
  const span = Math.max(...times) - first;
  const width = box.width - 2 * box.inset;
  const height = box.height - 2 * box.inset;
  return history.map((reading, index) => {
    const bars = Math.min(maxBars, Math.max(0, reading.bars));
    const share = span === 0 ? 1 : ((times[index] as number) - first) / span;
    return {
      x: round(box.inset + share * width),
      y: round(box.inset + (1 - bars / maxBars) * height),
    };
  });
}

/** The chart said in figures, for its text alternative: null when there is no reading. */
export function signalSummary(history: readonly SignalReading[]): {
  count: number;
  lowest: number;
  highest: number;
  last: number;
  from: string;
  to: string;
} | null {
  const first = history[0];
  const last = history.at(-1);
  if (first === undefined || last === undefined) return null;
  const bars = history.map((reading) => reading.bars);
  return {
    count: history.length,
    lowest: Math.min(...bars),
    highest: Math.max(...bars),
    last: last.bars,
    from: first.at,
    to: last.at,
  };
}

const round = (value: number) => Math.round(value * 10) / 10;
