export * from './demo-content.js';
export * from './build-demo-feed.js';
