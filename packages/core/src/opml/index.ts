export { buildOpml } from './build-opml.js';
export { MAX_OPML_DEPTH, parseOpml } from './parse-opml.js';
export type { OpmlDocument, OpmlOutline, OpmlSkipped, OpmlSource } from './types.js';
