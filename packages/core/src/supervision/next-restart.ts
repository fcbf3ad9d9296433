/** When a supervised process that crashed comes back: soon at first, slower while it keeps crashing, never after too many. */
export interface RestartPolicy {
  /** This many crashes within `windowMs` and the supervisor gives up. */
  maxCrashes: number;
  windowMs: number;
  /** Wait before the first restart; doubled for each further crash within the window. */
  baseDelayMs: number;
  maxDelayMs: number;
}

export const defaultRestartPolicy: RestartPolicy = {
  maxCrashes: 5,
  windowMs: 60_000,
  baseDelayMs: 500,
  maxDelayMs: 15_000,
};

export type RestartDecision =
  | { action: 'restart'; delayMs: number; recentCrashes: number }
  | { action: 'give-up'; recentCrashes: number };

/** `crashes`: when the process crashed (ms since the epoch), the latest one included. */
export function nextRestart({
  crashes,
  now,
  policy = defaultRestartPolicy,
}: {
  crashes: readonly number[];
  now: number;
  policy?: RestartPolicy;
}): RestartDecision {
  const recentCrashes = crashes.filter((at) => now - at < policy.windowMs).length;
  if (recentCrashes >= policy.maxCrashes) return { action: 'give-up', recentCrashes };
  const delayMs = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, recentCrashes - 1));
  return { action: 'restart', delayMs, recentCrashes };
}
