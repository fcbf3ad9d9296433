import type { TestDatabase } from '@wirelens/db/testing';
import { createAnalyzerSet } from '@wirelens/services/analysis';
import { BUILTIN_ANALYZER_CONFIG, testIngestConfig } from '@wirelens/services/testing';

import { runWorker, type RunningWorker, type RunWorkerOptions } from '../run-worker.js';

/**
 * A worker in this process on the test database: the built-in analyzer, the test ingestion settings, one job
 * of a kind at a time and a one-second supervision interval, unless `options` says otherwise.
 */
export function startTestWorker(
  test: TestDatabase,
  options: Partial<Omit<RunWorkerOptions, 'connectionString' | 'db'>> = {},
): Promise<RunningWorker> {
  return runWorker({
    connectionString: test.url,
    db: test.db,
    concurrency: 1,
    analyzers: createAnalyzerSet({ db: test.db, config: BUILTIN_ANALYZER_CONFIG }),
    ingest: testIngestConfig(),
    superviseIntervalSeconds: 1,
    ...options,
  });
}
