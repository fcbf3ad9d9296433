import type { EmailConfig } from '@wirelens/core/email';
import type { JobDefinition, JobPayload } from '@wirelens/core/jobs';
import type { Logger } from '@wirelens/core/logging';
import type { DbClient } from '@wirelens/db';
import type { AnalyzerSet } from '@wirelens/services/analysis';
import type { Mailer } from '@wirelens/services/email';
import type { IngestConfig } from '@wirelens/services/fetch';
import type { JobQueue } from '@wirelens/services/queue';
import type { WebhookConfig } from '@wirelens/services/webhooks';

import type { WorkerMetrics } from '../worker-metrics.js';

/** What every handler may use: the process's database, queue and configured services. */
export interface WorkerDependencies {
  db: DbClient;
  jobs: JobQueue;
  ingest: IngestConfig;
  analyzers: AnalyzerSet;
  /** WIRELENS_RETENTION_DAYS: full text older than this is dropped; null keeps everything. */
  retentionDays: number | null;
  metrics: WorkerMetrics;
  /** WIRELENS_LEARN_EVERY: new editor decisions that make the periodic job train a model. */
  learnEvery: number;
  /** Webhook delivery: allowed hosts, public URL for links, attempt timeout. */
  webhooks: WebhookConfig;
  /** SMTP_URL and friends with their mailer; null when e-mail is off. */
  email: WorkerEmail | null;
}

export interface WorkerEmail {
  config: EmailConfig;
  mailer: Mailer;
}

export interface JobContext extends WorkerDependencies {
  /** Aborted when the worker stops and its grace period is over, or the job's claim is lost. */
  signal: AbortSignal;
  jobId: string;
  /** The worker's logger with the job's name and id on every line. */
  log: Logger;
  /** 0 on the first attempt. */
  retryCount: number;
}

/**
 * The worker side of a job: its definition (name, payload schema, queue policy; in core) and
 * what to do with a payload that passed the schema. A handler is safe to run twice, awaits
 * everything, passes `signal` on to network calls, and throws to ask for a retry.
 */
export interface JobHandler<Job extends JobDefinition = JobDefinition> {
  job: Job;
  /** Jobs one worker process runs at once: one, or WORKER_CONCURRENCY. */
  concurrency: 'single' | 'configured';
  handle(payload: JobPayload<Job>, context: JobContext): Promise<void>;
  /**
   * Set for jobs worth taking many at a time (WORKER_ANALYSIS_BATCH per fetch): works them
   * together and resolves with each one's error, or null when it succeeded, in their order. A job
   * that fails is retried (or dead-lettered) on its own; the others complete. Throwing fails every
   * job of the batch (what a handler writing the batch in one transaction wants).
   */
  handleMany?(items: BatchItem<Job>[], dependencies: WorkerDependencies): Promise<(Error | null)[]>;
}

/** One job of a batch: its payload and what JobContext gives a single job. */
export interface BatchItem<Job extends JobDefinition = JobDefinition> extends Pick<
  JobContext,
  'signal' | 'jobId' | 'log' | 'retryCount'
> {
  payload: JobPayload<Job>;
}

export function defineHandler<Job extends JobDefinition>(handler: JobHandler<Job>): JobHandler<Job> {
  return handler;
}
