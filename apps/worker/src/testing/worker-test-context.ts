import { afterEach, beforeEach } from 'vitest';

import { createTestDatabase, type TestDatabase } from '@wirelens/db/testing';
import { startFeedServer, type FeedServer } from '@wirelens/services/testing';

import type { RunningWorker } from '../run-worker.js';

/** What a worker test works with: its own database, a feed server (unless asked not to), and the worker it started (stopped after it). */
export interface WorkerTestContext {
  readonly test: TestDatabase;
  readonly server: FeedServer;
  worker: RunningWorker | null;
}

/**
 * Gives each test of the file a fresh database and feed server, runs `prepare` on them, and after the
 * test stops the worker it left in `worker` (waiting `stopGraceMs` for its jobs), the server and the database.
 */
export function workerTestContext({
  stopGraceMs = 1_000,
  feedServer = true,
  prepare,
}: {
  stopGraceMs?: number;
  feedServer?: boolean;
  prepare?: (test: TestDatabase) => Promise<unknown>;
} = {}): WorkerTestContext {
  let test: TestDatabase | undefined;
  let server: FeedServer | undefined;
  const context = {
    get test() {
      if (!test) throw new Error('workerTestContext: read inside a test');
      return test;
    },
    get server() {
      if (!server) throw new Error('workerTestContext: read inside a test of a context with a feed server');
      return server;
    },
    worker: null as RunningWorker | null,
  };
  beforeEach(async () => {
    test = await createTestDatabase();
    if (feedServer) server = await startFeedServer();
    await prepare?.(test);
  });
  afterEach(async () => {
    await context.worker?.stop(stopGraceMs);
    context.worker = null;
    await server?.close();
    server = undefined;
    await test?.drop();
  });
  return context;
}
