export * from './upsert-articles.js';
