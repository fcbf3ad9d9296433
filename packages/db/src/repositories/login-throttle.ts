import type { LoginThrottleRule } from '@wirelens/core';

import { Prisma } from '../generated/prisma/client.js';
import type { Tx } from './types.js';

// Timestamps are stored without a zone, in UTC (as Prisma writes them).
const NOW = Prisma.sql`(now() AT TIME ZONE 'UTC')`;

/** Seconds until the lock on this key ends; 0 when it is not locked. */
export async function loginLockRemaining(tx: Tx, key: string): Promise<number> {
  const [row] = await tx.$queryRaw<{ seconds: number }[]>(
    Prisma.sql`SELECT CEIL(EXTRACT(EPOCH FROM ("lockedUntil" - ${NOW})))::int AS seconds
    FROM "LoginThrottle" WHERE "key" = ${key} AND "lockedUntil" > ${NOW}`,
  );
  return row ? Math.max(1, row.seconds) : 0;
}

/**
 * Counts one failed sign-in in a single statement (safe with several API processes): a new window starts
 * when the last one is over or its lock has ended, and the `maxFailures`-th failure in a window locks the
 * key for `lockSeconds`. True when this failure set the lock.
 */
export async function countLoginFailure(
  tx: Tx,
  { key, userId, rule }: { key: string; userId: number | null; rule: LoginThrottleRule },
): Promise<boolean> {
  const fresh = Prisma.sql`(t."windowStart" <= ${NOW} - make_interval(secs => ${rule.windowSeconds})
    OR t."lockedUntil" <= ${NOW})`;
  const failures = Prisma.sql`(CASE WHEN ${fresh} THEN 1 ELSE t."failures" + 1 END)`;
  const lockUntil = Prisma.sql`${NOW} + make_interval(secs => ${rule.lockSeconds})`;
  const [row] = await tx.$queryRaw<{ locked: boolean }[]>(
    Prisma.sql`INSERT INTO "LoginThrottle" AS t ("key", "userId", "failures", "windowStart", "lockedUntil")
    VALUES (${key}, ${userId}, 1, ${NOW}, CASE WHEN 1 >= ${rule.maxFailures} THEN ${lockUntil} END)
    ON CONFLICT ("key") DO UPDATE SET
      "userId" = EXCLUDED."userId",
      "failures" = ${failures},
      "windowStart" = CASE WHEN ${fresh} THEN ${NOW} ELSE t."windowStart" END,
      "lockedUntil" = CASE WHEN ${failures} >= ${rule.maxFailures} THEN ${lockUntil}
        WHEN ${fresh} THEN NULL ELSE t."lockedUntil" END
    RETURNING "failures" = ${rule.maxFailures} AS locked`,
  );
  // Forget keys nobody has tried for a day, so guessing at random addresses cannot grow the table for ever.
  await tx.$executeRaw(
    Prisma.sql`DELETE FROM "LoginThrottle" WHERE "windowStart" < ${NOW} - interval '1 day'
    AND ("lockedUntil" IS NULL OR "lockedUntil" < ${NOW})`,
  );
  return row?.locked ?? false;
}

/** Forgets the failures counted for a key (after a successful sign-in, a reset, or an admin's unlock). */
export async function clearLoginFailures(tx: Tx, key: string): Promise<void> {
  await tx.loginThrottle.deleteMany({ where: { key } });
}
