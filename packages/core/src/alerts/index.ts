export * from './rule-params.js';
export * from './evaluate.js';
export * from './render-alert-email.js';
