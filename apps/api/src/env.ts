import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { z } from 'zod';

import { optionalPostgresUrl, parseEnv, postgresUrl } from '@wirelens/core/config';
import { emailConfigOf, emailEnvShape } from '@wirelens/core/email';
import { loggingEnvShape } from '@wirelens/core/logging';
import { allowHostsEnv } from '@wirelens/core/urls';

import { parseProxyTrust } from './http/client-address.js';

const appRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** `120/10`: a burst of 120, refilled at 10 a second (fractions allowed: `10/0.1667`). */
const rateLimitRule = z
  .string()
  .regex(/^\d+\/\d*\.?\d+$/, 'must be <burst>/<per second>, e.g. 120/10')
  .transform((value) => {
    const [capacity = '', refill = ''] = value.split('/');
    return { capacity: Number(capacity), refillPerSecond: Number(refill) };
  })
  .refine((rule) => rule.capacity >= 1 && rule.refillPerSecond > 0, 'needs a burst ≥ 1 and a rate > 0');

/** The API environment, validated once at start-up; nothing else reads `process.env`. */
const schema = z.object({
  DATABASE_URL: postgresUrl,
  /**
   * A PostgreSQL streaming standby of DATABASE_URL: read-only GraphQL queries read there, mutations and a
   * viewer's reads right after their own write use the primary. Unset: everything uses DATABASE_URL.
   */
  DATABASE_REPLICA_URL: optionalPostgresUrl,
  HOST: z.string().min(1).default('127.0.0.1'),
  PORT: z.coerce.number().int().min(0).max(65535).default(4000),
  NODE_ENV: z.enum(['development', 'production', 'test']).default('production'),
  /** Where the built dashboard lives (apps/dashboard/dist by default). */
  WIRELENS_DASHBOARD_DIR: z.string().default(path.resolve(appRoot, '../dashboard/dist')),
  /** Where the built GraphiQL page lives. */
  WIRELENS_GRAPHIQL_DIR: z.string().default(path.resolve(appRoot, 'dist/graphiql')),
  /** Largest accepted request body, in bytes. */
  WIRELENS_MAX_BODY_BYTES: z.coerce.number().int().min(1024).default(1_000_000),
  /** PostgreSQL cancels any one statement of the API that runs longer (a clean TIMEOUT error, not a hang). */
  WIRELENS_STATEMENT_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(10_000),
  /** Hosts a feed URL may name although they are private or loopback (comma-separated; same as the worker's). */
  FETCH_ALLOW_HOSTS: allowHostsEnv,
  /** The worker's LLM endpoint; the API only needs to know whether one is configured. */
  LLM_BASE_URL: z.url({ protocol: /^https?$/ }).optional(),
  LLM_MODEL: z.string().min(1).optional(),
  /**
   * Behind reverse proxies: how many (`1`; `true` means 1) or which (addresses/CIDRs, comma-separated). Their
   * X-Forwarded-For gives the client IP (rate limits, audit), their X-Forwarded-Proto https (Secure cookies, HSTS).
   */
  WIRELENS_TRUST_PROXY: z
    .string()
    .default('false')
    .transform((value, ctx) => {
      try {
        return parseProxyTrust(value);
      } catch (error) {
        ctx.addIssue({
          code: 'custom',
          message: `must be false, true, a hop count or a list of proxy addresses/CIDRs (${(error as Error).message})`,
        });
        return z.NEVER;
      }
    }),
  /** Request limits shared by every API process, as `<burst>/<per second>` (defaults in http/rate-limits.ts). */
  WIRELENS_RATE_LIMIT_PER_TOKEN: rateLimitRule.optional(),
  WIRELENS_RATE_LIMIT_PER_IP: rateLimitRule.optional(),
  /** Sign-in attempts per client address. */
  WIRELENS_RATE_LIMIT_LOGIN: rateLimitRule.optional(),
  /**
   * Seconds an API process trusts who a token or session stands for without reading it again; revocation,
   * sign-out, deactivation and role changes reach every process at once through LISTEN/NOTIFY. 0: no cache.
   */
  WIRELENS_AUTH_CACHE_SECONDS: z.coerce.number().int().min(0).max(3600).default(30),
  /** Bearer token for GET /metrics on the API's port; unset: no /metrics there. */
  METRICS_TOKEN: z.string().min(16, 'must be at least 16 characters').optional(),
  /** A separate, unauthenticated /metrics listener on this port (bind address METRICS_HOST). */
  METRICS_PORT: z.coerce.number().int().min(1).max(65535).optional(),
  METRICS_HOST: z.string().min(1).default('127.0.0.1'),
  ...loggingEnvShape,
  ...emailEnvShape,
});

export type ApiEnv = z.infer<typeof schema>;

export function loadEnv(source: NodeJS.ProcessEnv = process.env): ApiEnv {
  const env = parseEnv(schema, source);
  // Fails fast on SMTP_URL without its From address, public URL or secret.
  emailConfigOf(env);
  return env;
}
