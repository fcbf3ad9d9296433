export * from './event-queue.js';
export * from './live-feed.js';
export * from './live-connections.js';
