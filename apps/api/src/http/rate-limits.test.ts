import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { deleteFullRateLimitBuckets } from '@wirelens/db/repositories';
import { createTestDatabase, type TestDatabase } from '@wirelens/db/testing';

import { createRateLimits } from './rate-limits.js';

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database.drop();
});

/** Moves every bucket's last update back in time, as if `seconds` had passed. */
async function age(seconds: number): Promise<void> {
  await database.db
    .$executeRaw`UPDATE "RateLimitBucket" SET "updatedAt" = "updatedAt" - make_interval(secs => ${seconds})`;
}

describe('rate limits in PostgreSQL', () => {
  it('allows a burst, asks to wait until a token refills, and counts two API processes as one', async () => {
    const rule = { capacity: 3, refillPerSecond: 0.01 };
    // Two limiters on one database stand for two API processes behind a load balancer.
    const a = createRateLimits(database.db, { login: rule });
    const b = createRateLimits(database.db, { login: rule });
    try {
      const waits = [await a.login('192.0.2.1'), await b.login('192.0.2.1'), await a.login('192.0.2.1')];
      expect(waits).toEqual([0, 0, 0]);
      const refused = await b.login('192.0.2.1');
      // One token every 100 s, nearly nothing refilled yet.
      expect(refused).toBeGreaterThan(90);
      expect(refused).toBeLessThanOrEqual(100);
      expect(await a.login('192.0.2.2')).toBe(0);
      await age(100);
      expect(await b.login('192.0.2.1')).toBe(0);
      expect(await a.login('192.0.2.1')).toBeGreaterThan(90);
    } finally {
      a.close();
      b.close();
    }
  });

  it('limits per IP and per token, keeping no usable secret, and forgets buckets that have refilled', async () => {
    const limits = createRateLimits(database.db, {
      perIp: { capacity: 5, refillPerSecond: 1 },
      perToken: { capacity: 2, refillPerSecond: 0.5 },
    });
    try {
      const client = { ip: '198.51.100.9', token: 'wl_secret-token-value' };
      expect([await limits.request(client), await limits.request(client)]).toEqual([0, 0]);
      // The token's bucket is empty although the IP still has tokens: the longer wait wins.
      expect(await limits.request(client)).toBe(2);
      expect(await limits.request({ ip: client.ip, token: null })).toBe(0);
      const keys = await database.db.rateLimitBucket.findMany({ select: { key: true } });
      expect(JSON.stringify(keys)).not.toContain('secret-token');
      expect(keys.map(({ key }) => key)).toContain('ip:198.51.100.9');

      const before = await database.db.rateLimitBucket.count();
      await age(3600);
      expect(await deleteFullRateLimitBuckets(database.db)).toBe(before);
      expect(await database.db.rateLimitBucket.count()).toBe(0);
      expect(await limits.request(client)).toBe(0);
    } finally {
      limits.close();
    }
  });
});
