export { parseRetryAfterMs } from './parse-retry-after.js';
