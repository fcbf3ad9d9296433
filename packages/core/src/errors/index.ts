export * from './app-error.js';
export * from './invalid-input.js';
