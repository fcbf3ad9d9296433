export * from './search-query.js';
