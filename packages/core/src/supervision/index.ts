export * from './next-restart.js';
