export * from './password.js';
export * from './secret-token.js';
export * from './roles.js';
