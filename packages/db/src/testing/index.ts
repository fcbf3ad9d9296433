export * from './create-test-database.js';
export * from './database-url.js';
