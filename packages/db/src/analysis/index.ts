export * from './load-company-registry.js';
export * from './assign-story-cluster.js';
