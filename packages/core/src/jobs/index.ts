export * from './job-contracts.js';
