import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { ApolloServer, HeaderMap } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import type { DbClient } from '@wirelens/db';
import type { GraphQLFormattedError } from 'graphql';
import type { Context } from '../context.js';
import { schema } from '../schema/index.js';
import { serveStatic } from './static-files.js';

export interface CreateApiServerOptions {
  db: DbClient;
  dashboardDir: string;
  graphiqlDir: string;
  maxBodyBytes: number;
  production: boolean;
  log?: (message: string) => void;
}

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
      new Promise((_, reject) => setTimeout(() => reject(new Error('timeout')), 2000).unref()),
    ]);
    return true;
  } catch {
    return false;
  }
}

/** The HTTP front door: health, GraphQL, GraphiQL and the built dashboard on one origin. */
export async function createApiServer(options: CreateApiServerOptions): Promise<ApiServer> {
  const { db, log = () => undefined } = options;
  const apollo = new ApolloServer<Context>({
    schema,
    introspection: true,
    // The default landing page loads Apollo Sandbox from a CDN, which is dead offline; /graphiql is bundled.
    plugins: [ApolloServerPluginLandingPageDisabled()],
    includeStacktraceInErrorResponses: !options.production,
    formatError: (formatted: GraphQLFormattedError, error: unknown) => {
      const code = formatted.extensions?.code;
      if (options.production && (code === 'INTERNAL_SERVER_ERROR' || code === undefined)) {
        log(`internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
        return { message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } };
      }
      return formatted;
    },
  });
  await apollo.start();

  const handleGraphql = async (req: IncomingMessage, res: ServerResponse, url: URL) => {
    const requestId = randomUUID();
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
            errors: [{ message: `Request body is larger than ${options.maxBodyBytes} bytes`, extensions: { code: 'PAYLOAD_TOO_LARGE' } }],
          });
          return;
        }
        throw error;
      }
      try {
        body = raw === '' ? {} : JSON.parse(raw);
      } catch {
        sendJson(res, 400, { errors: [{ message: 'Request body is not valid JSON', extensions: { code: 'BAD_REQUEST' } }] });
        return;
      }
    }
    const result = await apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest: { method: req.method ?? 'GET', headers, search: url.search, body },
      context: () => Promise.resolve({ db, viewer: null, requestId }),
    });
    const responseHeaders: Record<string, string> = { 'x-request-id': requestId };
    for (const [key, value] of result.headers) responseHeaders[key] = value;
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
      if (url.pathname === '/graphiql' || url.pathname.startsWith('/graphiql/')) {
        if (serveStatic(options.graphiqlDir, url.pathname.slice('/graphiql'.length) || '/', res, true)) return;
        sendJson(res, 404, { error: 'GraphiQL is not built: run `pnpm build`' });
        return;
      }
      if (serveStatic(options.dashboardDir, url.pathname, res, true)) return;
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
