import { afterEach, beforeEach } from 'vitest';

import { createTestDatabase, type TestDatabase } from '@wirelens/db/testing';

import { createHostLimiter } from '../fetch/host-limiter.js';
import type { IngestConfig } from '../fetch/ingest-config.js';
import { startJobQueue, type JobQueue } from '../queue/job-queue.js';
import { startFeedServer, type FeedServer } from './feed-server.js';

/** Ingestion settings for tests: the loopback feed server is allowed, limits are short. */
export function testIngestConfig(overrides: Partial<IngestConfig> = {}): IngestConfig {
  return {
    allowHosts: ['127.0.0.1'],
    selfHost: '127.0.0.1',
    timeoutMs: 2_000,
    maxBytes: 1_000_000,
    backoffCapSeconds: 86_400,
    limiter: createHostLimiter(2),
    ...overrides,
  };
}

export interface IngestTestbed {
  test: TestDatabase;
  server: FeedServer;
  /** The real queue in the test database (no worker), so queued follow-ups can be counted. */
  jobs: JobQueue;
  config: IngestConfig;
  /** Jobs of this name waiting in the queue. */
  queued(name: string): Promise<number>;
  close(): Promise<void>;
}

/** A fresh database, a local feed server, a job queue and the test ingestion settings. */
export async function startIngestTestbed(): Promise<IngestTestbed> {
  const test = await createTestDatabase();
  const server = await startFeedServer();
  const jobs = await startJobQueue({ connectionString: test.url, onError: () => undefined });
  return {
    test,
    server,
    jobs,
    config: testIngestConfig(),
    async queued(name) {
      const rows = await test.db.$queryRawUnsafe<{ count: bigint }[]>(
        `SELECT count(*) AS count FROM pgboss.job WHERE name = $1 AND state = 'created'`,
        name,
      );
      return Number(rows[0]?.count ?? 0);
    },
    async close() {
      await jobs.stop();
      await server.close();
      await test.drop();
    },
  };
}

/**
 * Gives every test of the file its own testbed: started before each test and handed to `onStart` (which keeps
 * the parts the file uses), closed after it.
 */
export function useIngestTestbed(onStart: (testbed: IngestTestbed) => void): void {
  let current: IngestTestbed | undefined;
  beforeEach(async () => {
    current = await startIngestTestbed();
    onStart(current);
  });
  afterEach(() => current?.close());
}
