import { dateTimeFormat } from './intl-cache.js';

/** One time bucket of a sentiment series, as the API's time-series query returns it. */
export interface SentimentBucket {
  /** ISO start of the bucket. */
  start: string;
  /** Mean effective score in [-1, 1]; null when the bucket has no analysed articles. */
  meanScore: number | null;
  count: number;
  bullish: number;
  neutral: number;
  bearish: number;
}

export type Granularity = 'hour' | 'day' | 'week';

/** True when there is nothing to draw: no buckets, or buckets that hold no articles. */
export function isEmptySeries(buckets: readonly SentimentBucket[]): boolean {
  return buckets.every((bucket) => bucket.count === 0 && bucket.meanScore === null);
}

/**
 * Bucket start as text. Formatted in UTC by default because the API aligns day and week buckets to UTC
 * midnight; in a local zone west of Greenwich every day would be labelled with the day before.
 */
export function formatBucketStart(
  start: string,
  granularity: Granularity,
  style: 'short' | 'long',
  timeZone = 'UTC',
  locale = 'en-GB',
): string {
  const date = new Date(start);
  if (Number.isNaN(date.getTime())) return start;
  const options: Intl.DateTimeFormatOptions = { day: 'numeric', month: 'short', timeZone };
  if (style === 'long') options.year = 'numeric';
  if (granularity === 'hour')
    Object.assign(options, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
  const text = dateTimeFormat(locale, options).format(date);
  return granularity === 'week' && style === 'long' ? `Week of ${text}` : text;
}

const STEP_MS: Record<Granularity, number> = { hour: 3_600_000, day: 86_400_000, week: 7 * 86_400_000 };
// A chart has no use for more periods than this; beyond it the input is drawn as given.
const MAX_PERIODS = 5_000;

/**
 * Every period from the first start to the last, one bucket apart (times in UTC, where days and weeks have a
 * fixed length). The API lists only non-empty buckets; drawn as they come, a week without news would take the
 * same width as a day and the line would bridge it. Starts that are not on one grid are returned sorted, as given.
 */
export function continuousStarts(starts: readonly string[], granularity: Granularity): string[] {
  const times = [...new Set(starts.map((start) => Date.parse(start)))].sort((a, b) => a - b);
  const first = times[0];
  const last = times[times.length - 1];
  const step = STEP_MS[granularity];
  if (first === undefined || last === undefined || times.some(Number.isNaN)) return sortedStarts(starts);
  if (times.some((time) => (time - first) % step !== 0) || (last - first) / step > MAX_PERIODS)
    return sortedStarts(starts);
  const grid: string[] = [];
  for (let time = first; time <= last; time += step) grid.push(new Date(time).toISOString());
  return grid;
}

function sortedStarts(starts: readonly string[]): string[] {
  return [...new Set(starts)].sort((a, b) => Date.parse(a) - Date.parse(b));
}

/** The buckets with an empty one (no score, no articles) for every period between them that had none. */
export function fillBucketGaps(
  buckets: readonly SentimentBucket[],
  granularity: Granularity,
): SentimentBucket[] {
  const byTime = new Map(buckets.map((bucket) => [Date.parse(bucket.start), bucket]));
  return continuousStarts(
    buckets.map((bucket) => bucket.start),
    granularity,
  ).map(
    (start) =>
      byTime.get(Date.parse(start)) ?? {
        start,
        meanScore: null,
        count: 0,
        bullish: 0,
        neutral: 0,
        bearish: 0,
      },
  );
}
