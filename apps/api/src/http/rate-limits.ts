import { createHash } from 'node:crypto';

import { RateLimiter, type RateLimitRule } from './token-bucket.js';

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
  request(client: { ip: string | null; token: string | null }): number;
  login(ip: string | null): number;
}

/** The API's limiters, built from one rule set; `false` turns them all off (benchmarks). */
export function createRateLimits(rules: Partial<RateLimitRules> | false): RateLimits {
  if (rules === false) return { request: () => 0, login: () => 0 };
  const { perToken, perIp, login } = { ...DEFAULT_RATE_LIMITS, ...rules };
  const tokens = new RateLimiter(perToken);
  const ips = new RateLimiter(perIp);
  const logins = new RateLimiter(login);
  return {
    request: ({ ip, token }) =>
      Math.max(
        ips.take(ip ?? 'unknown'),
        // Keyed by a hash so the limiter's memory never holds a usable secret.
        token ? tokens.take(createHash('sha256').update(token).digest('hex')) : 0,
      ),
    login: (ip) => logins.take(ip ?? 'unknown'),
  };
}
