const HOUR_MS = 3_600_000;
/** Enough for every hour, day and week bucket of the longest series asked for at once. */
const MAX_CACHED = 4096;

const wholeHours = new Map<number, string>();

/**
 * `date.toISOString()`, remembered for whole hours (series bucket starts). V8 takes about 0.5 µs
 * per call, and a year of daily buckets for five companies asks for 1,825 of them, the same 365
 * days five times over; a lookup allocates nothing. Any other instant, and an invalid date
 * (RangeError), is toISOString itself.
 */
export function isoDateTime(date: Date): string {
  const ms = date.getTime();
  if (ms % HOUR_MS !== 0) return date.toISOString();
  let text = wholeHours.get(ms);
  if (text === undefined) {
    text = date.toISOString();
    if (wholeHours.size >= MAX_CACHED) wholeHours.clear();
    wholeHours.set(ms, text);
  }
  return text;
}
