export * from './create-test-database.js';
export * from './database-url.js';
export * from './bench-database.js';
export * from './previous-release.js';
export * from './sample-rows.js';
export * from './query-once.js';
export * from './search-judgements.js';
export * from './lock-out-user.js';
