// The worker process: runs queued jobs until SIGTERM/SIGINT, then finishes the ones it holds.
import { emailConfigOf } from '@wirelens/core/email';
import { createDbClient } from '@wirelens/db';
import { createAnalyzerSet } from '@wirelens/services/analysis';
import { createMailer } from '@wirelens/services/email';
import { serveMetrics } from '@wirelens/services/metrics';

import { analysisBatchOf, analyzerConfigOf, loadEnv } from './env.js';
import { ingestConfigOf, webhookConfigOf } from './ingest-config.js';
import { HANDLERS } from './jobs/index.js';
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
const unknownJobs = env.WORKER_JOBS.filter((name) => !HANDLERS.some((h) => h.job.name === name));
if (unknownJobs.length > 0) {
  logger.error(`WORKER_JOBS names unknown jobs: ${unknownJobs.join(', ')}`);
  process.exit(1);
}
const db = createDbClient({ connectionString: env.DATABASE_URL });
const emailConfig = emailConfigOf(env);
const worker = await runWorker({
  connectionString: env.DATABASE_URL,
  db,
  concurrency: env.WORKER_CONCURRENCY,
  batchSize: analysisBatchOf(env),
  analyzers: createAnalyzerSet({ db, config: analyzerConfigOf(env), log: (message) => logger.warn(message) }),
  ingest: ingestConfigOf(env),
  webhooks: webhookConfigOf(env),
  retentionDays: env.WIRELENS_RETENTION_DAYS ?? null,
  learnEvery: env.WIRELENS_LEARN_EVERY,
  email: emailConfig ? { config: emailConfig, mailer: createMailer(emailConfig) } : null,
  superviseIntervalSeconds: env.QUEUE_SUPERVISE_SECONDS,
  handlers:
    env.WORKER_JOBS.length === 0 ? HANDLERS : HANDLERS.filter((h) => env.WORKER_JOBS.includes(h.job.name)),
});
logger.info(`worker running${emailConfig ? '' : ' (e-mail off: SMTP_URL is unset)'}`);
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
