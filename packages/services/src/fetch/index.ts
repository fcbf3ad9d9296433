export {
  DEFAULT_ACCEPT,
  DEFAULT_USER_AGENT,
  fetchUrl,
  guardedLookup,
  type FetchUrlOptions,
  type FetchUrlResult,
  parseCacheMaxAge,
} from './fetch-url.js';
export { createHostLimiter, type HostLimiter } from './host-limiter.js';
export { createSsrfGuard, type ResolveHost, type SsrfGuard, type SsrfGuardOptions } from './ssrf-guard.js';
export { allowHostsFor, type IngestConfig } from './ingest-config.js';
