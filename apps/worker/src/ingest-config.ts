import { createHostLimiter, type IngestConfig } from '@wirelens/services/fetch';
import type { WebhookConfig } from '@wirelens/services/webhooks';

import type { WorkerEnv } from './env.js';

/** Fetch settings from the environment, for the worker's jobs and the CLI's `sources refresh`. */
export function ingestConfigOf(env: WorkerEnv): IngestConfig {
  return {
    allowHosts: env.FETCH_ALLOW_HOSTS,
    selfHost: env.HOST,
    timeoutMs: env.FETCH_TIMEOUT_MS,
    maxBytes: env.FETCH_MAX_BYTES,
    backoffCapSeconds: env.SOURCE_BACKOFF_CAP_SECONDS,
    limiter: createHostLimiter(env.FETCH_PER_HOST),
  };
}

/** Webhook delivery settings from the environment: the same allow-list as feeds. */
export function webhookConfigOf(env: WorkerEnv): WebhookConfig {
  return {
    allowHosts: env.FETCH_ALLOW_HOSTS,
    publicUrl: env.WIRELENS_PUBLIC_URL ?? `http://${env.HOST}:${env.PORT}`,
    timeoutMs: env.WEBHOOK_TIMEOUT_MS,
  };
}
