import { useMemo, useRef, type MouseEvent as ReactMouseEvent, type Ref } from 'react';
import {
  Bar,
  Brush,
  CartesianGrid,
  ComposedChart,
  Dot,
  Legend,
  Line,
  ReferenceLine,
  Tooltip,
  XAxis,
  YAxis,
  type DotItemDotProps,
  type MouseHandlerDataParam,
} from 'recharts';

import {
  COUNT_AXIS_PROPS,
  periodLabels,
  periodTooltipLabel,
  SCORE_AXIS_PROPS,
  timeAxisProps,
} from './chart-axes.js';
import { ChartDataTable, scoreCell } from './chart-data-table.js';
import { ChartFrame } from './chart-frame.js';
import { highlightArea, periodsIn, type ChartPeriod } from './chart-highlight.js';
import { CHART_ANIMATION_MS, CHART_COLORS, prefersReducedMotion } from './chart-theme.js';
import { fillBucketGaps, isEmptySeries, type Granularity, type SentimentBucket } from './sentiment-bucket.js';
import { formatScore } from './sentiment.js';

export interface BucketRange {
  startIndex: number;
  endIndex: number;
  first: SentimentBucket;
  last: SentimentBucket;
}

export interface TrendChartProps {
  buckets: readonly SentimentBucket[];
  /** Name of the subject (company or topic); used in the default title and the legend. */
  series?: string;
  /** Visible title above the chart; defaults to a hidden "Sentiment for <series>" label. */
  title?: string;
  description?: string;
  granularity?: Granularity;
  /** Zone for period labels; UTC matches how the API aligns buckets. */
  timeZone?: string;
  /** Fixed pixel width (tests, exports); by default the chart fills its container. */
  width?: number;
  height?: number;
  /** Article-count bars on a second axis. */
  showVolume?: boolean;
  /** Split the count into bullish / neutral / bearish stacked bars. */
  showSplit?: boolean;
  /** A range slider under the chart for zooming. */
  brush?: boolean;
  onRangeChange?: (range: BucketRange) => void;
  onBucketClick?: (bucket: SentimentBucket) => void;
  /**
   * A period to shade, e.g. the one a feed beside the chart is filtered to: buckets starting in [from, to).
   * A missing end is open.
   */
  highlight?: ChartPeriod | null;
  animate?: boolean;
  ref?: Ref<HTMLElement>;
}

/**
 * recharts' default throttles mousemove to the next frame, but a click reads the period under the pointer from
 * the hover state: a tap or a quick click arrives in the same frame as its mousemove and found no period.
 */
const UNTHROTTLED_MOUSEMOVE = ['touchmove', 'pointermove', 'scroll', 'wheel'] as const;

/**
 * A point of the score line that says which bucket it draws (`data-bucket-start`, `data-mean-score`,
 * `data-count`), so browser tests and tools can check the chart against the API without reading pixels.
 */
function ScorePoint({ points: _points, payload, ...props }: DotItemDotProps) {
  const bucket = payload as SentimentBucket;
  if (bucket.meanScore === null) return null;
  return (
    <Dot
      {...props}
      className="recharts-line-dot wl-chart__point"
      data-bucket-start={bucket.start}
      data-mean-score={bucket.meanScore}
      data-count={bucket.count}
    />
  );
}

/** Mean sentiment over time with article volume, for one company or topic. */
export function TrendChart({
  buckets,
  series,
  title,
  description,
  granularity = 'day',
  timeZone = 'UTC',
  width,
  height = 300,
  showVolume = true,
  showSplit = false,
  brush = false,
  onRangeChange,
  onBucketClick,
  highlight,
  animate = !prefersReducedMotion(),
  ref,
}: TrendChartProps) {
  const label = title ?? (series ? `Sentiment for ${series}` : 'Sentiment over time');
  const summary =
    description ??
    'Mean sentiment score per period on a scale from −1 (bearish) to +1 (bullish), with the number of articles per period.';
  // Every period on the axis, so time keeps its scale and the line breaks where there was no news.
  const periods = useMemo(() => fillBucketGaps(buckets, granularity), [buckets, granularity]);
  // Only periods with articles are click targets: an empty one would only filter the feed to nothing.
  const byStart = useMemo(() => new Map(buckets.map((bucket) => [bucket.start, bucket])), [buckets]);
  const { short, long } = periodLabels(granularity, timeZone);

  // A click on a bar also bubbles to the chart's own click handler; remember the event so it is reported once.
  const handledEvent = useRef<Event | null>(null);
  const select = (start: unknown, event: ReactMouseEvent) => {
    if (!onBucketClick || event.nativeEvent === handledEvent.current) return;
    const bucket = typeof start === 'string' ? byStart.get(start) : undefined;
    if (!bucket) return;
    handledEvent.current = event.nativeEvent;
    onBucketClick(bucket);
  };
  const onBarClick = onBucketClick
    ? (item: { payload?: SentimentBucket }, _index: number, event: ReactMouseEvent) =>
        select(item.payload?.start, event)
    : undefined;
  const onChartClick = onBucketClick
    ? (state: MouseHandlerDataParam, event: ReactMouseEvent) => select(state.activeLabel, event)
    : undefined;

  const volumeBars = showSplit
    ? [
        { key: 'bearish', name: 'Bearish articles', color: CHART_COLORS.bearish },
        { key: 'neutral', name: 'Neutral articles', color: CHART_COLORS.neutral },
        { key: 'bullish', name: 'Bullish articles', color: CHART_COLORS.bullish },
      ]
    : showVolume
      ? [{ key: 'count', name: 'Articles', color: CHART_COLORS.volume }]
      : [];

  const highlighted = useMemo(() => periodsIn(highlight, periods), [highlight, periods]);

  const rows = periods.map((bucket) => ({
    key: bucket.start,
    label: long(bucket.start),
    cells: [scoreCell(bucket.meanScore), bucket.count, bucket.bullish, bucket.neutral, bucket.bearish],
    onSelect: onBucketClick ? () => onBucketClick(bucket) : undefined,
    selectLabel: `Show articles from ${long(bucket.start)}`,
    current: highlighted.includes(bucket),
  }));

  return (
    <ChartFrame
      ref={ref}
      title={label}
      showTitle={title !== undefined}
      description={title !== undefined ? description : undefined}
      width={width}
      height={height}
      empty={isEmptySeries(buckets)}
      table={
        <ChartDataTable
          caption={`${label}: data`}
          headers={['Period', 'Mean score', 'Articles', 'Bullish', 'Neutral', 'Bearish']}
          rows={rows}
        />
      }
      chart={(size) => (
        <ComposedChart
          {...size}
          data={periods}
          title={label}
          desc={summary}
          margin={{ top: 8, right: 8, bottom: 8, left: 0 }}
          onClick={onChartClick}
          cursor={onBucketClick ? 'pointer' : undefined}
          throttledEvents={UNTHROTTLED_MOUSEMOVE}
        >
          <CartesianGrid stroke={CHART_COLORS.grid} vertical={false} />
          <XAxis {...timeAxisProps(short)} />
          <YAxis yAxisId="score" {...SCORE_AXIS_PROPS} />
          {volumeBars.length > 0 && <YAxis yAxisId="count" orientation="right" {...COUNT_AXIS_PROPS} />}
          {volumeBars.map((bar) => (
            <Bar
              key={bar.key}
              yAxisId="count"
              dataKey={bar.key}
              name={bar.name}
              fill={bar.color}
              stackId={showSplit ? 'split' : undefined}
              maxBarSize={32}
              isAnimationActive={animate}
              animationDuration={CHART_ANIMATION_MS}
              onClick={onBarClick}
            />
          ))}
          {highlightArea(highlighted, 'score')}
          <ReferenceLine yAxisId="score" y={0} stroke={CHART_COLORS.zero} strokeDasharray="4 3" />
          <Line
            yAxisId="score"
            dataKey="meanScore"
            name={series ? `${series} mean score` : 'Mean score'}
            stroke={CHART_COLORS.score}
            strokeWidth={2.5}
            dot={(props: DotItemDotProps) => <ScorePoint {...props} r={2.5} />}
            // The hover highlight sits over the point; clicks go through it to the chart.
            activeDot={{ r: 5, pointerEvents: 'none' }}
            // A gap shows "no articles" honestly; joining across it would invent a trend.
            connectNulls={false}
            isAnimationActive={animate}
            animationDuration={CHART_ANIMATION_MS}
          />
          <Tooltip
            labelFormatter={periodTooltipLabel(long)}
            formatter={(value, _name, item) =>
              item.dataKey === 'meanScore' && typeof value === 'number' ? formatScore(value) : value
            }
          />
          <Legend itemSorter={null} />
          {brush && (
            <Brush
              dataKey="start"
              height={28}
              stroke={CHART_COLORS.score}
              tickFormatter={(value: string) => short(value)}
              onChange={(range) => {
                const first = periods[range.startIndex];
                const last = periods[range.endIndex];
                if (first && last && onRangeChange) onRangeChange({ ...range, first, last });
              }}
            />
          )}
        </ComposedChart>
      )}
    />
  );
}
