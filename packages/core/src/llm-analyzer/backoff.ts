export interface BackoffPolicy {
  baseMs: number;
  maxMs: number;
  maxRetryAfterMs: number;
}

export const DEFAULT_BACKOFF: BackoffPolicy = { baseMs: 500, maxMs: 8_000, maxRetryAfterMs: 30_000 };

/**
 * Delay before retry number `retry` (0 = first retry): exponential, with
 * "equal jitter" — half of the step is fixed, half random — so clients that
 * failed together spread out without ever retrying immediately.
 */
export function backoffDelayMs(
  retry: number,
  policy: Pick<BackoffPolicy, 'baseMs' | 'maxMs'>,
  random: () => number = Math.random,
): number {
  const step = Math.min(policy.maxMs, policy.baseMs * 2 ** retry);
  return step / 2 + random() * (step / 2);
}

/** `Retry-After` as delta-seconds or an HTTP date, in ms from `now`; null when absent or unreadable. */
export function parseRetryAfterMs(value: string | null, now: number = Date.now()): number | null {
  if (value === null) return null;
  const trimmed = value.trim();
  if (trimmed === '') return null;
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Number(trimmed) * 1000;
  const at = Date.parse(trimmed);
  return Number.isNaN(at) ? null : Math.max(0, at - now);
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
