export { canonicalizeUrl, isTrackingParam } from './canonicalize-url.js';
export { urlKey } from './url-key.js';
export { isPublicAddress } from './public-address.js';
export { feedUrlProblem, type FeedUrlProblem } from './feed-url-problem.js';
export { normalizeFeedUrl, type NormalizedFeedUrl } from './normalize-feed-url.js';
export { allowHostsEnv } from './allow-hosts.js';
export { publicUrlEnv } from './public-url.js';
