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
  const text = new Intl.DateTimeFormat(locale, options).format(date);
  return granularity === 'week' && style === 'long' ? `Week of ${text}` : text;
}
