export * from './rule-params.js';
export * from './evaluate.js';
