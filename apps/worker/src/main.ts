// The worker process: runs queued jobs until SIGTERM/SIGINT, then finishes the ones it holds.
import { createDbClient } from '@wirelens/db';
import { createAnalyzerSet } from '@wirelens/services/analysis';
import { serveMetrics } from '@wirelens/services/metrics';

import { analysisBatchOf, analyzerConfigOf, loadEnv } from './env.js';
import { ingestConfigOf } from './ingest-config.js';
import { logger } from './logger.js';
import { queueStartupWork, runWorker } from './run-worker.js';

/** How long held jobs may run on after SIGTERM before they are cancelled and handed back to the queue. */
const GRACE_MS = 5_000;

const env = loadEnv();
if (!env.DATABASE_URL) {
  logger.error(
    'the worker needs DATABASE_URL (use `pnpm start` to run everything with the embedded database)',
  );
  process.exit(1);
}
const db = createDbClient({ connectionString: env.DATABASE_URL });
const worker = await runWorker({
  connectionString: env.DATABASE_URL,
  db,
  concurrency: env.WORKER_CONCURRENCY,
  batchSize: analysisBatchOf(env),
  analyzers: createAnalyzerSet({ db, config: analyzerConfigOf(env), log: (message) => logger.warn(message) }),
  ingest: ingestConfigOf(env),
  retentionDays: env.WIRELENS_RETENTION_DAYS ?? null,
  learnEvery: env.WIRELENS_LEARN_EVERY,
  superviseIntervalSeconds: env.QUEUE_SUPERVISE_SECONDS,
});
logger.info('worker running');
const metricsServer = env.WORKER_METRICS_PORT
  ? await serveMetrics({
      registry: worker.metrics.registry,
      port: env.WORKER_METRICS_PORT,
      host: env.METRICS_HOST,
    })
  : null;
if (metricsServer) logger.info(`worker metrics on http://${env.METRICS_HOST}:${metricsServer.port}/metrics`);
await queueStartupWork(worker);

let stopping = false;
const shutdown = async () => {
  if (stopping) return;
  stopping = true;
  // If closing hangs well beyond the grace period, leave anyway.
  setTimeout(() => process.exit(0), GRACE_MS + 4_000).unref();
  logger.info('worker: finishing running jobs');
  await metricsServer?.close();
  await worker.stop(GRACE_MS);
  await db.$disconnect();
  process.exit(0);
};
process.on('SIGTERM', () => void shutdown());
process.on('SIGINT', () => void shutdown());
