export * from './job-definitions.js';
