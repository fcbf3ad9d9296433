import { readRows, type DbClient } from '../client.js';
import { Prisma } from '../generated/prisma/client.js';

/** One bucket to take a token from: its key and its rule (burst size, tokens added per second). */
export interface BucketTake {
  key: string;
  capacity: number;
  refillPerSecond: number;
}

// Timestamps are stored without a zone, in UTC (as Prisma writes them); the database's clock is the only
// clock, so API processes on machines whose clocks disagree still share one bucket.
const NOW = Prisma.sql`(now() AT TIME ZONE 'UTC')`;

/**
 * Takes one token from each bucket in a single statement (an upsert on an UNLOGGED table), so every API
 * process counts against the same buckets. A bucket refills continuously up to its capacity; a request
 * finding less than one token takes nothing. Returns, per bucket in the order given, 0 when the token
 * was taken, else the whole seconds until one will be there.
 */
export async function takeRateLimitTokens(db: DbClient, takes: readonly BucketTake[]): Promise<number[]> {
  if (takes.length === 0) return [];
  // Rows are locked in key order, so two requests sharing two buckets never wait on each other in a cycle.
  const sorted = [...takes].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const level = Prisma.sql`LEAST(EXCLUDED."capacity", b."tokens"
    + GREATEST(0, EXTRACT(EPOCH FROM (EXCLUDED."updatedAt" - b."updatedAt"))) * EXCLUDED."refillPerSecond")`;
  const rows = await readRows<{ key: string; wait: number }>(
    db,
    Prisma.sql`INSERT INTO "RateLimitBucket" AS b ("key", "tokens", "capacity", "refillPerSecond", "allowed", "updatedAt")
    SELECT t.key, t.capacity - 1, t.capacity, t.refill, true, ${NOW}
    FROM unnest(${sorted.map((take) => take.key)}::text[], ${sorted.map((take) => take.capacity)}::float8[],
      ${sorted.map((take) => take.refillPerSecond)}::float8[]) AS t(key, capacity, refill)
    ON CONFLICT ("key") DO UPDATE SET
      "tokens" = CASE WHEN ${level} >= 1 THEN ${level} - 1 ELSE ${level} END,
      "allowed" = ${level} >= 1,
      "capacity" = EXCLUDED."capacity",
      "refillPerSecond" = EXCLUDED."refillPerSecond",
      "updatedAt" = EXCLUDED."updatedAt"
    RETURNING "key", CASE WHEN "allowed" THEN 0
      ELSE GREATEST(1, CEIL((1 - "tokens") / "refillPerSecond"))::int END AS wait`,
  );
  const waits = new Map(rows.map((row) => [row.key, row.wait]));
  return takes.map((take) => waits.get(take.key) ?? 0);
}

/** Deletes the buckets that have refilled (idle keys: a fresh bucket is the same), so the table stays small. */
export async function deleteFullRateLimitBuckets(db: DbClient): Promise<number> {
  return db.$executeRaw(
    Prisma.sql`DELETE FROM "RateLimitBucket"
    WHERE "tokens" + EXTRACT(EPOCH FROM (${NOW} - "updatedAt")) * "refillPerSecond" >= "capacity"`,
  );
}
