import type { PgBoss } from 'pg-boss';

import { deadLetterQueueOf, JOBS, type JobDefinition } from '@wirelens/core/jobs';

/** pg-boss's schema in the app database; the same for every process. */
export const QUEUE_SCHEMA = 'pgboss';

/**
 * Creates every queue and its dead-letter queue, or corrects an existing one, to its definition,
 * so it does not matter which process (API, CLI or worker) sent first or which version created
 * the queue. Safe to run from several processes at once: pg-boss creates queues with ON CONFLICT
 * DO NOTHING under an advisory lock, and the corrections write the same values.
 */
export async function ensureQueues(
  boss: PgBoss,
  jobs: readonly JobDefinition[] = Object.values(JOBS),
): Promise<void> {
  for (const job of jobs) {
    const deadLetter = deadLetterQueueOf(job);
    await boss.createQueue(deadLetter);
    const settings = {
      retryLimit: job.queue.retryLimit,
      retryDelay: job.queue.retryDelaySeconds,
      retryBackoff: job.queue.retryBackoff,
      expireInSeconds: job.queue.expireInSeconds,
      heartbeatSeconds: job.queue.heartbeatSeconds,
      deadLetter,
      notify: job.fetch?.notify ?? false,
    };
    const existing = await boss.getQueue(job.name);
    if (!existing) {
      const { heartbeatSeconds, ...rest } = settings;
      await boss.createQueue(job.name, {
        policy: job.queue.policy,
        ...rest,
        ...(heartbeatSeconds === null ? {} : { heartbeatSeconds }),
      });
      continue;
    }
    if (existing.policy !== job.queue.policy && !existing.partition) {
      // pg-boss refuses to change a policy through updateQueue(). In the shared job table the policy
      // is only a column copied onto each new job (the unique index of every policy already exists),
      // so setting it corrects a queue created with defaults (e.g. by an older API) for new jobs.
      await boss
        .getDb()
        .executeSql(`UPDATE ${QUEUE_SCHEMA}.queue SET policy = $2, updated_on = now() WHERE name = $1`, [
          job.name,
          job.queue.policy,
        ]);
    }
    const differs =
      existing.retryLimit !== settings.retryLimit ||
      existing.retryDelay !== settings.retryDelay ||
      existing.retryBackoff !== settings.retryBackoff ||
      existing.expireInSeconds !== settings.expireInSeconds ||
      (existing.heartbeatSeconds ?? null) !== settings.heartbeatSeconds ||
      existing.deadLetter !== deadLetter ||
      (existing.notify ?? false) !== settings.notify ||
      existing.policy !== job.queue.policy;
    // updateQueue also reloads this instance's queue cache, so the corrected policy is seen at once.
    if (differs) await boss.updateQueue(job.name, settings);
  }
}
