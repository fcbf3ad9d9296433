import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';

import type { Granularity } from '@wirelens/ui';

export type SeriesInterval = 'HOUR' | 'DAY' | 'WEEK';

export const INTERVALS: { value: SeriesInterval; label: string; granularity: Granularity }[] = [
  { value: 'HOUR', label: 'Hour', granularity: 'hour' },
  { value: 'DAY', label: 'Day', granularity: 'day' },
  { value: 'WEEK', label: 'Week', granularity: 'week' },
];

const SPAN_MS: Record<SeriesInterval, number> = {
  HOUR: 3600_000,
  DAY: 86_400_000,
  WEEK: 7 * 86_400_000,
};

// Default window per bucket size: enough buckets for a trend, few enough to read (48 h, 90 days, a year).
const WINDOW_BUCKETS: Record<SeriesInterval, number> = { HOUR: 48, DAY: 90, WEEK: 52 };

export function granularityOf(interval: SeriesInterval): Granularity {
  return INTERVALS.find((item) => item.value === interval)?.granularity ?? 'day';
}

/** The exclusive end of the bucket that starts at `start`. */
export function bucketEnd(start: string, interval: SeriesInterval): string {
  if (interval === 'HOUR' || interval === 'WEEK')
    return new Date(Date.parse(start) + SPAN_MS[interval]).toISOString();
  // Calendar arithmetic, so a day bucket stays one UTC day.
  const end = new Date(start);
  end.setUTCDate(end.getUTCDate() + 1);
  return end.toISOString();
}

/** Start of the default window, rounded to the hour so the query (and urql's cache key) is stable. */
export function windowStart(interval: SeriesInterval, now = Date.now()): string {
  const hour = Math.floor(now / 3600_000) * 3600_000;
  return new Date(hour - WINDOW_BUCKETS[interval] * SPAN_MS[interval]).toISOString();
}

/** The chart's bucket size, kept in the URL (`interval=hour|day|week`) with the feed filters. */
export function useSeriesInterval(): [SeriesInterval, (interval: SeriesInterval) => void] {
  const [params, setParams] = useSearchParams();
  const raw = params.get('interval')?.toUpperCase();
  const interval: SeriesInterval = raw === 'HOUR' || raw === 'WEEK' ? raw : 'DAY';
  const setInterval = useCallback(
    (next: SeriesInterval) =>
      void setParams(
        (current) => {
          const updated = new URLSearchParams(current);
          if (next === 'DAY') updated.delete('interval');
          else updated.set('interval', next.toLowerCase());
          return updated;
        },
        { preventScrollReset: true },
      ),
    [setParams],
  );
  return useMemo(() => [interval, setInterval], [interval, setInterval]);
}
