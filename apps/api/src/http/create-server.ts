import { createHash, randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';

import { ApolloServer, HeaderMap } from '@apollo/server';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginLandingPageDisabled,
} from '@apollo/server/plugin/disabled';
import type { GraphQLFormattedError } from 'graphql';

import { AppError } from '@wirelens/core';
import type { DemoContent } from '@wirelens/core/demo';
import type { DbClient } from '@wirelens/db';
import { userForApiToken, userForSession } from '@wirelens/db/repositories';

import type { Context, Viewer } from '../context.js';
import { noJobQueue, type JobQueue } from '../jobs.js';
import { schema } from '../schema/index.js';
import { readCookie, SESSION_COOKIE } from './cookies.js';
import { serveDemoFeeds } from './demo-feeds.js';
import { formatGraphqlError } from './errors.js';
import { wirelensPlugin, type QueryLimits } from './graphql-plugin.js';
import { RateLimiter, type RateLimitRule } from './rate-limit.js';
import { serveStatic } from './static-files.js';

export interface CreateApiServerOptions {
  db: DbClient;
  /** Bundled demo feeds to serve under /demo (see packages/db/prisma/seed-data/demo-articles.json). */
  demoContent?: DemoContent | null;
  dashboardDir: string;
  graphiqlDir: string;
  maxBodyBytes: number;
  production: boolean;
  log?: (message: string) => void;
  /** Where reanalyzeArticle / addSource / refreshSource enqueue jobs (default: none; those mutations fail). */
  jobs?: JobQueue;
  /** Cost and depth limits (defaults: DEFAULT_LIMITS). */
  limits?: Partial<QueryLimits>;
  /** Per-token and per-IP request rates; false turns rate limiting off (benchmarks). */
  rateLimits?: { perToken: RateLimitRule; perIp: RateLimitRule } | false;
  /** Trust X-Forwarded-For / X-Forwarded-Proto from a reverse proxy. */
  trustProxy?: boolean;
  /** Private or loopback hosts that feed URLs may name anyway (the worker's FETCH_ALLOW_HOSTS). */
  fetchAllowHosts?: readonly string[];
  /** An LLM endpoint is configured (LLM_BASE_URL and LLM_MODEL): reanalyzeArticle may ask for it. */
  llmConfigured?: boolean;
}

export const DEFAULT_LIMITS: QueryLimits = { maxCost: 10_000, maxDepth: 12 };
/** 10 requests/s sustained with bursts of 120 per token; 20/s with bursts of 300 per IP. */
export const DEFAULT_RATE_LIMITS = {
  perToken: { capacity: 120, refillPerSecond: 10 },
  perIp: { capacity: 300, refillPerSecond: 20 },
};

export interface ApiServer {
  server: Server;
  apollo: ApolloServer<Context>;
  close(): Promise<void>;
}

const securityHeaders = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'strict-origin-when-cross-origin',
  'x-frame-options': 'DENY',
  'content-security-policy':
    "default-src 'self'; img-src 'self' https: data:; style-src 'self' 'unsafe-inline'; script-src 'self'; worker-src 'self' blob:; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'",
};

class BodyTooLargeError extends Error {}

async function readBody(req: IncomingMessage, limit: number): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) throw new BodyTooLargeError();
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(JSON.stringify(body));
}

async function databaseAnswers(db: DbClient): Promise<boolean> {
  try {
    await Promise.race([
      db.$queryRaw`SELECT 1`,
      new Promise((_, reject) => setTimeout(() => reject(new Error('timeout')), 5000).unref()),
    ]);
    return true;
  } catch {
    return false;
  }
}

/** The HTTP front door: health, GraphQL, GraphiQL and the built dashboard on one origin. */
export async function createApiServer(options: CreateApiServerOptions): Promise<ApiServer> {
  const { db, log = () => undefined, jobs = noJobQueue, trustProxy = false, fetchAllowHosts = [] } = options;
  const limits: QueryLimits = { ...DEFAULT_LIMITS, ...options.limits };
  const rateLimits = options.rateLimits === undefined ? DEFAULT_RATE_LIMITS : options.rateLimits;
  const tokenLimiter = rateLimits ? new RateLimiter(rateLimits.perToken) : null;
  const ipLimiter = rateLimits ? new RateLimiter(rateLimits.perIp) : null;
  // Password guessing: 10 attempts per client IP, then one every 6 seconds.
  const loginLimiter = rateLimits ? new RateLimiter({ capacity: 10, refillPerSecond: 1 / 6 }) : null;
  const apollo = new ApolloServer<Context>({
    schema,
    introspection: true,
    // The default landing page loads Apollo Sandbox from a CDN, which is dead offline; /graphiql is bundled.
    // Cache control would instrument every field resolver (a measurable cost on big series); nothing here uses HTTP caching.
    plugins: [
      ApolloServerPluginLandingPageDisabled(),
      ApolloServerPluginCacheControlDisabled(),
      wirelensPlugin({ limits, log }),
    ],
    includeStacktraceInErrorResponses: !options.production,
    // Keeps Apollo's CSRF prevention: requests need a JSON content type or `apollo-require-preflight`.
    csrfPrevention: true,
    formatError: (formatted: GraphQLFormattedError, error: unknown) =>
      formatGraphqlError(formatted, error, options.production),
  });
  await apollo.start();

  const clientIp = (req: IncomingMessage): string | null => {
    const forwarded = trustProxy ? req.headers['x-forwarded-for'] : undefined;
    const first = (Array.isArray(forwarded) ? forwarded[0] : forwarded)?.split(',')[0]?.trim();
    return first || req.socket.remoteAddress || null;
  };

  const handleGraphql = async (req: IncomingMessage, res: ServerResponse, url: URL) => {
    const requestId = randomUUID();
    res.setHeader('x-request-id', requestId);
    const ip = clientIp(req);
    const authorization = req.headers.authorization;
    const bearer = authorization?.startsWith('Bearer ') ? authorization.slice('Bearer '.length).trim() : null;
    const wait = Math.max(
      ipLimiter?.take(ip ?? 'unknown') ?? 0,
      bearer && tokenLimiter ? tokenLimiter.take(createHash('sha256').update(bearer).digest('hex')) : 0,
    );
    if (wait > 0) {
      res.setHeader('retry-after', String(wait));
      sendJson(res, 429, {
        errors: [
          {
            message: `Too many requests; retry after ${wait} s`,
            extensions: { code: 'RATE_LIMITED', retryAfter: wait },
          },
        ],
      });
      return;
    }
    let viewer: Viewer | null = null;
    let authMethod: Context['authMethod'] = null;
    const sessionSecret = bearer ? null : readCookie(req.headers.cookie, SESSION_COOKIE);
    if (authorization !== undefined) {
      viewer = bearer ? await userForApiToken(db, bearer) : null;
      if (!viewer) {
        sendJson(res, 401, {
          errors: [
            { message: 'Invalid, expired or revoked API token', extensions: { code: 'UNAUTHENTICATED' } },
          ],
        });
        return;
      }
      authMethod = 'token';
    } else if (sessionSecret) {
      viewer = await userForSession(db, sessionSecret);
      authMethod = viewer ? 'session' : null;
    }
    const forwardedProto = trustProxy ? req.headers['x-forwarded-proto'] : undefined;
    const secureCookies =
      forwardedProto === 'https' || (req.socket as { encrypted?: boolean }).encrypted === true;
    const context: Context = {
      db,
      viewer,
      authMethod,
      sessionSecret,
      requestId,
      ip,
      userAgent: req.headers['user-agent'] ?? null,
      jobs,
      llmConfigured: options.llmConfigured ?? false,
      fetchAllowHosts,
      setCookies: [],
      secureCookies,
      limitLogin: () => {
        const retryAfter = loginLimiter?.take(ip ?? 'unknown') ?? 0;
        if (retryAfter > 0)
          throw new AppError('RATE_LIMITED', `Too many sign-in attempts; retry after ${retryAfter} s`, {
            details: { retryAfter },
          });
      },
    };
    const headers = new HeaderMap();
    for (const [key, value] of Object.entries(req.headers)) {
      if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
    }
    let body: unknown;
    if (req.method === 'POST') {
      let raw: string;
      try {
        raw = await readBody(req, options.maxBodyBytes);
      } catch (error) {
        if (error instanceof BodyTooLargeError) {
          sendJson(res, 413, {
            errors: [
              {
                message: `Request body is larger than ${options.maxBodyBytes} bytes`,
                extensions: { code: 'PAYLOAD_TOO_LARGE' },
              },
            ],
          });
          return;
        }
        throw error;
      }
      try {
        body = raw === '' ? {} : JSON.parse(raw);
      } catch {
        sendJson(res, 400, {
          errors: [{ message: 'Request body is not valid JSON', extensions: { code: 'BAD_REQUEST' } }],
        });
        return;
      }
    }
    const result = await apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest: { method: req.method ?? 'GET', headers, search: url.search, body },
      context: () => Promise.resolve(context),
    });
    const responseHeaders: Record<string, string | string[]> = { 'x-request-id': requestId };
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

  const server = createServer((req, res) => {
    for (const [key, value] of Object.entries(securityHeaders)) res.setHeader(key, value);
    const url = new URL(req.url ?? '/', 'http://localhost');
    const route = async () => {
      if (url.pathname === '/healthz') {
        const ok = await databaseAnswers(db);
        sendJson(res, ok ? 200 : 503, { status: ok ? 'ok' : 'unavailable', database: ok ? 'up' : 'down' });
        return;
      }
      if (url.pathname === '/graphql') {
        await handleGraphql(req, res, url);
        return;
      }
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        sendJson(res, 405, { error: 'method not allowed' });
        return;
      }
      if (options.demoContent && serveDemoFeeds(options.demoContent, req, res, url.pathname)) return;
      if (url.pathname === '/graphiql' || url.pathname.startsWith('/graphiql/')) {
        if (serveStatic(options.graphiqlDir, url.pathname.slice('/graphiql'.length) || '/', req, res, true))
          return;
        sendJson(res, 404, { error: 'GraphiQL is not built: run `pnpm build`' });
        return;
      }
      if (serveStatic(options.dashboardDir, url.pathname, req, res, true)) return;
      sendJson(res, 404, { error: 'not found (is the dashboard built? run `pnpm build`)' });
    };
    route().catch((error: unknown) => {
      log(`request failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      if (!res.headersSent) sendJson(res, 500, { error: 'internal error' });
      else res.end();
    });
  });
  server.requestTimeout = 60_000;
  server.headersTimeout = 20_000;

  return {
    server,
    apollo,
    async close() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await apollo.stop();
    },
  };
}
