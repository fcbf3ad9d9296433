import { Counter, Histogram, type Registry } from 'prom-client';

import type { DbClient } from '@wirelens/db';
import { createMetricsRegistry } from '@wirelens/services/metrics';

export interface WorkerMetrics {
  registry: Registry;
  /** A job finished: `completed`, `failed` (will be retried or dead-lettered) or `invalid` (bad payload). */
  jobFinished(job: string, outcome: 'completed' | 'failed' | 'invalid', seconds: number): void;
  /** A source fetch ended: `ok`, `not-modified`, `failed` or `skipped`. */
  fetched(sourceId: number, outcome: string): void;
  /** An analysis was stored; `fallback` names why the built-in analyzer answered for the LLM, if it did. */
  analyzed(analyzer: string, fallback: string | null): void;
}

/**
 * The worker's metrics: job duration and outcome per job, fetch results per source, analyses per
 * analyzer and LLM fall-backs, plus process and pool. Served on WORKER_METRICS_PORT.
 */
export function createWorkerMetrics(db: DbClient): WorkerMetrics {
  const registry = createMetricsRegistry({ db, component: 'worker' });
  const jobs = new Histogram({
    name: 'wirelens_job_duration_seconds',
    help: 'Jobs run by this worker, by job name and outcome',
    labelNames: ['job', 'outcome'],
    buckets: [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120],
    registers: [registry],
  });
  const fetches = new Counter({
    name: 'wirelens_source_fetches_total',
    help: 'Source fetches by source id and result (ok, not-modified, failed, skipped)',
    labelNames: ['source', 'result'],
    registers: [registry],
  });
  const analyses = new Counter({
    name: 'wirelens_analyses_total',
    help: 'Analyses stored, by the analyzer that produced them',
    labelNames: ['analyzer'],
    registers: [registry],
  });
  const fallbacks = new Counter({
    name: 'wirelens_analysis_fallbacks_total',
    help: 'Analyses the built-in analyzer answered because the LLM could not, by reason',
    labelNames: ['reason'],
    registers: [registry],
  });
  return {
    registry,
    jobFinished: (job, outcome, seconds) => jobs.observe({ job, outcome }, seconds),
    fetched: (sourceId, result) => fetches.inc({ source: String(sourceId), result }),
    analyzed(analyzer, fallback) {
      analyses.inc({ analyzer });
      // A reason reads `<kind>: <detail>`; the kind (timeout, http, invalid-output …) is the label.
      if (fallback) fallbacks.inc({ reason: (fallback.split(':')[0] ?? fallback).slice(0, 40) });
    },
  };
}
