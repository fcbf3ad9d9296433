import type { ResolveHost } from '../fetch/ssrf-guard.js';

/** What delivering webhooks needs from the environment. */
export interface WebhookConfig {
  /** Hosts exempt from the SSRF guard (FETCH_ALLOW_HOSTS), as for feeds. */
  allowHosts: readonly string[];
  /** WIRELENS_PUBLIC_URL without a trailing slash: the base of the links in payloads. */
  publicUrl: string;
  /** Deadline for one attempt, connection and response included (WEBHOOK_TIMEOUT_MS). */
  timeoutMs: number;
  /** DNS resolution, injectable for tests; defaults to the system resolver. */
  resolve?: ResolveHost;
}
