import { PgBoss } from 'pg-boss';
import type { DbClient } from '@wirelens/db';
import type { JobDefinition } from './jobs/define-job.js';
import { logger } from './logger.js';

export interface RunWorkerOptions {
  connectionString: string;
  db: DbClient;
  jobs: JobDefinition[];
}

export interface RunningWorker {
  boss: PgBoss;
  /** Stops taking jobs, waits for the ones in hand (up to `timeoutMs`), then closes. */
  stop(timeoutMs?: number): Promise<void>;
}

export async function runWorker({ connectionString, db, jobs }: RunWorkerOptions): Promise<RunningWorker> {
  const boss = new PgBoss({ connectionString, schema: 'pgboss' });
  boss.on('error', (error: unknown) => logger.error(`queue: ${error instanceof Error ? error.message : String(error)}`));
  await boss.start();
  for (const job of jobs) {
    const deadLetter = `${job.name}.dead`;
    await boss.createQueue(deadLetter).catch(() => undefined);
    await boss
      .createQueue(job.name, {
        retryLimit: job.retryLimit,
        retryDelay: job.retryDelaySeconds,
        retryBackoff: job.retryBackoff,
        expireInSeconds: job.expireInSeconds,
        deadLetter,
      })
      .catch(() => undefined);
    await boss.work(job.name, { localConcurrency: job.concurrency }, async (batch) => {
      for (const item of batch) {
        const parsed = job.payload.safeParse(item.data);
        if (!parsed.success) {
          // A payload that can never be valid should not be retried: fail it to the dead-letter queue.
          throw new Error(`invalid payload for ${job.name}: ${parsed.error.message}`);
        }
        await job.handle(parsed.data, { db, boss, signal: item.signal, jobId: item.id, retryCount: item.retryCount });
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
