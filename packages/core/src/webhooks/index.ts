export * from './signature.js';
export * from './delivery-policy.js';
export * from './event.js';
