import { Gauge, type Registry } from 'prom-client';

import type { DbClient } from '@wirelens/db';

import { QUEUE_SCHEMA } from '../queue/ensure-queues.js';

/** States of a job that is not finished yet. */
const OPEN_STATES = ['created', 'retry', 'active'] as const;

/**
 * Queue depth per queue and state, read from pg-boss's table at scrape time, so it is right
 * whichever worker took or queued the jobs. Finished jobs are not counted (pg-boss archives them).
 */
export function registerQueueMetrics(registry: Registry, db: DbClient): void {
  new Gauge({
    name: 'wirelens_queue_jobs',
    help: 'Jobs waiting (created), waiting to retry (retry) or running (active), per queue',
    labelNames: ['queue', 'state'],
    registers: [registry],
    async collect() {
      // One statement: every queue with every open state, zeros included, so a drained queue reads 0
      // rather than vanishing.
      const rows = await db.$queryRawUnsafe<{ name: string; state: string; jobs: number }[]>(
        `SELECT q.name, s.state, count(j.id)::int AS jobs
         FROM ${QUEUE_SCHEMA}.queue q
         CROSS JOIN unnest(ARRAY[${OPEN_STATES.map((state) => `'${state}'`).join(', ')}]) AS s(state)
         LEFT JOIN ${QUEUE_SCHEMA}.job j ON j.name = q.name AND j.state::text = s.state
         GROUP BY q.name, s.state`,
      );
      this.reset();
      for (const row of rows) this.set({ queue: row.name, state: row.state }, row.jobs);
    },
  });
}
