import { createServer, type Server } from 'node:http';

import type { ApolloServer, ApolloServerPlugin } from '@apollo/server';
import type { Registry } from 'prom-client';

import type { DemoContent } from '@wirelens/core/demo';
import type { EmailConfig } from '@wirelens/core/email';
import { createLogger, type Logger } from '@wirelens/core/logging';
import type { DbClient } from '@wirelens/db';
import { createLiveFeed } from '@wirelens/services/live';

import type { Context } from '../context.js';
import { noJobQueue, type JobQueue } from '../jobs.js';
import { schema } from '../schema/index.js';
import { createAuthenticator } from './authenticate.js';
import type { SharedContext } from './build-context.js';
import { trustNoProxy, type ProxyTrust } from './client-address.js';
import { createApollo, DEFAULT_QUERY_LIMITS } from './create-apollo.js';
import type { QueryLimits } from './graphql-plugin.js';
import { createGraphqlHandler } from './handle-graphql.js';
import { createHealthCheck } from './health-check.js';
import { createApiMetrics, createMetricsRoute } from './metrics.js';
import { createRateLimits, type RateLimitRules } from './rate-limits.js';
import { readRoutingPlugin } from './read-replica.js';
import { createReadinessCheck } from './readiness.js';
import { createRoutes } from './routes.js';
import { createStaticFiles } from './static-files.js';
import {
  attachSubscriptions,
  DEFAULT_SUBSCRIPTION_LIMITS,
  type SubscriptionLimits,
} from './subscriptions.js';
import { createUnsubscribeRoute } from './unsubscribe.js';

export interface CreateApiServerOptions {
  db: DbClient;
  /** A streaming standby of `db` (DATABASE_REPLICA_URL): read-only queries go there (see read-replica.ts). */
  replicaDb?: DbClient | null;
  /** Bundled demo feeds to serve under /demo (see packages/db/prisma/seed-data/demo-articles.json). */
  demoContent?: DemoContent | null;
  dashboardDir: string;
  graphiqlDir: string;
  maxBodyBytes: number;
  production: boolean;
  /** Request lines carry their request id (a child per request); default: silent. */
  logger?: Logger;
  /** Where reanalyzeArticle / addSource / refreshSource enqueue jobs (default: none; those mutations fail). */
  jobs?: JobQueue;
  /** Cost and depth limits (defaults: DEFAULT_QUERY_LIMITS). */
  limits?: Partial<QueryLimits>;
  /** Larger GraphQL responses become a RESPONSE_TOO_LARGE error (default: DEFAULT_MAX_RESPONSE_BYTES). */
  maxResponseBytes?: number;
  /** Per-token, per-IP and sign-in rates (defaults: DEFAULT_RATE_LIMITS); false turns them off (benchmarks). */
  rateLimits?: Partial<RateLimitRules> | false;
  /** Which reverse proxies' X-Forwarded-For / X-Forwarded-Proto to believe (default: none). */
  trustProxy?: ProxyTrust;
  /** Private or loopback hosts that feed URLs may name anyway (the worker's FETCH_ALLOW_HOSTS). */
  fetchAllowHosts?: readonly string[];
  /** An LLM endpoint is configured (LLM_BASE_URL and LLM_MODEL): reanalyzeArticle may ask for it. */
  llmConfigured?: boolean;
  /** SMTP and link settings (SMTP_URL …); null or unset: e-mail is off, unsubscribe links are refused. */
  email?: EmailConfig | null;
  /** METRICS_TOKEN: /metrics on this port answers only with this bearer token (default: no /metrics here). */
  metricsToken?: string | null;
  /**
   * Cache who a token or session stands for, invalidated through LISTEN/NOTIFY on this database
   * (see createAuthenticator); default: none, every request reads its credential from the database.
   */
  authCache?: { connectionString: string; ttlMs?: number } | null;
  /**
   * GraphQL subscriptions over WebSocket on /graphql, fed by one LISTEN connection to this database
   * (the primary); default: none (an upgrade is refused).
   */
  live?: { connectionString: string; limits?: Partial<SubscriptionLimits> } | null;
  /** More Apollo plugins (benchmarks: per-field timing). */
  plugins?: ApolloServerPlugin<Context>[];
}

export interface ApiServer {
  server: Server;
  apollo: ApolloServer<Context>;
  /** This process's Prometheus registry (served on /metrics or on METRICS_PORT). */
  metrics: Registry;
  close(): Promise<void>;
}

/** The HTTP front door: health, GraphQL, GraphiQL and the built dashboard on one origin. */
export async function createApiServer(options: CreateApiServerOptions): Promise<ApiServer> {
  const { db, logger = createLogger({ name: 'api', level: 'silent' }), trustProxy = trustNoProxy } = options;
  const metrics = createApiMetrics(db);
  const startSubscriptions = async (live: NonNullable<CreateApiServerOptions['live']>) => {
    const feed = createLiveFeed({
      db,
      connectionString: live.connectionString,
      onError: (error) => logger.error({ err: error }, 'live update dispatch failed'),
    });
    await feed.ready;
    return attachSubscriptions({
      server,
      schema,
      live: feed,
      authenticator,
      shared,
      limits,
      subscriptionLimits: { ...DEFAULT_SUBSCRIPTION_LIMITS, ...live.limits },
      maxMessageBytes: options.maxBodyBytes,
      production: options.production,
      logger,
    });
  };
  const rateLimits = createRateLimits(db, options.rateLimits ?? {});
  const limits = { ...DEFAULT_QUERY_LIMITS, ...options.limits };
  const authenticator = createAuthenticator({ db, cache: options.authCache });
  await authenticator.ready;
  const apollo = await createApollo({
    limits,
    production: options.production,
    logger,
    maxResponseBytes: options.maxResponseBytes,
    plugins: [
      metrics.plugin,
      ...(options.replicaDb ? [readRoutingPlugin({ primary: db, replica: options.replicaDb })] : []),
      ...(options.plugins ?? []),
    ],
  });
  const shared: SharedContext = {
    db,
    jobs: options.jobs ?? noJobQueue,
    fetchAllowHosts: options.fetchAllowHosts ?? [],
    llmConfigured: options.llmConfigured ?? false,
    email: options.email ?? null,
    rateLimits,
    proxyTrust: trustProxy,
  };
  const server = createServer(
    createRoutes({
      logger,
      proxyTrust: trustProxy,
      health: createHealthCheck(db),
      ready: createReadinessCheck(db, options.replicaDb ?? null),
      metrics: createMetricsRoute(metrics.registry, options.metricsToken ?? null),
      observe: metrics.observeRequest,
      graphql: createGraphqlHandler({
        apollo,
        limits,
        maxBodyBytes: options.maxBodyBytes,
        authenticator,
        shared,
      }),
      unsubscribe: createUnsubscribeRoute({
        db,
        secret: options.email?.secret ?? null,
        proxyTrust: trustProxy,
      }),
      demoContent: options.demoContent ?? null,
      graphiql: createStaticFiles(options.graphiqlDir, { spa: false }),
      dashboard: createStaticFiles(options.dashboardDir, { spa: true }),
    }),
  );
  const subscriptions = options.live ? await startSubscriptions(options.live) : null;
  server.requestTimeout = 60_000;
  server.headersTimeout = 20_000;

  return {
    server,
    apollo,
    metrics: metrics.registry,
    async close() {
      await subscriptions?.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await apollo.stop();
      rateLimits.close();
      await authenticator.close();
    },
  };
}
