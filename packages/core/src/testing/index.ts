export * from './analysis-result.js';
export * from './script-args.js';
export * from './mojibake.js';
