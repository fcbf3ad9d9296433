import { PgBoss } from 'pg-boss';

import { JOBS } from '@wirelens/core';
import type { DbClient } from '@wirelens/db';

import type { JobDefinition } from './jobs/define-job.js';
import { logger } from './logger.js';

export interface RunWorkerOptions {
  connectionString: string;
  db: DbClient;
  jobs: JobDefinition[];
  /** How often pg-boss looks for expired or abandoned jobs (default 30 s). */
  superviseIntervalSeconds?: number;
}

export interface RunningWorker {
  boss: PgBoss;
  /** Stops taking jobs, waits for the ones in hand (up to `timeoutMs`), then closes. */
  stop(timeoutMs?: number): Promise<void>;
}

/**
 * Creates every queue the app uses, with its retry policy and a dead-letter queue,
 * including those whose handlers are not in `jobs`, so producers can always send.
 */
export async function ensureQueues(boss: PgBoss, jobs: JobDefinition[]): Promise<void> {
  const existing = new Set((await boss.getQueues()).map((queue) => queue.name));
  const byName = new Map(jobs.map((job) => [job.name, job]));
  for (const { name } of Object.values(JOBS)) {
    const job = byName.get(name);
    const deadLetter = `${name}__dead`;
    if (!existing.has(deadLetter)) await boss.createQueue(deadLetter).catch(ignoreExists);
    if (existing.has(name)) continue;
    await boss
      .createQueue(name, {
        policy: job?.policy ?? 'standard',
        retryLimit: job?.retryLimit ?? 3,
        retryDelay: job?.retryDelaySeconds ?? 30,
        retryBackoff: job?.retryBackoff ?? true,
        expireInSeconds: job?.expireInSeconds ?? 300,
        ...(job?.heartbeatSeconds ? { heartbeatSeconds: job.heartbeatSeconds } : {}),
        deadLetter,
      })
      .catch(ignoreExists);
  }
}

// Two workers starting at once may both create a queue; the loser's error is harmless.
function ignoreExists(error: unknown): void {
  if (!(error instanceof Error) || !/already exists|duplicate key/i.test(error.message)) throw error;
}

export async function runWorker({
  connectionString,
  db,
  jobs,
  superviseIntervalSeconds = 30,
}: RunWorkerOptions): Promise<RunningWorker> {
  const boss = new PgBoss({
    connectionString,
    schema: 'pgboss',
    superviseIntervalSeconds,
    monitorIntervalSeconds: superviseIntervalSeconds,
  });
  boss.on('error', (error: unknown) =>
    logger.error(`queue: ${error instanceof Error ? error.message : String(error)}`),
  );
  await boss.start();
  await ensureQueues(boss, jobs);
  for (const job of jobs) {
    if (job.cron) await boss.schedule(job.name, job.cron, {}, { singletonKey: job.name });
    await boss.work(job.name, { localConcurrency: job.concurrency }, async (batch) => {
      for (const item of batch) {
        const parsed = job.payload.safeParse(item.data);
        if (!parsed.success) {
          // A payload that can never be valid should not be retried: fail it to the dead-letter queue.
          throw new Error(`invalid payload for ${job.name}: ${parsed.error.message}`);
        }
        await job.handle(parsed.data, {
          db,
          boss,
          signal: item.signal,
          jobId: item.id,
          retryCount: item.retryCount,
        });
      }
    });
  }
  return {
    boss,
    async stop(timeoutMs = 25_000) {
      await boss.stop({ graceful: true, timeout: timeoutMs, close: true });
    },
  };
}
