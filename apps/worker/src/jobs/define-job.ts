import type { PgBoss } from 'pg-boss';
import type { z } from 'zod';

import type { DbClient } from '@wirelens/db';

export interface JobContext {
  db: DbClient;
  boss: PgBoss;
  signal: AbortSignal;
  jobId: string;
  /** 0 on the first attempt. */
  retryCount: number;
}

/**
 * A job is a name, a payload schema, a retry policy and a handler. The handler
 * gets a parsed payload (the raw one is `unknown` until the schema accepts it),
 * must be safe to run twice, and throws to ask for a retry.
 */
export interface JobDefinition<Schema extends z.ZodType = z.ZodType> {
  name: string;
  payload: Schema;
  retryLimit: number;
  retryDelaySeconds: number;
  retryBackoff: boolean;
  /** How long a running job may take before it is considered lost and retried. */
  expireInSeconds: number;
  /** Jobs a single worker process runs at once. */
  concurrency: number;
  /** pg-boss queue policy; `exclusive` keeps one queued-or-active job per singleton key. */
  policy?: 'standard' | 'exclusive' | 'singleton' | 'stately';
  /** A worker that dies holding this job loses it after this many seconds without a heartbeat (≥ 10). */
  heartbeatSeconds?: number;
  /** Cron expression for a periodic job (pg-boss schedule, minute resolution). */
  cron?: string;
  handle(payload: z.infer<Schema>, context: JobContext): Promise<void>;
}

export function defineJob<Schema extends z.ZodType>(
  definition: JobDefinition<Schema>,
): JobDefinition<Schema> {
  return definition;
}
