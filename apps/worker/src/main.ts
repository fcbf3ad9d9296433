// The worker process: runs queued jobs until SIGTERM/SIGINT, then finishes the ones it holds.
import { JOBS } from '@wirelens/core';
import { createDbClient } from '@wirelens/db';

import { createAnalyzerSet } from './analysis/analyzer-set.js';
import { analyzerConfigOf, loadEnv } from './env.js';
import { createHostLimiter } from './http/host-limiter.js';
import { createJobs } from './jobs/registry.js';
import { logger } from './logger.js';
import { runWorker } from './run-worker.js';

const env = loadEnv();
if (!env.DATABASE_URL) {
  logger.error(
    'the worker needs DATABASE_URL (use `pnpm start` to run everything with the embedded database)',
  );
  process.exit(1);
}
const db = createDbClient({ connectionString: env.DATABASE_URL });
const jobs = createJobs({
  concurrency: env.WORKER_CONCURRENCY,
  analyzers: createAnalyzerSet({ db, config: analyzerConfigOf(env) }),
  ingest: {
    allowHosts: env.FETCH_ALLOW_HOSTS,
    selfHost: env.HOST,
    timeoutMs: env.FETCH_TIMEOUT_MS,
    maxBytes: env.FETCH_MAX_BYTES,
    backoffCapSeconds: env.SOURCE_BACKOFF_CAP_SECONDS,
    limiter: createHostLimiter(env.FETCH_PER_HOST),
  },
});
const worker = await runWorker({
  connectionString: env.DATABASE_URL,
  db,
  jobs,
  superviseIntervalSeconds: env.QUEUE_SUPERVISE_SECONDS,
});
logger.info(`worker running ${jobs.length} job types`);
// Poll once now instead of waiting for the first minute boundary of the schedule.
await worker.boss.send(JOBS.pollSources.name, {}, { singletonKey: JOBS.pollSources.name });

let stopping = false;
const shutdown = async () => {
  if (stopping) return;
  stopping = true;
  // The queue gets 5 s to finish held jobs; if closing hangs beyond that, leave anyway.
  setTimeout(() => process.exit(0), 9_000).unref();
  logger.info('worker: finishing running jobs');
  // Jobs still running after the grace period are abandoned; another worker retries them.
  await worker.stop(5_000);
  await db.$disconnect();
  process.exit(0);
};
process.on('SIGTERM', () => void shutdown());
process.on('SIGINT', () => void shutdown());
