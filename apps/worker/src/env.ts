import path from 'node:path';

import { z } from 'zod';

import { AppError } from '@wirelens/core';
import { optionalPostgresUrl, parseEnv } from '@wirelens/core/config';
import { emailConfigOf, emailEnvShape } from '@wirelens/core/email';
import { loggingEnvShape } from '@wirelens/core/logging';
import { allowHostsEnv } from '@wirelens/core/urls';

export const DEFAULT_LEARN_EVERY = 50;
/** Analysis jobs a worker takes per fetch with the built-in analyzer (WORKER_ANALYSIS_BATCH). */
export const DEFAULT_ANALYSIS_BATCH = 100;

/**
 * The worker and CLI environment, validated once. Nothing else in this app
 * reads `process.env`.
 */
const schema = z.object({
  DATABASE_URL: optionalPostgresUrl,
  WIRELENS_DATA_DIR: z.string().min(1).default('./.wirelens'),
  HOST: z.string().min(1).default('127.0.0.1'),
  PORT: z.coerce.number().int().min(0).max(65535).default(4000),
  WIRELENS_ADMIN_EMAIL: z.email().default('admin@wirelens.local'),
  WIRELENS_ADMIN_PASSWORD: z.string().min(10, 'must be at least 10 characters').optional(),
  /** On the first start, also add a few real public business/tech feeds (besides the bundled demo feeds). */
  WIRELENS_SEED_PUBLIC_FEEDS: z
    .enum(['true', 'false', '1', '0'])
    .default('true')
    .transform((value) => value === 'true' || value === '1'),
  WORKER_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(4),
  /** Only these jobs (comma-separated names, e.g. webhooks-deliver) in this process; default: all. */
  WORKER_JOBS: z
    .string()
    .default('')
    .transform((value) =>
      value
        .split(',')
        .map((name) => name.trim())
        .filter((name) => name !== ''),
    ),
  /** Analysis jobs taken per fetch and analysed together; default 50 (LLM_CONCURRENCY with the LLM analyzer). */
  WORKER_ANALYSIS_BATCH: z.coerce.number().int().min(1).max(1000).optional(),
  /** Hosts the fetcher may reach although they are private or loopback (comma-separated). */
  FETCH_ALLOW_HOSTS: allowHostsEnv,
  FETCH_TIMEOUT_MS: z.coerce.number().int().min(1000).max(300_000).default(20_000),
  FETCH_MAX_BYTES: z.coerce
    .number()
    .int()
    .min(10_000)
    .default(10 * 1024 * 1024),
  /** Concurrent requests to one host. */
  FETCH_PER_HOST: z.coerce.number().int().min(1).max(16).default(2),
  /** Where people reach this Wirelens, for links in webhook payloads (default http://HOST:PORT). */
  /** Deadline of one webhook delivery attempt. */
  WEBHOOK_TIMEOUT_MS: z.coerce.number().int().min(500).max(60_000).default(10_000),
  /** builtin (offline, default) or llm (an OpenAI-compatible endpoint; falls back to builtin). */
  WIRELENS_ANALYZER: z.enum(['builtin', 'llm']).default('builtin'),
  LLM_BASE_URL: z.url({ protocol: /^https?$/ }).optional(),
  LLM_MODEL: z.string().min(1).optional(),
  LLM_API_KEY: z.string().optional(),
  LLM_TIMEOUT_MS: z.coerce.number().int().min(1000).max(600_000).default(60_000),
  LLM_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(2),
  /** How often the queue looks for jobs abandoned by a dead worker. */
  QUEUE_SUPERVISE_SECONDS: z.coerce.number().int().min(1).max(3600).default(30),
  /** How often `wirelens start` checks that the API answers /healthz; 3 unanswered checks in a row restart it. */
  WIRELENS_HEALTH_CHECK_SECONDS: z.coerce.number().int().min(1).max(3600).default(10),
  /** Longest back-off between attempts on a failing source. */
  SOURCE_BACKOFF_CAP_SECONDS: z.coerce.number().int().min(60).default(86_400),
  /** Keep articles' full text this many days after publication (`wirelens retention`); unset: keep everything. */
  WIRELENS_RETENTION_DAYS: z.coerce
    .number()
    .int()
    .min(1)
    .optional()
    .or(z.literal('').transform(() => undefined)),
  /** Serve this worker's /metrics (Prometheus, unauthenticated) on this port, bound to METRICS_HOST. */
  WORKER_METRICS_PORT: z.coerce.number().int().min(1).max(65535).optional(),
  METRICS_HOST: z.string().min(1).default('127.0.0.1'),
  /** Train a learned analyzer model after this many new editor decisions (approvals and corrections). */
  WIRELENS_LEARN_EVERY: z.coerce.number().int().min(1).default(DEFAULT_LEARN_EVERY),
  NODE_ENV: z.enum(['development', 'production', 'test']).default('production'),
  ...loggingEnvShape,
  ...emailEnvShape,
  // pnpm runs package scripts inside the package; relative paths are meant from where the user ran pnpm.
  INIT_CWD: z.string().optional(),
});

export type WorkerEnv = z.infer<typeof schema> & { dataDir: string };

export function analyzerConfigOf(env: WorkerEnv) {
  return {
    kind: env.WIRELENS_ANALYZER,
    llm: {
      baseUrl: env.LLM_BASE_URL,
      model: env.LLM_MODEL,
      apiKey: env.LLM_API_KEY,
      timeoutMs: env.LLM_TIMEOUT_MS,
      concurrency: env.LLM_CONCURRENCY,
    },
  };
}

/** WORKER_ANALYSIS_BATCH, else 100 with the built-in analyzer and LLM_CONCURRENCY with the LLM (its calls dominate). */
export function analysisBatchOf(env: WorkerEnv): number {
  return (
    env.WORKER_ANALYSIS_BATCH ??
    (env.WIRELENS_ANALYZER === 'llm' ? env.LLM_CONCURRENCY : DEFAULT_ANALYSIS_BATCH)
  );
}

const loggingSchema = z.object(loggingEnvShape);

/**
 * Only the logging variables, for the logger every module imports. It is created before a command validates
 * the environment, so a bad value falls back to the defaults here and `loadEnv` names it with the rest.
 */
export function loadLoggingEnv(source: NodeJS.ProcessEnv = process.env): z.infer<typeof loggingSchema> {
  const parsed = loggingSchema.safeParse(source);
  return parsed.success ? parsed.data : loggingSchema.parse({});
}

export function loadEnv(source: NodeJS.ProcessEnv = process.env): WorkerEnv {
  const env = parseEnv(schema, source);
  if (env.WIRELENS_ANALYZER === 'llm' && (!env.LLM_BASE_URL || !env.LLM_MODEL)) {
    throw new AppError(
      'CONFIG',
      'Invalid environment: WIRELENS_ANALYZER=llm needs LLM_BASE_URL and LLM_MODEL',
    );
  }
  // Fails fast on SMTP_URL without its From address, public URL or secret.
  emailConfigOf(env);
  return { ...env, dataDir: path.resolve(env.INIT_CWD ?? process.cwd(), env.WIRELENS_DATA_DIR) };
}
