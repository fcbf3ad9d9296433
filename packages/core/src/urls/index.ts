export { canonicalizeUrl, isTrackingParam } from './canonicalize-url.js';
export { urlKey } from './url-key.js';
export { isPublicAddress } from './public-address.js';
export { feedUrlProblem } from './feed-url-problem.js';
export { allowHostsEnv } from './allow-hosts.js';
