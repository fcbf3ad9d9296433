import { timingSafeEqual } from 'node:crypto';

import type { ApolloServerPlugin } from '@apollo/server';
import { Counter, Histogram, type Registry } from 'prom-client';

import type { DbClient } from '@wirelens/db';
import { createMetricsRegistry, registerQueueMetrics, sendMetrics } from '@wirelens/services/metrics';

import type { Context } from '../context.js';
import type { RouteHandler } from './routes.js';
import { sendJson } from './send-json.js';

const SECONDS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

export interface ApiMetrics {
  registry: Registry;
  /** One finished HTTP request; `route` is one of a few fixed names, never the raw path. */
  observeRequest: (route: string, method: string, status: number, seconds: number) => void;
  plugin: ApolloServerPlugin<Context>;
}

/** Which of a few fixed routes a path belongs to (labels must not grow with the URLs people try). */
export function routeLabel(pathname: string): string {
  if (pathname === '/graphql' || pathname === '/healthz' || pathname === '/readyz' || pathname === '/metrics')
    return pathname.slice(1);
  if (pathname === '/graphiql' || pathname.startsWith('/graphiql/')) return 'graphiql';
  if (pathname.startsWith('/demo/')) return 'demo';
  if (pathname.startsWith('/assets/')) return 'assets';
  return 'dashboard';
}

/**
 * The API's metrics: HTTP latency by route and status, GraphQL latency by operation name and
 * type, GraphQL errors by code, plus the process, pool and (shared, from PostgreSQL) queue depth.
 */
export function createApiMetrics(db: DbClient): ApiMetrics {
  const registry = createMetricsRegistry({ db, component: 'api' });
  registerQueueMetrics(registry, db);
  const http = new Histogram({
    name: 'wirelens_http_request_duration_seconds',
    help: 'HTTP requests by route, method and status',
    labelNames: ['route', 'method', 'status'],
    buckets: SECONDS,
    registers: [registry],
  });
  const operations = new Histogram({
    name: 'wirelens_graphql_operation_duration_seconds',
    help: 'GraphQL operations by operation name (anonymous when unnamed) and type, from parsing to response',
    labelNames: ['operation', 'type'],
    buckets: SECONDS,
    registers: [registry],
  });
  const errors = new Counter({
    name: 'wirelens_graphql_errors_total',
    help: 'GraphQL errors returned, by extensions.code',
    labelNames: ['code'],
    registers: [registry],
  });
  const plugin: ApolloServerPlugin<Context> = {
    requestDidStart() {
      const started = performance.now();
      return Promise.resolve({
        // Apollo has resolved the operation by now unless the document did not parse or validate,
        // so an operation refused by our checks (authentication, cost) still counts under its name.
        willSendResponse({ response, operationName, operation: node }) {
          const operation = (operationName ?? 'anonymous').slice(0, 64);
          const type = node?.operation ?? 'unknown';
          operations.observe({ operation, type }, (performance.now() - started) / 1000);
          if (response.body.kind === 'single') {
            for (const error of response.body.singleResult.errors ?? []) {
              const code = error.extensions?.code;
              errors.inc({ code: typeof code === 'string' ? code : 'INTERNAL_SERVER_ERROR' });
            }
          }
          return Promise.resolve();
        },
      });
    },
  };
  return {
    registry,
    observeRequest: (route, method, status, seconds) =>
      http.observe({ route, method, status: String(status) }, seconds),
    plugin,
  };
}

/**
 * GET /metrics on the API's own port: only with `Authorization: Bearer <METRICS_TOKEN>`; without a
 * configured token it does not exist (use METRICS_PORT for an unauthenticated listener instead).
 */
export function createMetricsRoute(registry: Registry, token: string | null): RouteHandler {
  const expected = token ? Buffer.from(`Bearer ${token}`) : null;
  return async (req, res) => {
    if (!expected) {
      sendJson(res, 404, { error: 'not found: set METRICS_TOKEN (or METRICS_PORT) to expose /metrics' });
      return;
    }
    const given = Buffer.from(req.headers.authorization ?? '');
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
      res.setHeader('www-authenticate', 'Bearer');
      sendJson(res, 401, { error: 'send Authorization: Bearer <METRICS_TOKEN>' });
      return;
    }
    await sendMetrics(registry, res);
  };
}
