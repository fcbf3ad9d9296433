export * from './errors/index.js';
export * from './topics/index.js';
export * from './auth/index.js';
export * from './jobs/index.js';
