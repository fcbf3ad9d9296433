import { startJobQueue, type JobQueue } from '@wirelens/services/queue';

export { noJobQueue, type JobQueue } from '@wirelens/services/queue';

/** The API's producer: pg-boss in the app database, every queue created or corrected to its definition. */
export function createPgBossQueue(
  connectionString: string,
  log: (message: string) => void,
): Promise<JobQueue> {
  return startJobQueue({
    connectionString,
    onError: (error) => log(`queue: ${error instanceof Error ? error.message : String(error)}`),
  });
}
