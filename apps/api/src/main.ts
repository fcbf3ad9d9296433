// The API process: GraphQL, GraphiQL and the dashboard on one origin.
import { emailConfigOf } from '@wirelens/core/email';
import { createLogger } from '@wirelens/core/logging';
import { createDbClient, readDemoContent } from '@wirelens/db';
import { serveMetrics } from '@wirelens/services/metrics';
import { createQueueErrorLog } from '@wirelens/services/queue';

import { loadEnv } from './env.js';
import { createApiServer } from './http/create-server.js';
import { createPgBossQueue } from './jobs.js';

const env = loadEnv();
const logger = createLogger({ name: 'api', level: env.LOG_LEVEL, pretty: env.LOG_PRETTY });
const db = createDbClient({
  connectionString: env.DATABASE_URL,
  statementTimeoutMs: env.WIRELENS_STATEMENT_TIMEOUT_MS,
});
const replicaDb = env.DATABASE_REPLICA_URL
  ? createDbClient({
      connectionString: env.DATABASE_REPLICA_URL,
      statementTimeoutMs: env.WIRELENS_STATEMENT_TIMEOUT_MS,
    })
  : null;
const jobs = await createPgBossQueue(
  env.DATABASE_URL,
  createQueueErrorLog({ log: logger, probe: () => db.$queryRaw`SELECT 1` }),
);
const api = await createApiServer({
  db,
  replicaDb,
  dashboardDir: env.WIRELENS_DASHBOARD_DIR,
  graphiqlDir: env.WIRELENS_GRAPHIQL_DIR,
  maxBodyBytes: env.WIRELENS_MAX_BODY_BYTES,
  production: env.NODE_ENV === 'production',
  logger,
  jobs,
  trustProxy: env.WIRELENS_TRUST_PROXY,
  fetchAllowHosts: env.FETCH_ALLOW_HOSTS,
  llmConfigured: Boolean(env.LLM_BASE_URL && env.LLM_MODEL),
  email: emailConfigOf(env),
  demoContent: await readDemoContent(),
  metricsToken: env.METRICS_TOKEN ?? null,
  rateLimits: {
    ...(env.WIRELENS_RATE_LIMIT_PER_TOKEN && { perToken: env.WIRELENS_RATE_LIMIT_PER_TOKEN }),
    ...(env.WIRELENS_RATE_LIMIT_PER_IP && { perIp: env.WIRELENS_RATE_LIMIT_PER_IP }),
    ...(env.WIRELENS_RATE_LIMIT_LOGIN && { login: env.WIRELENS_RATE_LIMIT_LOGIN }),
  },
  live: { connectionString: env.DATABASE_URL },
  authCache:
    env.WIRELENS_AUTH_CACHE_SECONDS > 0
      ? { connectionString: env.DATABASE_URL, ttlMs: env.WIRELENS_AUTH_CACHE_SECONDS * 1000 }
      : null,
});
api.server.once('error', (error: NodeJS.ErrnoException) => {
  // Another process took the port after `wirelens start` checked it: say so instead of a raw stack.
  if (error.code !== 'EADDRINUSE') throw error;
  logger.error(
    `port ${env.PORT} on ${env.HOST} is already in use: stop the program using it, or set PORT to a free port`,
  );
  process.exit(1);
});
api.server.listen(env.PORT, env.HOST, () => logger.info(`listening on http://${env.HOST}:${env.PORT}`));
const metricsServer = env.METRICS_PORT
  ? await serveMetrics({ registry: api.metrics, port: env.METRICS_PORT, host: env.METRICS_HOST })
  : null;
if (metricsServer) logger.info(`metrics on http://${env.METRICS_HOST}:${metricsServer.port}/metrics`);

let stopping = false;
const shutdown = async () => {
  if (stopping) return;
  stopping = true;
  // Whatever has not finished after 5 s is cut short: the API must not outlive its supervisor.
  setTimeout(() => process.exit(0), 5_000).unref();
  await metricsServer?.close();
  await api.close();
  await jobs.stop();
  await db.$disconnect();
  await replicaDb?.$disconnect();
  process.exit(0);
};
process.on('SIGTERM', () => void shutdown());
process.on('SIGINT', () => void shutdown());
