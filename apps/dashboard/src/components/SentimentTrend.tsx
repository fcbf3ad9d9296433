import { useRef, useState } from 'react';

import {
  formatBucketStart,
  formatScore,
  TrendChart,
  type BucketRange,
  type SentimentBucket,
} from '@wirelens/ui';

import { bucketEnd, granularityOf, type SeriesInterval } from '../hooks/useSeriesWindow.js';
import { downloadCsv, exportName, SERIES_COLUMNS } from '../lib/exports.js';
import { ChartExportButtons } from './ChartExportButtons.js';
import { IntervalSwitch } from './IntervalSwitch.js';

export interface SentimentTrendProps {
  subject: string;
  buckets: readonly SentimentBucket[];
  meanScore: number | null;
  totalCount: number;
  interval: SeriesInterval;
  onIntervalChange: (interval: SeriesInterval) => void;
  /** Narrows the feed beside the chart to [from, to). */
  onSelectPeriod: (from: string, to: string) => void;
  /** The period the feed beside the chart is filtered to, shaded on the chart. */
  selectedPeriod?: { from: string | null; to: string | null } | null;
}

/** A subject's trend chart with its interval switch, brush zoom, click-to-filter and exports. */
export function SentimentTrend({
  subject,
  buckets,
  meanScore,
  totalCount,
  interval,
  onIntervalChange,
  onSelectPeriod,
  selectedPeriod,
}: SentimentTrendProps) {
  const figure = useRef<HTMLElement>(null);
  const [range, setRange] = useState<BucketRange | null>(null);
  const granularity = granularityOf(interval);
  const label = (bucket: SentimentBucket) => formatBucketStart(bucket.start, granularity, 'long');
  return (
    <section className="trend" aria-labelledby="trend-heading">
      <div className="section-head">
        <h2 id="trend-heading">Sentiment over time</h2>
        <p className="muted">
          {totalCount} articles{meanScore !== null && <>, mean score {formatScore(meanScore)}</>}
        </p>
      </div>
      <div className="trend__tools">
        <IntervalSwitch value={interval} onChange={onIntervalChange} />
        <ChartExportButtons
          target={figure}
          filename={exportName(`${subject}-sentiment`, 'png')}
          onCsv={() =>
            downloadCsv(
              buckets.map((bucket) => ({ ...bucket, subject })),
              SERIES_COLUMNS,
              exportName(`${subject}-series-${interval.toLowerCase()}`, 'csv'),
            )
          }
        />
      </div>
      <TrendChart
        ref={figure}
        key={interval}
        buckets={buckets}
        series={subject}
        granularity={granularity}
        showSplit
        brush={buckets.length > 2}
        onRangeChange={setRange}
        highlight={selectedPeriod}
        onBucketClick={(bucket) => onSelectPeriod(bucket.start, bucketEnd(bucket.start, interval))}
      />
      <p className="muted small">Click a period (or use the data table) to show its articles in the feed.</p>
      {/* The chart adds empty periods between buckets, so compare ends rather than indices. */}
      {range && (range.first.start !== buckets[0]?.start || range.last.start !== buckets.at(-1)?.start) && (
        <p className="range-bar">
          Zoomed to {label(range.first)} – {label(range.last)}.{' '}
          <button
            type="button"
            className="button button--ghost"
            onClick={() => onSelectPeriod(range.first.start, bucketEnd(range.last.start, interval))}
          >
            Show these articles
          </button>
        </p>
      )}
    </section>
  );
}
