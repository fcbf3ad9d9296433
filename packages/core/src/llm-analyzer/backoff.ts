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

/** Waits `ms`, or rejects with the signal's reason as soon as it aborts. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason as Error);
      return;
    }
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason as Error);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
