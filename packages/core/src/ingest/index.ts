export * from './prepare-article.js';
export * from './next-fetch-time.js';
