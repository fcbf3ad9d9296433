import type { Ref } from 'react';
import { CartesianGrid, Legend, Line, LineChart, ReferenceLine, Tooltip, XAxis, YAxis } from 'recharts';

import { periodLabels, periodTooltipLabel, SCORE_AXIS_PROPS, timeAxisProps } from './chart-axes.js';
import { ChartDataTable, scoreCell } from './chart-data-table.js';
import { ChartFrame } from './chart-frame.js';
import { highlightArea, periodsIn, type ChartPeriod } from './chart-highlight.js';
import { CHART_ANIMATION_MS, CHART_COLORS, COMPARE_STYLES, prefersReducedMotion } from './chart-theme.js';
import {
  continuousStarts,
  isEmptySeries,
  type Granularity,
  type SentimentBucket,
} from './sentiment-bucket.js';
import { formatScore } from './sentiment.js';

export interface CompareSeries {
  name: string;
  buckets: readonly SentimentBucket[];
}

export interface CompareChartProps {
  /** Up to five subjects; more would not stay distinguishable, so extra series are left out with a note. */
  series: readonly CompareSeries[];
  title?: string;
  description?: string;
  granularity?: Granularity;
  timeZone?: string;
  width?: number;
  height?: number;
  animate?: boolean;
  /** A period to shade (e.g. an alert's window): periods starting in [from, to). */
  highlight?: ChartPeriod | null;
  ref?: Ref<HTMLElement>;
}

export const MAX_COMPARE_SERIES = COMPARE_STYLES.length;

type Row = { start: string } & Record<`s${number}`, number | null>;

/**
 * One row per period from the first bucket to the last (periods nobody had news in included, so time keeps its
 * scale), one score column per series, so subjects with gaps still line up in time.
 */
function mergeSeries(series: readonly CompareSeries[], granularity: Granularity): Row[] {
  const rows = new Map<number, Row>();
  series.forEach((item, index) => {
    for (const bucket of item.buckets) {
      const time = Date.parse(bucket.start);
      const row = rows.get(time) ?? { start: bucket.start };
      row[`s${index}`] = bucket.meanScore;
      rows.set(time, row);
    }
  });
  return continuousStarts(
    [...rows.values()].map((row) => row.start),
    granularity,
  ).map((start) => rows.get(Date.parse(start)) ?? { start });
}

/** Mean sentiment of several companies or topics on one time axis. */
export function CompareChart({
  series: allSeries,
  title,
  description,
  granularity = 'day',
  timeZone = 'UTC',
  width,
  height = 300,
  animate = !prefersReducedMotion(),
  highlight,
  ref,
}: CompareChartProps) {
  const series = allSeries.slice(0, MAX_COMPARE_SERIES);
  const label = title ?? `Sentiment compared: ${series.map((item) => item.name).join(', ')}`;
  const rows = mergeSeries(series, granularity);
  const highlighted = periodsIn(highlight, rows);
  const { short, long } = periodLabels(granularity, timeZone);
  const lineStyles = series.map((item, index) => ({
    ...item,
    key: `s${index}` as const,
    style: COMPARE_STYLES[index] ?? COMPARE_STYLES[0],
  }));

  return (
    <>
      <ChartFrame
        ref={ref}
        title={label}
        showTitle={title !== undefined}
        description={title !== undefined ? description : undefined}
        width={width}
        height={height}
        empty={series.every((item) => isEmptySeries(item.buckets))}
        table={
          <ChartDataTable
            caption={`${label}: mean score per period`}
            headers={['Period', ...lineStyles.map((item) => `${item.name} (${item.style.dashLabel} line)`)]}
            rows={rows.map((row) => ({
              key: row.start,
              label: long(row.start),
              cells: lineStyles.map((item) => scoreCell(row[item.key])),
              current: highlighted.includes(row),
            }))}
          />
        }
        chart={(size) => (
          <LineChart
            {...size}
            data={rows}
            title={label}
            desc={
              description ??
              'Mean sentiment score per period for each subject, on a scale from −1 (bearish) to +1 (bullish).'
            }
            margin={{ top: 8, right: 12, bottom: 8, left: 0 }}
          >
            <CartesianGrid stroke={CHART_COLORS.grid} vertical={false} />
            <XAxis {...timeAxisProps(short)} />
            <YAxis {...SCORE_AXIS_PROPS} />
            {highlightArea(highlighted)}
            <ReferenceLine y={0} stroke={CHART_COLORS.zero} strokeDasharray="4 3" />
            {lineStyles.map((item) => (
              <Line
                key={item.key}
                dataKey={item.key}
                name={item.name}
                stroke={item.style.color}
                strokeDasharray={item.style.dash}
                strokeWidth={2.5}
                // Small dots keep a single-bucket stretch between gaps visible; without them it would vanish.
                // Solid rims: the line's dash pattern would break the dots into unreadable arcs.
                dot={{ r: 2, strokeDasharray: 'none' }}
                activeDot={{ r: 5, strokeDasharray: 'none' }}
                connectNulls={false}
                isAnimationActive={animate}
                animationDuration={CHART_ANIMATION_MS}
              />
            ))}
            <Tooltip
              labelFormatter={periodTooltipLabel(long)}
              formatter={(value) => (typeof value === 'number' ? formatScore(value) : value)}
            />
            {/* Series order, not alphabetical, so the legend matches the data table's columns. */}
            <Legend itemSorter={null} />
          </LineChart>
        )}
      />
      {allSeries.length > MAX_COMPARE_SERIES && (
        <p className="wl-chart__note" role="note">
          Showing the first {MAX_COMPARE_SERIES} of {allSeries.length} subjects; more lines would not stay
          distinguishable.
        </p>
      )}
    </>
  );
}
