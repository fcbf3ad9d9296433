import { createHostLimiter } from '../http/host-limiter.js';
import type { IngestConfig } from '../ingest/ingest-config.js';

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
