export {
  resanitizeArticles,
  type ResanitizeArticlesOptions,
  type ResanitizeArticlesResult,
  type ResanitizeProgress,
} from './resanitize-articles.js';
