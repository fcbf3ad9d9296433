import type { IncomingMessage } from 'node:http';

import { AppError } from '@wirelens/core';
import type { EmailConfig } from '@wirelens/core/email';
import type { DbClient } from '@wirelens/db';

import type { Context } from '../context.js';
import type { JobQueue } from '../jobs.js';
import type { Authentication } from './authenticate.js';
import { cameOverHttps, type ProxyTrust } from './client-address.js';
import type { RateLimits } from './rate-limits.js';
import type { RequestScope } from './routes.js';

/** What every request's context shares. */
export interface SharedContext {
  db: DbClient;
  jobs: JobQueue;
  fetchAllowHosts: readonly string[];
  llmConfigured: boolean;
  email: EmailConfig | null;
  rateLimits: RateLimits;
  proxyTrust: ProxyTrust;
}

export interface BuildContextOptions {
  shared: SharedContext;
  req: IncomingMessage;
  scope: RequestScope;
  ip: string | null;
  authentication: Authentication;
}

/** The GraphQL context of one authenticated request. */
export function buildContext({ shared, req, scope, ip, authentication }: BuildContextOptions): Context {
  return {
    db: shared.db,
    primaryDb: shared.db,
    jobs: shared.jobs,
    fetchAllowHosts: shared.fetchAllowHosts,
    llmConfigured: shared.llmConfigured,
    email: shared.email,
    ...authentication,
    requestId: scope.requestId,
    log: scope.log,
    ip,
    userAgent: req.headers['user-agent'] ?? null,
    setCookies: [],
    secureCookies: cameOverHttps(req, shared.proxyTrust),
    limitLogin: async () => {
      const retryAfter = await shared.rateLimits.login(ip);
      if (retryAfter > 0)
        throw new AppError('RATE_LIMITED', `Too many sign-in attempts; retry after ${retryAfter} s`, {
          details: { retryAfter },
        });
    },
  };
}
