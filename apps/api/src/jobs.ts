import { startJobQueue, type JobQueue } from '@wirelens/services/queue';

export { noJobQueue, type JobQueue } from '@wirelens/services/queue';

/** The API's producer: pg-boss in the app database, every queue created or corrected to its definition. */
export function createPgBossQueue(
  connectionString: string,
  onError: (error: unknown) => void,
): Promise<JobQueue> {
  return startJobQueue({ connectionString, onError });
}
