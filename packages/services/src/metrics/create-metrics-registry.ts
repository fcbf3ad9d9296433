import { collectDefaultMetrics, Gauge, Registry } from 'prom-client';

import { poolStats, type DbClient } from '@wirelens/db';

export interface CreateMetricsRegistryOptions {
  db: DbClient;
  /** Which process this is (`api` or `worker`): a label on every series. */
  component: 'api' | 'worker';
}

/**
 * A Prometheus registry for one Wirelens process: Node's process metrics (CPU, memory, event-loop
 * lag, GC) and the database pool, every series labelled with the component. Each process exposes
 * its own registry; what the processes share (the queue) is read from PostgreSQL by the API.
 */
export function createMetricsRegistry({ db, component }: CreateMetricsRegistryOptions): Registry {
  const registry = new Registry();
  registry.setDefaultLabels({ component });
  collectDefaultMetrics({ register: registry, prefix: 'wirelens_' });
  new Gauge({
    name: 'wirelens_db_pool_connections',
    help: 'Database pool connections by state (in_use, idle), queries waiting for one, and the pool size',
    labelNames: ['state'],
    registers: [registry],
    collect() {
      const stats = poolStats(db);
      if (!stats) return;
      this.set({ state: 'in_use' }, stats.total - stats.idle);
      this.set({ state: 'idle' }, stats.idle);
      this.set({ state: 'waiting' }, stats.waiting);
      this.set({ state: 'max' }, stats.max);
    },
  });
  return registry;
}
