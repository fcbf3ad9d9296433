import { randomUUID } from 'node:crypto';

import type { DbClient } from '@wirelens/db';

/** Open live connections of every API process, counted in PostgreSQL so a per-user cap holds across replicas. */
export interface LiveConnections {
  /** Records a connection of `userId` unless they hold `limit` live ones already (any process): its id, or null. */
  open(userId: number, limit: number): Promise<string | null>;
  close(id: string): Promise<void>;
  /** Stops the heartbeat and forgets this process's connections. */
  stop(): Promise<void>;
}

export interface LiveConnectionsOptions {
  db: DbClient;
  /** A row whose heartbeat is older is ignored and deleted: its process died (default 30 s). */
  ttlMs?: number;
  /** How often this process refreshes its rows and deletes expired ones (default 10 s). */
  heartbeatMs?: number;
  onError?: (error: unknown) => void;
}

/**
 * One row per open connection in the UNLOGGED `LiveConnection` table, tagged with this process's random id.
 * `open` counts the user's live rows and inserts under a per-user transaction lock, so two processes
 * accepting the user's last allowed connection at the same moment cannot both succeed. Times are the
 * database's clock. A killed process's rows stop being refreshed and no longer count after `ttlMs`.
 */
export function createLiveConnections({
  db,
  ttlMs = 30_000,
  heartbeatMs = 10_000,
  onError = () => undefined,
}: LiveConnectionsOptions): LiveConnections {
  const processId = randomUUID();
  const ttl = `${ttlMs} milliseconds`;
  const heartbeat = setInterval(() => {
    db.$transaction([
      db.$executeRaw`UPDATE "LiveConnection" SET "heartbeatAt" = now() WHERE "process" = ${processId}`,
      db.$executeRaw`DELETE FROM "LiveConnection" WHERE "heartbeatAt" < now() - ${ttl}::interval`,
    ]).catch(onError);
  }, heartbeatMs);
  heartbeat.unref();
  return {
    open(userId, limit) {
      return db.$transaction(async (tx) => {
        await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('wirelens.live-connections'), ${userId}::int)`;
        const [{ open } = { open: 0 }] = await tx.$queryRaw<{ open: number }[]>`
          SELECT count(*)::int AS "open" FROM "LiveConnection"
           WHERE "userId" = ${userId} AND "heartbeatAt" >= now() - ${ttl}::interval`;
        if (open >= limit) return null;
        const id = randomUUID();
        await tx.$executeRaw`INSERT INTO "LiveConnection" ("id", "userId", "process", "heartbeatAt")
          VALUES (${id}, ${userId}, ${processId}, now())`;
        return id;
      });
    },
    async close(id) {
      await db.$executeRaw`DELETE FROM "LiveConnection" WHERE "id" = ${id}`;
    },
    async stop() {
      clearInterval(heartbeat);
      await db.$executeRaw`DELETE FROM "LiveConnection" WHERE "process" = ${processId}`;
    },
  };
}
