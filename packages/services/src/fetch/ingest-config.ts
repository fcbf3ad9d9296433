import type { HostLimiter } from './host-limiter.js';

/** What fetching feeds and article pages needs from the environment. */
export interface IngestConfig {
  /** Hosts exempt from the SSRF guard (FETCH_ALLOW_HOSTS). */
  allowHosts: readonly string[];
  /** Host of this Wirelens itself, allowed only for its bundled demo sources. */
  selfHost: string;
  timeoutMs: number;
  maxBytes: number;
  /** Longest back-off between attempts on a failing source. */
  backoffCapSeconds: number;
  limiter: HostLimiter;
}

/** The demo sources are served by Wirelens itself, so they may reach its own host. */
export function allowHostsFor(config: IngestConfig, source: { isDemo: boolean }): readonly string[] {
  return source.isDemo ? [...config.allowHosts, config.selfHost] : config.allowHosts;
}
