export { buildOpml } from './build-opml.js';
export { parseOpml } from './parse-opml.js';
export type { OpmlDocument, OpmlOutline, OpmlSource } from './types.js';
