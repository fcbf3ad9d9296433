import type { DbClient } from '@wirelens/db';
import type { Actor } from '@wirelens/db/repositories';
import { createQueueErrorLog, noJobQueue, startJobQueue, type JobQueue } from '@wirelens/services/queue';

import { loadEnv, type WorkerEnv } from '../env.js';
import { logger } from '../logger.js';
import { openDatabase } from './database.js';

/** Operator commands act as the system (no user), marked as coming from the CLI in the audit log. */
export const CLI_ACTOR: Actor = { userId: null, requestId: 'cli' };

export interface CliServices {
  env: WorkerEnv;
  db: DbClient;
  /** The app's job queue (queues created or corrected first), for commands that queue work. */
  jobs: JobQueue;
}

/**
 * Opens the database (migrated) and, unless the command queues nothing, the job queue for one
 * command, and closes both after it.
 */
export async function withServices<T>(
  work: (services: CliServices) => Promise<T>,
  { queue = true }: { queue?: boolean } = {},
): Promise<T> {
  const env = loadEnv();
  const { database, db, close } = await openDatabase(env);
  let jobs: JobQueue = noJobQueue;
  try {
    if (queue) {
      jobs = await startJobQueue({
        connectionString: database.connectionString,
        onError: createQueueErrorLog({ log: logger, probe: () => db.$queryRaw`SELECT 1` }),
      });
    }
    return await work({ env, db, jobs });
  } finally {
    await jobs.stop();
    await close();
  }
}
