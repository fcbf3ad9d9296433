import { createHash } from 'node:crypto';

import type { DbClient } from '@wirelens/db';
import { deleteFullRateLimitBuckets, takeRateLimitTokens } from '@wirelens/db/repositories';

export interface RateLimitRule {
  /** Burst size. */
  capacity: number;
  /** Tokens added per second. */
  refillPerSecond: number;
}

export interface RateLimitRules {
  perToken: RateLimitRule;
  perIp: RateLimitRule;
  /** Sign-in attempts per client IP (password guessing). */
  login: RateLimitRule;
}

/**
 * 10 requests/s sustained with bursts of 120 per token; 20/s with bursts of 300 per IP;
 * 10 sign-in attempts per IP, then one every 6 seconds.
 */
export const DEFAULT_RATE_LIMITS: RateLimitRules = {
  perToken: { capacity: 120, refillPerSecond: 10 },
  perIp: { capacity: 300, refillPerSecond: 20 },
  login: { capacity: 10, refillPerSecond: 1 / 6 },
};

/** Each answer is the seconds to wait before trying again; 0 lets the request through. */
export interface RateLimits {
  request(client: { ip: string | null; token: string | null }): Promise<number>;
  login(ip: string | null): Promise<number>;
  /** Stops the periodic clean-up. */
  close(): void;
}

/** How often each API process deletes the buckets that have refilled. */
const CLEANUP_INTERVAL_MS = 60_000;

/**
 * The API's limiters, built from one rule set; `false` turns them all off (benchmarks). The buckets live
 * in PostgreSQL, so API processes behind a load balancer limit as one: one statement per request.
 */
export function createRateLimits(db: DbClient, rules: Partial<RateLimitRules> | false): RateLimits {
  if (rules === false)
    return { request: () => Promise.resolve(0), login: () => Promise.resolve(0), close() {} };
  const { perToken, perIp, login } = { ...DEFAULT_RATE_LIMITS, ...rules };
  const cleanup = setInterval(() => {
    deleteFullRateLimitBuckets(db).catch(() => undefined);
  }, CLEANUP_INTERVAL_MS);
  cleanup.unref();
  return {
    async request({ ip, token }) {
      const waits = await takeRateLimitTokens(db, [
        { key: `ip:${ip ?? 'unknown'}`, ...perIp },
        // Keyed by a hash so the table never holds a usable secret.
        ...(token ? [{ key: `token:${createHash('sha256').update(token).digest('hex')}`, ...perToken }] : []),
      ]);
      return Math.max(0, ...waits);
    },
    async login(ip) {
      const [wait = 0] = await takeRateLimitTokens(db, [{ key: `login:${ip ?? 'unknown'}`, ...login }]);
      return wait;
    },
    close: () => clearInterval(cleanup),
  };
}
