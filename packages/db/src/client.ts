import { performance } from 'node:perf_hooks';

import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';

import { PrismaClient, type Prisma } from './generated/prisma/client.js';

export interface CreateDbClientOptions {
  connectionString: string;
  /** Pool size per process (pg default is 10). */
  maxConnections?: number;
  /** PostgreSQL cancels any statement (lock waits included) that runs longer (default: no limit). */
  statementTimeoutMs?: number;
  /** Called with every SQL statement (tests count them to catch N+1 queries). */
  onQuery?: (sql: string, durationMs: number) => void;
}

interface RawReader {
  pool: pg.Pool;
  onQuery?: (sql: string, durationMs: number) => void;
}

const readers = new WeakMap<object, RawReader>();

/** Startup options of every application connection (see `createDbClient`); raw clients in benchmarks use them too. */
export const CONNECTION_OPTIONS = '-c jit=off -c max_parallel_workers_per_gather=0';

/** The one way to get a Prisma client: Rust-free Prisma 7 over node-postgres. */
export function createDbClient({
  connectionString,
  maxConnections,
  statementTimeoutMs,
  onQuery,
}: CreateDbClientOptions): PrismaClient {
  const pool = new pg.Pool({
    connectionString,
    max: maxConnections,
    statement_timeout: statementTimeoutMs,
    // No JIT compilation and no parallel workers: the planner overestimates joins on `= ANY($ids)`
    // by orders of magnitude, which crossed `jit_above_cost` (≈ 0.6 s compiling a 0.1 s
    // alert-coverage statement, measured with EXPLAIN ANALYZE at 10,000 rules) and chose a parallel
    // plan for the filtered feed page at 10M articles (24 ms, 4 ms without the workers' start-up).
    // Wirelens runs many short statements side by side; neither pays for itself here. Search
    // relies on it too: its UNION ALL of partitions is read branch after branch (search-matches.ts).
    options: CONNECTION_OPTIONS,
  });
  // An idle client that loses its server (restart, network) must not crash the process.
  pool.on('error', () => undefined);
  const adapter = new PrismaPg(pool);
  // Prisma's 2 s default wait for a pooled connection is too tight when a worker is busy parsing.
  const transactionOptions = { maxWait: 10_000, timeout: 30_000 };
  let client: PrismaClient;
  if (onQuery) {
    const logging = new PrismaClient({
      adapter,
      transactionOptions,
      log: [{ emit: 'event', level: 'query' }],
    });
    logging.$on('query', (event) => onQuery(event.query, event.duration));
    client = logging;
  } else {
    client = new PrismaClient({ adapter, transactionOptions });
  }
  // The pool is ours, so closing the client closes it too.
  const disconnect = client.$disconnect.bind(client);
  let ended = false;
  client.$disconnect = async () => {
    await disconnect();
    if (!ended) {
      ended = true;
      await pool.end();
    }
  };
  readers.set(client, { pool, onQuery });
  return client;
}

export type DbClient = PrismaClient;

// Timestamps are stored without a zone and are UTC; pg would read them as local time.
const TIMESTAMP_OID = 1114;
const parseUtcTimestamp = (value: string) => new Date(`${value.replace(' ', 'T')}Z`);

/** A timestamp as PostgreSQL writes it (as text or in JSON); one without a zone is UTC. */
export function utcDate(value: string | Date): Date {
  if (value instanceof Date) return value;
  return new Date(/[zZ]|[+-]\d\d:?\d\d$/.test(value) ? value : `${value}Z`);
}
const utcTypes: { getTypeParser: typeof pg.types.getTypeParser } = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary'): unknown =>
    oid === TIMESTAMP_OID
      ? parseUtcTimestamp
      : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
};

/**
 * Runs a read-only statement for a hot read path (feed pages, series) straight on the client's
 * pool: no ORM row mapping, which matters for thousands of rows. Inside a transaction (or for a
 * client not made by `createDbClient`) it goes through Prisma instead, so it sees the transaction.
 * Select explicit types (`::int`, `::float8`): bigint and numeric columns come back as strings.
 */
export async function readRows<Row>(db: object, query: Prisma.Sql): Promise<Row[]> {
  const reader = readers.get(db);
  if (!reader) {
    return (db as { $queryRaw: <T>(query: Prisma.Sql) => Promise<T> }).$queryRaw<Row[]>(query);
  }
  const started = performance.now();
  const result = await reader.pool.query<Row & pg.QueryResultRow>({
    text: query.text,
    // Dates as UTC ISO strings: pg would send local time, which a ::timestamp cast keeps as is.
    values: query.values.map((value: unknown): unknown =>
      value instanceof Date ? value.toISOString() : value,
    ),
    types: utcTypes,
  });
  reader.onQuery?.(query.text, performance.now() - started);
  return result.rows;
}

export interface PoolStats {
  /** Connections open (idle and in use). */
  total: number;
  idle: number;
  /** Queries waiting for a connection. */
  waiting: number;
  max: number;
}

/** The connection pool behind a client made by `createDbClient` (null for any other client). */
export function poolStats(db: object): PoolStats | null {
  const reader = readers.get(db);
  if (!reader) return null;
  const { pool } = reader;
  return {
    total: pool.totalCount,
    idle: pool.idleCount,
    waiting: pool.waitingCount,
    max: pool.options.max ?? 10,
  };
}

/** SQLSTATE query_canceled: PostgreSQL ended the statement at `statement_timeout`. */
const STATEMENT_TIMEOUT = '57014';

/** Whether `error` (from Prisma or from `readRows`) is a statement PostgreSQL cancelled at its timeout. */
export function isStatementTimeout(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const { code, meta } = error as {
    code?: unknown;
    meta?: { driverAdapterError?: { cause?: { originalCode?: unknown } } };
  };
  return code === STATEMENT_TIMEOUT || meta?.driverAdapterError?.cause?.originalCode === STATEMENT_TIMEOUT;
}
