/** Minimum polling interval a source may have. */
export const MIN_INTERVAL_SECONDS = 60;
export const DEFAULT_INTERVAL_SECONDS = 15 * 60;
export const DEFAULT_BACKOFF_CAP_SECONDS = 24 * 3600;

export interface NextFetchTimeOptions {
  now: Date;
  intervalSeconds: number;
  /** Failures in a row including the one just recorded; 0 after a success. */
  consecutiveFailures: number;
  /** Retry-After from the server (429/503, or any response that sent it). */
  retryAfterMs?: number | null;
  /** Cache-Control max-age / Expires: the feed will not change before then. */
  cacheMaxAgeMs?: number | null;
  backoffCapSeconds?: number;
}

/**
 * When to poll a source next. After a success: its interval, or later if the
 * server's caching headers say the feed cannot change sooner (capped at 24 h so a
 * misconfigured server cannot silence a source). After failures: the interval
 * doubled per failure in a row, capped (default 24 h) — never given up for good —
 * and never before a Retry-After.
 */
export function nextFetchTime({
  now,
  intervalSeconds,
  consecutiveFailures,
  retryAfterMs = null,
  cacheMaxAgeMs = null,
  backoffCapSeconds = DEFAULT_BACKOFF_CAP_SECONDS,
}: NextFetchTimeOptions): Date {
  const interval = Math.max(MIN_INTERVAL_SECONDS, intervalSeconds) * 1000;
  const cap = backoffCapSeconds * 1000;
  let delay: number;
  if (consecutiveFailures <= 0) {
    delay = Math.min(Math.max(interval, cacheMaxAgeMs ?? 0), Math.max(cap, interval));
  } else {
    // 2^failures grows past the cap quickly; clamp the exponent to keep the arithmetic finite.
    delay = Math.min(interval * 2 ** Math.min(consecutiveFailures, 30), Math.max(cap, interval));
  }
  if (retryAfterMs !== null && retryAfterMs > delay) delay = Math.min(retryAfterMs, Math.max(cap, interval));
  return new Date(now.getTime() + delay);
}
