import { PgBoss, type Db } from 'pg-boss';

import { AppError } from '@wirelens/core';
import type { JobDefinition, JobInput } from '@wirelens/core/jobs';
import type { Tx } from '@wirelens/db/repositories';

import { ensureQueues, QUEUE_SCHEMA } from './ensure-queues.js';

export interface SendOptions {
  /** Insert the job in this transaction: it exists exactly when the change that asked for it commits. */
  tx?: Tx;
  /** With the `exclusive` policy, one queued-or-active job per key (e.g. one fetch per source). */
  singletonKey?: string;
  /** Not before this time (e.g. a receiver's Retry-After). */
  startAfter?: Date;
}

/** How every process puts work on the queue: typed and validated by the job's definition. */
export interface JobQueue {
  /** Queues one job; null when the queue policy kept an equal job that is already waiting. */
  send<Job extends JobDefinition>(
    job: Job,
    payload: JobInput<Job>,
    options?: SendOptions,
  ): Promise<string | null>;
  /** Queues several jobs of one kind in one statement. */
  sendMany<Job extends JobDefinition>(
    job: Job,
    items: { payload: JobInput<Job>; singletonKey?: string }[],
    options?: Pick<SendOptions, 'tx'>,
  ): Promise<void>;
  stop(): Promise<void>;
}

/** pg-boss runs its statements through the caller's Prisma transaction. */
function transactionDb(tx: Tx): Db {
  return {
    executeSql: async (text, values = []) => ({ rows: await tx.$queryRawUnsafe<unknown[]>(text, ...values) }),
  };
}

function validPayload<Job extends JobDefinition>(job: Job, payload: JobInput<Job>): object {
  const parsed = job.payload.safeParse(payload);
  if (!parsed.success) {
    throw new AppError('INTERNAL', `Invalid payload for ${job.name}: ${parsed.error.message}`);
  }
  return parsed.data as object;
}

/** A JobQueue over a started pg-boss (the worker's, which also works the queues). */
export function jobQueueOf(boss: PgBoss): JobQueue {
  return {
    async send(job, payload, { tx, singletonKey, startAfter } = {}) {
      return boss.send(job.name, validPayload(job, payload), {
        ...(singletonKey ? { singletonKey } : {}),
        ...(startAfter ? { startAfter } : {}),
        ...(tx ? { db: transactionDb(tx) } : {}),
      });
    },
    async sendMany(job, items, { tx } = {}) {
      if (items.length === 0) return;
      await boss.insert(
        job.name,
        items.map(({ payload, singletonKey }) => ({
          data: validPayload(job, payload),
          ...(singletonKey ? { singletonKey } : {}),
        })),
        tx ? { db: transactionDb(tx) } : {},
      );
    },
    stop: () => boss.stop({ graceful: false, close: true }),
  };
}

/**
 * A producer for processes that send jobs but do not work them (API, CLI): pg-boss without
 * supervision or schedules, with every queue created or corrected to its definition first.
 */
export async function startJobQueue({
  connectionString,
  onError,
}: {
  connectionString: string;
  onError: (error: unknown) => void;
}): Promise<JobQueue> {
  const boss = new PgBoss({ connectionString, schema: QUEUE_SCHEMA, supervise: false, schedule: false });
  boss.on('error', onError);
  await boss.start();
  try {
    await ensureQueues(boss);
  } catch (error) {
    await boss.stop({ graceful: false, close: true });
    throw error;
  }
  return jobQueueOf(boss);
}

/** For processes started without a queue: sending fails with a clear message. */
export const noJobQueue: JobQueue = {
  send: () => Promise.reject(new AppError('CONFIG', 'No job queue is configured for this process')),
  sendMany: () => Promise.reject(new AppError('CONFIG', 'No job queue is configured for this process')),
  stop: () => Promise.resolve(),
};
