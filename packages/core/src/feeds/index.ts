export {
  decodeFeedBody,
  detectEncoding,
  type DetectedEncoding,
  type EncodingSource,
} from './detect-encoding.js';
export { parseFeedDate } from './parse-date.js';
export { parseFeed, type ParseFeedOptions } from './parse-feed.js';
export { normalizeItem } from './normalize-item.js';
export type { FeedEnclosure, FeedFormat, FeedItem, ParsedFeed, RawFeedItem } from './types.js';
