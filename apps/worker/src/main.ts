// The worker process: runs queued jobs until SIGTERM/SIGINT, then finishes the ones it holds.
import { createDbClient } from '@wirelens/db';
import { loadEnv } from './env.js';
import { jobs } from './jobs/registry.js';
import { logger } from './logger.js';
import { runWorker } from './run-worker.js';

const env = loadEnv();
if (!env.DATABASE_URL) {
  logger.error('the worker needs DATABASE_URL (use `pnpm start` to run everything with the embedded database)');
  process.exit(1);
}
const db = createDbClient({ connectionString: env.DATABASE_URL });
const worker = await runWorker({ connectionString: env.DATABASE_URL, db, jobs });
logger.info(`worker running ${jobs.length} job types`);

let stopping = false;
const shutdown = async () => {
  if (stopping) return;
  stopping = true;
  await worker.stop();
  await db.$disconnect();
  process.exit(0);
};
process.on('SIGTERM', () => void shutdown());
process.on('SIGINT', () => void shutdown());
