export * from './email-env.js';
export * from './unsubscribe-token.js';
export * from './digest-period.js';
