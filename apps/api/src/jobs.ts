import { PgBoss } from 'pg-boss';

import { AppError } from '@wirelens/core';
import type { JobName } from '@wirelens/core/jobs';

/** The part of the queue the API needs: enqueue a job for the worker. */
export interface JobQueue {
  send(name: JobName, payload: Record<string, unknown>): Promise<string | null>;
  stop(): Promise<void>;
}

/** pg-boss in the same database and schema as the worker, which registers the handlers. */
export async function createPgBossQueue(
  connectionString: string,
  log: (message: string) => void,
): Promise<JobQueue> {
  const boss = new PgBoss({ connectionString, schema: 'pgboss', supervise: false, schedule: false });
  boss.on('error', (error: unknown) =>
    log(`queue: ${error instanceof Error ? error.message : String(error)}`),
  );
  await boss.start();
  const created = new Set<string>();
  return {
    async send(name, payload) {
      if (!created.has(name)) {
        // The worker creates queues with its retry policy; this only covers an API started first.
        if (!(await boss.getQueue(name))) await boss.createQueue(name).catch(() => undefined);
        created.add(name);
      }
      return boss.send(name, payload);
    },
    stop: () => boss.stop({ graceful: false, close: true }),
  };
}

/** For servers started without a queue: enqueueing fails with a clear message. */
export const noJobQueue: JobQueue = {
  send: () => Promise.reject(new AppError('CONFIG', 'No job queue is configured for this API server')),
  stop: () => Promise.resolve(),
};
