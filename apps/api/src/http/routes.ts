import { randomUUID } from 'node:crypto';
import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';

import type { DemoContent } from '@wirelens/core/demo';
import type { Logger } from '@wirelens/core/logging';

import { cameOverHttps, type ProxyTrust } from './client-address.js';
import { serveDemoFeeds } from './demo-feeds.js';
import { routeLabel } from './metrics.js';
import { GRAPHIQL_CONTENT_SECURITY_POLICY, setSecurityHeaders } from './security-headers.js';
import { sendJson } from './send-json.js';
import type { StaticFiles } from './static-files.js';
import { UNSUBSCRIBE_PATH } from './unsubscribe.js';

/** One request's id (also sent as `x-request-id`) and the logger that stamps it on every line. */
export interface RequestScope {
  requestId: string;
  log: Logger;
}

export type RouteHandler = (
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  scope: RequestScope,
) => Promise<void>;

export interface Routes {
  logger: Logger;
  proxyTrust: ProxyTrust;
  health: RouteHandler;
  ready: RouteHandler;
  metrics: RouteHandler;
  /** Called once per finished request with its route name, status and duration. */
  observe?: (route: string, method: string, status: number, seconds: number) => void;
  graphql: RouteHandler;
  /** E-mail unsubscribe links (GET confirms, POST unsubscribes). */
  unsubscribe?: RouteHandler;
  demoContent: DemoContent | null;
  graphiql: StaticFiles;
  dashboard: StaticFiles;
}

/** Which handler answers which path; an unexpected failure becomes a logged 500. */
export function createRoutes(routes: Routes): RequestListener {
  const route = async (req: IncomingMessage, res: ServerResponse, url: URL, scope: RequestScope) => {
    if (url.pathname === '/healthz') return routes.health(req, res, url, scope);
    if (url.pathname === '/readyz') return routes.ready(req, res, url, scope);
    if (url.pathname === '/metrics') return routes.metrics(req, res, url, scope);
    if (url.pathname === '/graphql') return routes.graphql(req, res, url, scope);
    if (url.pathname === UNSUBSCRIBE_PATH && routes.unsubscribe)
      return routes.unsubscribe(req, res, url, scope);
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      sendJson(res, 405, { error: 'method not allowed' });
      return;
    }
    if (routes.demoContent && serveDemoFeeds(routes.demoContent, req, res, url.pathname)) return;
    if (url.pathname === '/graphiql' || url.pathname.startsWith('/graphiql/')) {
      res.setHeader('content-security-policy', GRAPHIQL_CONTENT_SECURITY_POLICY);
      if (routes.graphiql.serve(req, res, url.pathname.slice('/graphiql'.length) || '/')) return;
      sendJson(res, 404, {
        error: routes.graphiql.built ? 'not found' : 'GraphiQL is not built: run `pnpm build`',
      });
      return;
    }
    if (routes.dashboard.serve(req, res, url.pathname)) return;
    sendJson(res, 404, {
      error: routes.dashboard.built ? 'not found' : 'not found (is the dashboard built? run `pnpm build`)',
    });
  };

  return (req, res) => {
    const requestId = randomUUID();
    const scope: RequestScope = { requestId, log: routes.logger.child({ requestId }) };
    res.setHeader('x-request-id', requestId);
    setSecurityHeaders(res, { https: cameOverHttps(req, routes.proxyTrust) });
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (routes.observe) {
      const { observe } = routes;
      const started = performance.now();
      res.once('finish', () =>
        observe(
          routeLabel(url.pathname),
          req.method ?? 'GET',
          res.statusCode,
          (performance.now() - started) / 1000,
        ),
      );
    }
    route(req, res, url, scope).catch((error: unknown) => {
      scope.log.error({ err: error, method: req.method, path: url.pathname }, 'request failed');
      if (!res.headersSent) sendJson(res, 500, { error: 'internal error', requestId });
      else res.end();
    });
  };
}
