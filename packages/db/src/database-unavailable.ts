/**
 * Whether an error means the database cannot be reached right now (down, restarting, refusing connections),
 * as opposed to a failed statement. The one place that knows how pg, Prisma and Prisma's pg adapter say so.
 */

// Socket errors (pg), PostgreSQL SQLSTATEs (admin/crash shutdown, starting up, too many connections) and
// Prisma's codes (server unreachable, timed out, closed the connection, pool timeout).
const unavailableCodes = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ENOTFOUND',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'EPIPE',
  '57P01',
  '57P02',
  '57P03',
  '53300',
  'P1001',
  'P1002',
  'P1017',
  'P2024',
]);

// `driverAdapterError.cause.kind` from @prisma/adapter-pg.
const unavailableKinds = new Set([
  'DatabaseNotReachable',
  'ConnectionClosed',
  'SocketTimeout',
  'TooManyConnections',
]);

// pg's own errors without a code when the server goes away mid-connection.
const unavailableMessages = /^(Connection terminated|Client has encountered a connection error)/;

interface ErrorLike {
  code?: unknown;
  kind?: unknown;
  message?: unknown;
  cause?: unknown;
  errors?: unknown;
  meta?: { driverAdapterError?: unknown };
}

export function isDatabaseUnavailable(error: unknown, depth = 0): boolean {
  if (typeof error !== 'object' || error === null || depth > 5) return false;
  const candidate = error as ErrorLike;
  if (typeof candidate.code === 'string' && unavailableCodes.has(candidate.code)) return true;
  if (typeof candidate.kind === 'string' && unavailableKinds.has(candidate.kind)) return true;
  if (typeof candidate.message === 'string' && unavailableMessages.test(candidate.message)) return true;
  const nested = [
    candidate.cause,
    candidate.meta?.driverAdapterError,
    ...(Array.isArray(candidate.errors) ? (candidate.errors as unknown[]) : []),
  ];
  return nested.some((inner) => isDatabaseUnavailable(inner, depth + 1));
}
