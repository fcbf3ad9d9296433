import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from './generated/prisma/client.js';

export interface CreateDbClientOptions {
  connectionString: string;
  /** Pool size per process (pg default is 10). */
  maxConnections?: number;
  /** Called with every SQL statement (tests count them to catch N+1 queries). */
  onQuery?: (sql: string) => void;
}

/** The one way to get a Prisma client: Rust-free Prisma 7 over node-postgres. */
export function createDbClient({ connectionString, maxConnections, onQuery }: CreateDbClientOptions): PrismaClient {
  const adapter = new PrismaPg({ connectionString, max: maxConnections });
  // Prisma's 2 s default wait for a pooled connection is too tight when a worker is busy parsing.
  const transactionOptions = { maxWait: 10_000, timeout: 30_000 };
  if (!onQuery) return new PrismaClient({ adapter, transactionOptions });
  const client = new PrismaClient({ adapter, transactionOptions, log: [{ emit: 'event', level: 'query' }] });
  client.$on('query', (event) => onQuery(event.query));
  return client;
}

export type DbClient = PrismaClient;
