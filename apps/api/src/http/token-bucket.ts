/**
 * In-process token buckets. Each API process counts on its own: several instances behind a load
 * balancer each allow the full rate (acceptable for a self-hosted install; documented).
 */
export interface RateLimitRule {
  /** Burst size. */
  capacity: number;
  /** Tokens added per second. */
  refillPerSecond: number;
}

export class RateLimiter {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  constructor(
    private readonly rule: RateLimitRule,
    private readonly now: () => number = Date.now,
  ) {}

  /** Takes one token; returns 0 when allowed, else the seconds to wait. */
  take(key: string): number {
    const now = this.now();
    const bucket = this.buckets.get(key) ?? { tokens: this.rule.capacity, at: now };
    bucket.tokens = Math.min(
      this.rule.capacity,
      bucket.tokens + ((now - bucket.at) / 1000) * this.rule.refillPerSecond,
    );
    bucket.at = now;
    this.buckets.set(key, bucket);
    if (this.buckets.size > 50_000) this.prune(now);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return 0;
    }
    return Math.max(1, Math.ceil((1 - bucket.tokens) / this.rule.refillPerSecond));
  }

  /** Drops full buckets (idle keys) so memory stays bounded. */
  private prune(now: number): void {
    for (const [key, bucket] of this.buckets) {
      if (bucket.tokens + ((now - bucket.at) / 1000) * this.rule.refillPerSecond >= this.rule.capacity)
        this.buckets.delete(key);
    }
  }
}
