import { readRows, type DbClient } from './client.js';
import { Prisma } from './generated/prisma/client.js';

/** The primary's current WAL position ("16/B374D848"): every transaction committed so far lies before it. */
export async function currentWalLsn(primary: DbClient): Promise<string> {
  const [row] = await readRows<{ lsn: string }>(
    primary,
    Prisma.sql`SELECT pg_current_wal_lsn()::text AS lsn`,
  );
  return row?.lsn ?? '0/0';
}

/**
 * How far a streaming standby has replayed the primary's WAL, or null when the server is not a standby
 * (then it is as current as the primary).
 */
export async function replayedWalLsn(replica: DbClient): Promise<string | null> {
  const [row] = await readRows<{ lsn: string | null }>(
    replica,
    Prisma.sql`SELECT pg_last_wal_replay_lsn()::text AS lsn`,
  );
  return row?.lsn ?? null;
}

/** A WAL position ("hi/lo" in hex) as a number that orders like PostgreSQL's pg_lsn; null when malformed. */
export function parseLsn(lsn: string): bigint | null {
  const match = /^([0-9A-Fa-f]{1,8})\/([0-9A-Fa-f]{1,8})$/.exec(lsn);
  if (!match?.[1] || !match[2]) return null;
  return (BigInt(`0x${match[1]}`) << 32n) + BigInt(`0x${match[2]}`);
}
