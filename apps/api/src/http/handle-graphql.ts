import { HeaderMap, type ApolloServer } from '@apollo/server';

import { isDatabaseUnavailable } from '@wirelens/db';

import type { Context } from '../context.js';
import { readCredentials, type Authentication, type Authenticator } from './authenticate.js';
import { buildContext, type SharedContext } from './build-context.js';
import { clientAddress } from './client-address.js';
import { noCost, type QueryLimits } from './graphql-plugin.js';
import { readJsonBody } from './read-body.js';
import type { RouteHandler } from './routes.js';
import { sendGraphqlError } from './send-json.js';
import { sendServiceUnavailable } from './service-unavailable.js';

export interface GraphqlHandlerOptions {
  apollo: ApolloServer<Context>;
  shared: SharedContext;
  authenticator: Authenticator;
  limits: QueryLimits;
  maxBodyBytes: number;
}

/** /graphql: rate limits, authentication and the body are checked here; Apollo runs the operation. */
export function createGraphqlHandler({
  apollo,
  shared,
  authenticator,
  limits,
  maxBodyBytes,
}: GraphqlHandlerOptions): RouteHandler {
  // Refused before any analysis, like every other answer: `extensions.cost` says nothing was spent.
  const cost = noCost(limits);
  return async (req, res, url, scope) => {
    const ip = clientAddress(req, shared.proxyTrust);
    const credentials = readCredentials(req);
    let wait: number;
    let authentication: Authentication | null = null;
    try {
      wait = await shared.rateLimits.request({
        ip,
        token: credentials.kind === 'token' ? credentials.token : null,
      });
      if (wait === 0) authentication = await authenticator.authenticate(credentials);
    } catch (error) {
      if (!isDatabaseUnavailable(error)) throw error;
      sendServiceUnavailable(res, scope, cost);
      return;
    }
    if (wait > 0) {
      sendGraphqlError(
        res,
        429,
        {
          message: `Too many requests; retry after ${wait} s`,
          code: 'RATE_LIMITED',
          extensions: { retryAfter: wait },
          cost,
        },
        { 'retry-after': String(wait) },
      );
      return;
    }
    if (!authentication) {
      sendGraphqlError(res, 401, {
        message: 'Invalid, expired or revoked API token',
        code: 'UNAUTHENTICATED',
        cost,
      });
      return;
    }
    const context = buildContext({ shared, req, scope, ip, authentication });
    const body =
      req.method === 'POST' ? await readJsonBody(req, maxBodyBytes) : { ok: true as const, body: undefined };
    if (!body.ok) {
      // A body left unread (too large, wrong type) would be parsed as the next request: end the connection.
      sendGraphqlError(
        res,
        body.status,
        { ...body.error, cost },
        req.complete ? {} : { connection: 'close' },
      );
      return;
    }
    const headers = new HeaderMap();
    for (const [key, value] of Object.entries(req.headers)) {
      if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
    }
    const result = await apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest: { method: req.method ?? 'GET', headers, search: url.search, body: body.body },
      context: () => Promise.resolve(context),
    });
    const responseHeaders: Record<string, string | string[]> = {};
    for (const [key, value] of result.headers) responseHeaders[key] = value;
    if (context.setCookies.length > 0) responseHeaders['set-cookie'] = context.setCookies;
    res.writeHead(result.status ?? 200, responseHeaders);
    if (result.body.kind === 'complete') {
      res.end(result.body.string);
    } else {
      for await (const chunk of result.body.asyncIterator) res.write(chunk);
      res.end();
    }
  };
}
