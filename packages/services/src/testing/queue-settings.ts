import { expect } from 'vitest';

import { deadLetterQueueOf, JOBS } from '@wirelens/core/jobs';
import type { DbClient } from '@wirelens/db';

import { QUEUE_SCHEMA } from '../queue/ensure-queues.js';

export interface QueueSettings {
  policy: string;
  retryLimit: number;
  retryDelay: number;
  retryBackoff: boolean;
  expireInSeconds: number;
  heartbeatSeconds: number | null;
  deadLetter: string | null;
}

/** Every queue as pg-boss stored it, by name (dead-letter queues included). */
export async function readQueueSettings(db: DbClient): Promise<Record<string, QueueSettings>> {
  const rows = await db.$queryRawUnsafe<(QueueSettings & { name: string })[]>(
    `SELECT name, policy, retry_limit AS "retryLimit", retry_delay AS "retryDelay", retry_backoff AS "retryBackoff",
            expire_seconds AS "expireInSeconds", heartbeat_seconds AS "heartbeatSeconds", dead_letter AS "deadLetter"
     FROM ${QUEUE_SCHEMA}.queue`,
  );
  return Object.fromEntries(rows.map(({ name, ...settings }) => [name, settings]));
}

/** What every queue of JOBS must look like, and that its dead-letter queue exists. */
export function expectedQueueSettings(): Record<string, unknown> {
  return Object.fromEntries(
    Object.values(JOBS).flatMap((job) => [
      [
        job.name,
        {
          policy: job.queue.policy,
          retryLimit: job.queue.retryLimit,
          retryDelay: job.queue.retryDelaySeconds,
          retryBackoff: job.queue.retryBackoff,
          expireInSeconds: job.queue.expireInSeconds,
          heartbeatSeconds: job.queue.heartbeatSeconds,
          deadLetter: deadLetterQueueOf(job),
        },
      ],
      // A dead-letter queue only has to exist, and must not dead-letter further.
      [deadLetterQueueOf(job), expect.objectContaining({ deadLetter: null })],
    ]),
  );
}
