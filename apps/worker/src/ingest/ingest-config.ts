import type { HostLimiter } from '../http/host-limiter.js';

/** What the ingestion jobs need from the environment. */
export interface IngestConfig {
  /** Hosts exempt from the SSRF guard (FETCH_ALLOW_HOSTS). */
  allowHosts: readonly string[];
  /** Host of this Wirelens itself, allowed only for its bundled demo sources. */
  selfHost: string;
  timeoutMs: number;
  maxBytes: number;
  backoffCapSeconds: number;
  limiter: HostLimiter;
}
