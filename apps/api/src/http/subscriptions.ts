import { randomUUID } from 'node:crypto';
import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';

import {
  getOperationAST,
  GraphQLError,
  OperationTypeNode,
  parse,
  validate,
  type DocumentNode,
  type ExecutionArgs,
  type GraphQLFormattedError,
  type GraphQLSchema,
} from 'graphql';
import type { Context as WsContext } from 'graphql-ws';
import { useServer, type Extra } from 'graphql-ws/use/ws';
import { WebSocketServer, type WebSocket } from 'ws';

import type { Logger } from '@wirelens/core/logging';
import { isDatabaseUnavailable } from '@wirelens/db';
import { createLiveConnections, type LiveFeed } from '@wirelens/services/live';

import type { Context } from '../context.js';
import {
  authenticate,
  readCredentials,
  type Authentication,
  type Authenticator,
  type Credentials,
} from './authenticate.js';
import { buildContext, type SharedContext } from './build-context.js';
import { clientAddress } from './client-address.js';
import { MAX_DOCUMENT_TOKENS } from './create-apollo.js';
import { formatGraphqlError } from './errors.js';
import {
  checkAccess,
  checkLimits,
  measureOperation,
  reject,
  safeHost,
  type QueryLimits,
} from './graphql-plugin.js';
import { checkStringArguments } from './input-limits.js';

export interface SubscriptionLimits {
  /** Open subscriptions on one connection. */
  perConnection: number;
  /** Open connections of one user, across all API processes (counted in PostgreSQL). */
  connectionsPerUser: number;
}

export const DEFAULT_SUBSCRIPTION_LIMITS: SubscriptionLimits = { perConnection: 10, connectionsPerUser: 20 };

/** Close codes beyond graphql-ws's own (4400 bad request, 4403 forbidden…). */
export const CLOSE_TOO_MANY_CONNECTIONS = 4429;

export interface AttachSubscriptionsOptions {
  server: Server;
  schema: GraphQLSchema;
  live: LiveFeed;
  authenticator: Authenticator;
  shared: SharedContext;
  limits: QueryLimits;
  subscriptionLimits: SubscriptionLimits;
  maxMessageBytes: number;
  production: boolean;
  logger: Logger;
}

interface Connection {
  credentials: Credentials;
  authentication: Authentication & { viewer: NonNullable<Authentication['viewer']> };
  ip: string | null;
  socket: WebSocket;
  requestId: string;
  /** Its row in the shared LiveConnection table. */
  slot: string;
}

/** connection_init's payload: `{ authorization: "Bearer <token>" }` (or `{ token }`) names an API token. */
function credentialsOf(payload: unknown, request: IncomingMessage): Credentials {
  const given = typeof payload === 'object' && payload !== null ? (payload as Record<string, unknown>) : {};
  const { authorization, token } = given;
  if (typeof token === 'string' && token) return { kind: 'token', token };
  if (typeof authorization === 'string') {
    const bearer = authorization.startsWith('Bearer ') ? authorization.slice('Bearer '.length).trim() : '';
    return bearer ? { kind: 'token', token: bearer } : { kind: 'malformed-authorization' };
  }
  return readCredentials(request);
}

function withCode(error: GraphQLError, code: string): GraphQLError {
  return new GraphQLError(error.message, {
    nodes: error.nodes,
    source: error.source,
    positions: error.positions,
    extensions: { ...error.extensions, code },
  });
}

function refuseUpgrade(socket: Duplex, status: string, headers: Record<string, string> = {}): void {
  const lines = Object.entries(headers).map(([key, value]) => `${key}: ${value}\r\n`);
  socket.end(`HTTP/1.1 ${status}\r\nconnection: close\r\ncontent-length: 0\r\n${lines.join('')}\r\n`);
}

/**
 * GraphQL subscriptions over WebSocket (graphql-ws protocol) on /graphql of the API's HTTP server.
 * The upgrade and every subscribe message pass the shared rate limiter; connection_init authenticates
 * (token in its payload, else the upgrade's Authorization header or session cookie) and an anonymous or
 * refused credential closes the socket with 4403. Each subscription document is parsed with the
 * HTTP path's token limit, validated, and checked for string sizes, depth and cost like a query.
 * A credential that is revoked or changes (sign-out, deactivation, new role) ends its connections
 * with 4403 as soon as the change commits: the live feed hears the same auth notifications as the cache.
 */
export function attachSubscriptions({
  server,
  schema,
  live,
  authenticator,
  shared,
  limits,
  subscriptionLimits,
  maxMessageBytes,
  production,
  logger,
}: AttachSubscriptionsOptions): { close(): Promise<void> } {
  const wss = new WebSocketServer({ noServer: true, maxPayload: maxMessageBytes });
  const connections = new Map<WebSocket, Connection>();
  const slots = createLiveConnections({
    db: shared.db,
    onError: (error) => logger.warn({ err: error }, 'live connection heartbeat failed'),
  });
  const perUser = (userId: number) =>
    [...connections.values()].filter((c) => c.authentication.viewer.id === userId);

  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (url.pathname !== '/graphql') {
      refuseUpgrade(socket, '404 Not Found');
      return;
    }
    const credentials = readCredentials(req);
    shared.rateLimits
      .request({
        ip: clientAddress(req, shared.proxyTrust),
        token: credentials.kind === 'token' ? credentials.token : null,
      })
      .then((wait) => {
        if (wait > 0) {
          refuseUpgrade(socket, '429 Too Many Requests', { 'retry-after': String(wait) });
          return;
        }
        wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req));
      })
      .catch((error: unknown) => {
        if (!isDatabaseUnavailable(error)) logger.error({ err: error }, 'websocket upgrade failed');
        refuseUpgrade(socket, '503 Service Unavailable');
      });
  });

  const format = (error: GraphQLError): GraphQLFormattedError =>
    formatGraphqlError(error.toJSON(), error, production);

  const disposable = useServer<Record<string, unknown> | undefined, Partial<Extra>>(
    {
      schema,
      connectionInitWaitTimeout: 10_000,
      onConnect: async (ctx: WsContext<Record<string, unknown> | undefined, Extra>) => {
        const { socket, request } = ctx.extra;
        const credentials = credentialsOf(ctx.connectionParams, request);
        // A cookie rides along on any page's WebSocket: only our own origin may use it (cross-site WebSocket hijacking).
        const origin = request.headers.origin;
        if (credentials.kind === 'session' && origin && safeHost(origin) !== request.headers.host)
          return false;
        const authentication = await authenticator.authenticate(credentials);
        const viewer = authentication?.viewer;
        if (!authentication || !viewer) return false;
        const slot = await slots.open(viewer.id, subscriptionLimits.connectionsPerUser);
        if (slot === null) {
          socket.close(
            CLOSE_TOO_MANY_CONNECTIONS,
            `At most ${subscriptionLimits.connectionsPerUser} live connections per user`,
          );
          return false;
        }
        // Closed while its slot was being taken: onClose has run already, so free the slot here.
        if (socket.readyState !== socket.OPEN) {
          await slots.close(slot);
          return false;
        }
        connections.set(socket, {
          credentials,
          authentication: { ...authentication, viewer },
          ip: clientAddress(request, shared.proxyTrust),
          socket,
          requestId: randomUUID(),
          slot,
        });
        return true;
      },
      onClose: (ctx) => {
        const connection = connections.get(ctx.extra.socket);
        connections.delete(ctx.extra.socket);
        if (connection)
          slots
            .close(connection.slot)
            .catch((error: unknown) => logger.warn({ err: error }, 'live connection release failed'));
      },
      onSubscribe: async (ctx, _id, payload): Promise<ExecutionArgs | readonly GraphQLError[]> => {
        const connection = connections.get(ctx.extra.socket);
        if (!connection) return [reject('Not connected', 'UNAUTHENTICATED', 401)];
        try {
          const wait = await shared.rateLimits.request({
            ip: connection.ip,
            token: connection.credentials.kind === 'token' ? connection.credentials.token : null,
          });
          if (wait > 0)
            return [
              reject(`Too many requests; retry after ${wait} s`, 'RATE_LIMITED', 429, { retryAfter: wait }),
            ];
          // ctx.subscriptions already holds this one.
          if (Object.keys(ctx.subscriptions).length > subscriptionLimits.perConnection) {
            return [
              reject(
                `At most ${subscriptionLimits.perConnection} subscriptions per connection`,
                'SUBSCRIPTION_LIMIT',
                429,
              ),
            ];
          }
          // Codes as Apollo gives them over HTTP.
          let document: DocumentNode;
          try {
            document = parse(payload.query, { maxTokens: MAX_DOCUMENT_TOKENS });
          } catch (error) {
            if (!(error instanceof GraphQLError)) throw error;
            return [withCode(error, 'GRAPHQL_PARSE_FAILED')];
          }
          const errors = validate(schema, document);
          if (errors.length > 0) return errors.map((error) => withCode(error, 'GRAPHQL_VALIDATION_FAILED'));
          const operation = getOperationAST(document, payload.operationName);
          if (!operation) return [reject('Name the operation to run (operationName)', 'BAD_USER_INPUT', 400)];
          if (operation.operation !== OperationTypeNode.SUBSCRIPTION) {
            return [
              reject(
                'Only subscriptions run over WebSocket; send queries and mutations by HTTP POST',
                'BAD_USER_INPUT',
                400,
              ),
            ];
          }
          const variables = payload.variables ?? {};
          checkStringArguments(schema, document, operation, variables);
          const measured = measureOperation({ schema, document, operation, variables, limits });
          checkAccess(measured.rootFields, connection.authentication);
          checkLimits(measured, limits);
          const contextValue: Context = {
            ...buildContext({
              shared,
              req: ctx.extra.request,
              scope: {
                requestId: connection.requestId,
                log: logger.child({ requestId: connection.requestId }),
              },
              ip: connection.ip,
              authentication: connection.authentication,
            }),
            live,
          };
          return {
            schema,
            document,
            operationName: payload.operationName,
            variableValues: variables,
            contextValue,
          };
        } catch (error) {
          if (error instanceof GraphQLError) return [error];
          throw error;
        }
      },
      onNext: (_ctx, _id, _payload, _args, result) =>
        result.errors ? { ...result, errors: result.errors.map(format) } : undefined,
      onError: (_ctx, _id, _payload, errors) => errors.map(format),
    },
    wss,
  );

  // Revoked or changed credentials end their connections; the client reconnects and authenticates anew.
  const recheck = (connection: Connection) => {
    authenticate(shared.db, connection.credentials)
      .then((current) => {
        const before = connection.authentication.viewer;
        const after = current?.viewer;
        const same =
          after &&
          after.id === before.id &&
          after.role === before.role &&
          after.mustChangePassword === before.mustChangePassword;
        if (!same) connection.socket.close(4403, 'Credentials revoked or changed');
      })
      .catch((error: unknown) => logger.warn({ err: error }, 'live credential check failed'));
  };
  const unwatch = live.watchAuth({
    onUserChanged: (userId) => perUser(userId).forEach(recheck),
    onReset: () => connections.forEach(recheck),
  });

  return {
    async close() {
      unwatch();
      await disposable.dispose();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
      await slots
        .stop()
        .catch((error: unknown) => logger.warn({ err: error }, 'live connections cleanup failed'));
      await live.close();
    },
  };
}
