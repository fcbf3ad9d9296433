export { canonicalizeUrl, isTrackingParam } from './canonicalize-url.js';
export { urlKey } from './url-key.js';
