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
      const rows = await db.$queryRawUnsafe<{ name: string; state: string; jobs: number }[]>(
        `SELECT name, state::text AS state, count(*)::int AS jobs FROM ${QUEUE_SCHEMA}.job
         WHERE state IN (${OPEN_STATES.map((s) => `'${s}'`).join(', ')}) GROUP BY name, state`,
      );
      this.reset();
      const queues = (
        await db.$queryRawUnsafe<{ name: string }[]>(`SELECT name FROM ${QUEUE_SCHEMA}.queue`)
      ).map((q) => q.name);
      // Every queue shows every open state, zeros included, so a drained queue reads 0 rather than vanishing.
      for (const queue of queues) for (const state of OPEN_STATES) this.set({ queue, state }, 0);
      for (const row of rows) this.set({ queue: row.name, state: row.state }, row.jobs);
    },
  });
}
