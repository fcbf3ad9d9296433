import { AppError, type RoleName } from '@wirelens/core';
import type { EmailConfig } from '@wirelens/core/email';
import type { Logger } from '@wirelens/core/logging';
import type { DbClient } from '@wirelens/db';
import type { LiveFeed } from '@wirelens/services/live';

import type { JobQueue } from './jobs.js';

export interface Viewer {
  id: number;
  email: string;
  name: string | null;
  role: RoleName;
  /** An admin reset the password: a session may only change it (see graphql-plugin.ts). */
  mustChangePassword: boolean;
}

export interface Context {
  /** Where this operation reads and writes: the primary, or for a query the read replica (read-replica.ts). */
  db: DbClient;
  /** Always the primary: for the rare query that writes (an export's audit entry). */
  primaryDb: DbClient;
  viewer: Viewer | null;
  /** How the viewer authenticated: the dashboard cookie or an API token. */
  authMethod: 'session' | 'token' | null;
  /** The session secret from the cookie (for logout). */
  sessionSecret: string | null;
  requestId: string;
  /** The request's logger: every line carries its request id. */
  log: Logger;
  ip: string | null;
  userAgent: string | null;
  jobs: JobQueue;
  /** Whether an LLM endpoint is configured (LLM_BASE_URL and LLM_MODEL), so LLM runs can be queued. */
  llmConfigured: boolean;
  /** SMTP and link settings; null when e-mail is off (SMTP_URL unset). */
  email: EmailConfig | null;
  /** Private or loopback hosts feed URLs may name anyway (FETCH_ALLOW_HOSTS). */
  fetchAllowHosts: readonly string[];
  /** Set-Cookie values the HTTP layer adds to the response. */
  setCookies: string[];
  /** Whether cookies get the Secure attribute (request came over https). */
  secureCookies: boolean;
  /** This process's live events: set on WebSocket subscriptions only. */
  live?: LiveFeed;
  /** Counts a sign-in attempt from this client; throws RATE_LIMITED when there were too many. */
  limitLogin: () => Promise<void>;
}

/**
 * The signed-in viewer as the actor of a change (for the audit log). Resolvers behind an auth
 * scope always have one; anything else is refused as unauthenticated rather than trusted.
 */
export function requireViewer(ctx: Context): { userId: number; requestId: string; ip: string | null } {
  if (!ctx.viewer) {
    throw new AppError('UNAUTHENTICATED', 'Sign in or send an API token (Authorization: Bearer <token>)');
  }
  return { userId: ctx.viewer.id, requestId: ctx.requestId, ip: ctx.ip };
}
