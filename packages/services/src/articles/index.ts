export { extractFullText, type ExtractFullTextOptions } from './extract-full-text.js';
