import { currentWalLsn, parseLsn, pendingMigrations, replayedWalLsn, type DbClient } from '@wirelens/db';

import type { RouteHandler } from './routes.js';
import { sendJson } from './send-json.js';

const CHECK_TIMEOUT_MS = 5000;

/** How the read replica looks to /readyz: reachable and how far behind, or unreachable. */
type ReplicaReadiness = { status: 'up'; replayLsn: string | null; lagBytes: number } | { status: 'down' };

function withinTimeout<T>(work: Promise<T>): Promise<T> {
  return Promise.race([
    work,
    new Promise<never>((_, reject) =>
      setTimeout(() => reject(new Error('timeout')), CHECK_TIMEOUT_MS).unref(),
    ),
  ]);
}

/**
 * The replica's WAL replay position against the primary's current one. lagBytes is 0 when the replica
 * is not a standby (a pooler in front of the primary, say: as current as the primary).
 */
async function replicaReadiness(primary: DbClient, replica: DbClient): Promise<ReplicaReadiness> {
  try {
    const [replayed, current] = await withinTimeout(
      Promise.all([replayedWalLsn(replica), currentWalLsn(primary)]),
    );
    const behind = replayed === null ? 0n : (parseLsn(current) ?? 0n) - (parseLsn(replayed) ?? 0n);
    return { status: 'up', replayLsn: replayed, lagBytes: Number(behind > 0n ? behind : 0n) };
  } catch {
    return { status: 'down' };
  }
}

/**
 * /readyz: 200 when this API can serve — the database answers within 5 s and its schema has every
 * migration this build ships — else 503 with the reason. /healthz stays the liveness check.
 * With a read replica (DATABASE_REPLICA_URL) the answer says whether it is reachable and how many
 * bytes of WAL it has still to replay; an unreachable replica does not make the API unready,
 * because queries then read the primary (read-replica.ts).
 */
export function createReadinessCheck(db: DbClient, replica: DbClient | null = null): RouteHandler {
  return async (_req, res) => {
    let pending: string[];
    try {
      pending = await withinTimeout(pendingMigrations({ db }));
    } catch {
      sendJson(res, 503, { status: 'unavailable', database: 'down' });
      return;
    }
    if (pending.length > 0) {
      sendJson(res, 503, { status: 'unavailable', database: 'up', migrations: 'pending', pending });
      return;
    }
    sendJson(res, 200, {
      status: 'ready',
      database: 'up',
      migrations: 'current',
      ...(replica ? { replica: await replicaReadiness(db, replica) } : {}),
    });
  };
}
