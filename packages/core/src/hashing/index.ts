export { contentHash } from './content-hash.js';
