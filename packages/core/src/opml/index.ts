export { buildOpml } from './build-opml.js';
export { parseOpml } from './parse-opml.js';
export type { OpmlDocument, OpmlOutline, OpmlSkipped, OpmlSource } from './types.js';
