export { applyRetention, type ApplyRetentionOptions, type RetentionResult } from './apply-retention.js';
export { extractFullText, type ExtractFullTextOptions } from './extract-full-text.js';
export {
  countStaleArticles,
  resanitizeArticles,
  type ResanitizeArticlesOptions,
  type ResanitizeArticlesResult,
  type ResanitizeProgress,
} from './resanitize-articles.js';
