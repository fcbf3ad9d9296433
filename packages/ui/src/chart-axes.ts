import { CHART_COLORS, SCORE_TICKS } from './chart-theme.js';
import { formatBucketStart, type Granularity } from './sentiment-bucket.js';
import { formatScore } from './sentiment.js';

const TICK = { fill: CHART_COLORS.text, fontSize: 12 };

/** Short labels for axis ticks, long ones for tooltips and tables. */
export function periodLabels(granularity: Granularity, timeZone: string) {
  return {
    short: (start: string) => formatBucketStart(start, granularity, 'short', timeZone),
    long: (start: string) => formatBucketStart(start, granularity, 'long', timeZone),
  };
}

/** Props of the time axis every sentiment chart shares: one tick per period start, thinned to fit. */
export function timeAxisProps(short: (start: string) => string) {
  return { dataKey: 'start', tickFormatter: short, tick: TICK, minTickGap: 16 } as const;
}

/** Props of the −1…+1 score axis. */
export const SCORE_AXIS_PROPS = {
  domain: [-1, 1],
  ticks: SCORE_TICKS,
  tickFormatter: (value: number) => formatScore(value),
  tick: TICK,
  width: 48,
} as const;

export const COUNT_AXIS_PROPS = { allowDecimals: false, tick: TICK, width: 40 } as const;

/** Tooltip heading: the period's long name. */
export const periodTooltipLabel = (long: (start: string) => string) => (value: unknown) =>
  typeof value === 'string' ? long(value) : String(value);
