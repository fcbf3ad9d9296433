import { PgBoss, type JobResult } from 'pg-boss';

import { deadLetterQueueOf, JOBS } from '@wirelens/core/jobs';
import type { DbClient } from '@wirelens/db';
import type { AnalyzerSet } from '@wirelens/services/analysis';
import type { IngestConfig } from '@wirelens/services/fetch';
import {
  createQueueErrorLog,
  ensureQueues,
  jobQueueOf,
  QUEUE_SCHEMA,
  type JobQueue,
} from '@wirelens/services/queue';
import type { WebhookConfig } from '@wirelens/services/webhooks';

import { DEFAULT_ANALYSIS_BATCH, DEFAULT_LEARN_EVERY } from './env.js';
import { HANDLERS, type BatchItem, type JobHandler, type WorkerEmail } from './jobs/index.js';
import { logger } from './logger.js';
import { createWorkerMetrics, type WorkerMetrics } from './worker-metrics.js';

export interface RunWorkerOptions {
  connectionString: string;
  db: DbClient;
  ingest: IngestConfig;
  analyzers: AnalyzerSet;
  /** Jobs one process runs at once, per job kind (WORKER_CONCURRENCY). */
  concurrency: number;
  /** Jobs a batch handler (analysis) takes per fetch and works together (WORKER_ANALYSIS_BATCH). */
  batchSize?: number;
  /** WIRELENS_RETENTION_DAYS (default: keep everything). */
  retentionDays?: number | null;
  /** WIRELENS_LEARN_EVERY (default 50). */
  learnEvery?: number;
  /** SMTP and link settings with their mailer; null (default): e-mail jobs complete without sending. */
  email?: WorkerEmail | null;
  /** Which jobs this process works (default: all of them; none gives a queue-only process). */
  handlers?: readonly JobHandler[];
  /** How often pg-boss looks for expired or abandoned jobs (default 30 s). */
  superviseIntervalSeconds?: number;
  /** Where job, fetch and analysis figures go (default: a registry of this worker's own). */
  metrics?: WorkerMetrics;
  /** Webhook delivery settings (default: the ingest allow-list, links to http://127.0.0.1:4000, 10 s attempts). */
  webhooks?: WebhookConfig;
}

export interface RunningWorker {
  boss: PgBoss;
  jobs: JobQueue;
  metrics: WorkerMetrics;
  /**
   * Stops taking jobs and waits up to `graceMs` for the ones in hand. Jobs still running then are
   * failed back to the queue (another worker retries them) and their signals aborted, which
   * cancels their fetches and LLM calls.
   */
  stop(graceMs?: number): Promise<void>;
}

export async function runWorker({
  connectionString,
  db,
  ingest,
  analyzers,
  concurrency,
  batchSize = DEFAULT_ANALYSIS_BATCH,
  retentionDays = null,
  learnEvery = DEFAULT_LEARN_EVERY,
  email = null,
  handlers = HANDLERS,
  superviseIntervalSeconds = 30,
  metrics = createWorkerMetrics(db),
  webhooks = { allowHosts: ingest.allowHosts, publicUrl: 'http://127.0.0.1:4000', timeoutMs: 10_000 },
}: RunWorkerOptions): Promise<RunningWorker> {
  const boss = new PgBoss({
    connectionString,
    schema: QUEUE_SCHEMA,
    superviseIntervalSeconds,
    monitorIntervalSeconds: superviseIntervalSeconds,
    // Wakes workers of the queues whose definitions ask for it (alerts) when a job is queued.
    useListenNotify: true,
  });
  boss.on('error', createQueueErrorLog({ log: logger, probe: () => db.$queryRaw`SELECT 1` }));
  await boss.start();
  await ensureQueues(boss);
  const jobs = jobQueueOf(boss);
  for (const handler of handlers) {
    const { job } = handler;
    if (job.cron) await boss.schedule(job.name, job.cron, {}, { singletonKey: job.name });
    const localConcurrency = handler.concurrency === 'single' ? 1 : concurrency;
    const dependencies = { db, jobs, ingest, analyzers, retentionDays, metrics, learnEvery, email, webhooks };
    // A batch handler takes up to batchSize jobs per fetch (or its definition's), other jobs as many
    // as their definition says (default one); either fetches again at once while fetches come back full.
    const perFetch = job.fetch?.batchSize ?? (handler.handleMany ? batchSize : 1);
    const fetching = perFetch > 1 ? { batchSize: perFetch, burstWhenBatchFull: true } : {};
    // NOTIFY announces new jobs only, not retries or expired jobs coming back: poll as often as
    // the other queues (pg-boss's default for NOTIFY-woken queues is every 30 s).
    const polling = { notifyPollingIntervalSeconds: 2 };
    await boss.work(
      job.name,
      { localConcurrency, perJobResults: true, ...polling, ...fetching },
      async (batch) => {
        const results: JobResult[] = [];
        const valid: BatchItem[] = [];
        for (const item of batch) {
          const log = logger.child({ job: job.name, jobId: item.id });
          const parsed = job.payload.safeParse(item.data);
          if (!parsed.success) {
            // A payload that can never be valid is not retried.
            log.error(`invalid payload, moved to ${deadLetterQueueOf(job)}`);
            metrics.jobFinished(job.name, 'invalid', 0);
            results.push({ id: item.id, status: 'deadletter', output: { error: parsed.error.message } });
            continue;
          }
          valid.push({
            payload: parsed.data,
            signal: item.signal,
            jobId: item.id,
            log,
            retryCount: item.retryCount,
          });
        }
        const started = performance.now();
        const seconds = () => (performance.now() - started) / 1000;
        if (handler.handleMany && valid.length > 0) {
          // Each job settles on its own: a failed one is retried or dead-lettered, the others complete.
          // A handler that throws (e.g. one transaction for the whole batch) fails every job of it.
          const errors = await handler.handleMany(valid, dependencies).catch((error: unknown) => {
            const failure = error instanceof Error ? error : new Error(String(error));
            return valid.map(() => failure);
          });
          for (const [i, item] of valid.entries()) {
            const error = errors[i];
            if (error) {
              metrics.jobFinished(job.name, 'failed', seconds());
              item.log.warn(`failed: ${error.message}`);
              results.push({ id: item.jobId, status: 'failed', output: { error: errorText(error) } });
            } else {
              metrics.jobFinished(job.name, 'completed', seconds());
              results.push({ id: item.jobId, status: 'completed' });
            }
          }
          return results;
        }
        // Jobs of one fetch run side by side (a slow webhook receiver does not hold up the others);
        // each settles on its own.
        const settled = await Promise.all(
          valid.map(async (item): Promise<JobResult> => {
            const itemStarted = performance.now();
            const itemSeconds = () => (performance.now() - itemStarted) / 1000;
            try {
              await handler.handle(item.payload, { ...dependencies, ...item });
            } catch (error) {
              metrics.jobFinished(job.name, 'failed', itemSeconds());
              if (item.signal.aborted) {
                item.log.warn('cancelled (the worker is stopping or lost its claim); the queue retries it');
              }
              const failure = error instanceof Error ? error : new Error(String(error));
              return { id: item.jobId, status: 'failed', output: { error: errorText(failure) } };
            }
            metrics.jobFinished(job.name, 'completed', itemSeconds());
            return { id: item.jobId, status: 'completed' };
          }),
        );
        return [...results, ...settled];
      },
    );
  }
  return {
    boss,
    jobs,
    metrics,
    async stop(graceMs = 25_000) {
      await boss.stop({ graceful: true, timeout: graceMs, close: true });
      email?.mailer.close();
    },
  };
}

function errorText(error: Error): string {
  return error.stack ?? error.message;
}

/**
 * Work to start with: a poll now instead of at the first minute boundary of the schedule, and
 * re-sanitising article HTML an older sanitiser stored (a no-op when there is none), so a sanitiser
 * fix reaches old rows after an upgrade without holding up the start.
 */
export async function queueStartupWork(worker: RunningWorker): Promise<void> {
  await worker.jobs.send(JOBS.pollSources, {}, { singletonKey: JOBS.pollSources.name });
  await worker.jobs.send(JOBS.resanitizeArticles, {}, { singletonKey: JOBS.resanitizeArticles.name });
}
