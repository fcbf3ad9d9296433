export * from './password.js';
export * from './secret-token.js';
export * from './roles.js';
export * from './check-password.js';
export * from './login-throttle.js';
