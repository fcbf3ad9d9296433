import { createTestDatabase, type TestDatabase } from '@wirelens/db/testing';

import { createHostLimiter } from '../http/host-limiter.js';
import type { IngestConfig } from '../ingest/ingest-config.js';
import { runWorker, type RunningWorker } from '../run-worker.js';
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
  /** A worker with no handlers: just the queue, so enqueued follow-ups can be counted. */
  worker: RunningWorker;
  config: IngestConfig;
  close(): Promise<void>;
}

/** A fresh database, a local feed server, a queue-only worker and the test ingestion settings. */
export async function startIngestTestbed(): Promise<IngestTestbed> {
  const test = await createTestDatabase();
  const server = await startFeedServer();
  const worker = await runWorker({ connectionString: test.url, db: test.db, jobs: [] });
  return {
    test,
    server,
    worker,
    config: testIngestConfig(),
    async close() {
      await worker.stop(1000);
      await server.close();
      await test.drop();
    },
  };
}
